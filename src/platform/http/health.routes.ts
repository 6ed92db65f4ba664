// Liveness and readiness for load balancers and orchestrators.
import type { FastifyInstance } from 'fastify'

export async function healthRoutes(app: FastifyInstance, deps: { ping: () => Promise<void> }) {
  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  )
  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    try {
      await deps.ping()
      return { status: 'ready' }
    } catch (error) {
      request.log.warn({ err: error }, 'database unreachable')
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' })
    }
  })
}
