// Prometheus metrics, including the process CPU time the benchmark divides by requests served.
import type { FastifyInstance } from 'fastify'
import { Counter, collectDefaultMetrics, Registry } from 'prom-client'

export async function metricsRoutes(app: FastifyInstance) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'dateline_http_requests_total',
    help: 'HTTP responses sent, by status class',
    labelNames: ['status'] as const,
    registers: [registry],
  })
  app.addHook('onResponse', async (_request, reply) => {
    requests.inc({ status: `${Math.floor(reply.statusCode / 100)}xx` })
  })
  app.get('/metrics', async (_request, reply) =>
    reply
      .type(registry.contentType)
      .header('cache-control', 'no-store')
      .send(await registry.metrics()),
  )
}
