// Comments under load: 200 readers posting on one story at once, each from its own address, while
// 1,000 readers watch its live stream (held by two other processes). Posters share the server's process.

import { type ChildProcess, fork } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../src/main.ts'
import { loadConfig } from '../src/platform/config.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { randomToken, tokenHash } from '../src/platform/security/tokens.ts'
import { defer } from './cleanup.ts'
import { draft, newsroom } from './newsroom.ts'
import { now, percentile, round } from './stats.ts'

const POSTERS = 200
const POSTS_EACH = 5
const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 1000)

type Message = { type: string; seen?: [number, { count: number; last: number }][] }

function next(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve) => {
    const listen = (message: Message) => {
      if (message.type !== type) return
      child.off('message', listen)
      resolve(message)
    }
    child.on('message', listen)
  })
}

function post(
  base: string,
  reader: { token: string; csrf: string; address: string },
  articleId: number,
  text: string,
) {
  const url = new URL(`${base}/community/articles/${articleId}/comments`)
  const body = JSON.stringify({ text })
  return new Promise<{ status: number; id: number }>((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: reader.address,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: `dateline_reader=${reader.token}`,
          'x-csrf-token': reader.csrf,
        },
      },
      (response) => {
        let text = ''
        response.on('data', (c) => {
          text += c
        })
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, id: JSON.parse(text).id ?? 0 }),
        )
      },
    )
    request.once('error', reject)
    request.end(body)
  })
}

export async function benchComments() {
  console.log(
    `\nComments: ${POSTERS} readers posting ${POSTS_EACH} comments each on one story, ${WATCHERS} watching it live`,
  )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-comments-'))
  const removeDir = defer(() => fs.rmSync(dir, { recursive: true, force: true }))
  const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  await migrateToLatest(database.db)
  const built = await buildApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error' }), { database })
  const close = defer(() => built.app.close())
  const base = await built.app.listen({ port: 0, host: '127.0.0.1' })
  const room = await newsroom(built.services)
  const story = await draft(built.services, room, 'A story everyone comments on')
  await built.services.articles.publish(story)
  await built.services.communitySettings.save(room.editionId, {
    ...(await built.services.communitySettings.get(room.editionId)),
    holdNewReaders: false,
  })

  // Readers made directly in the database: hashing 200 passwords would only measure argon2.
  const at = new Date().toISOString()
  const readers = []
  for (let i = 0; i < POSTERS; i++) {
    const { id } = await database.db
      .insertInto('readers')
      .values({
        email: `reader${i}@bench.example`,
        display_name: `Reader ${i}`,
        password_hash: 'x',
        edition_id: room.editionId,
        created_at: at,
        confirmed_at: at,
        trusted_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const token = randomToken()
    const csrf = randomToken()
    await database.db
      .insertInto('reader_sessions')
      .values({
        id: tokenHash(token),
        reader_id: id,
        csrf_token: csrf,
        created_at: at,
        last_seen_at: at,
        expires_at: '2999-01-01T00:00:00.000Z',
      })
      .execute()
    readers.push({ token, csrf, address: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` })
  }

  // The watchers live in two other processes, so their reading does not slow the server down.
  const port = Number(new URL(base).port)
  const children = [0, 1].map(() =>
    fork(path.join(import.meta.dirname, 'comment-watchers.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  const stopChildren = defer(async () => {
    for (const child of children) child.kill()
  })
  await Promise.all(children.map((child) => next(child, 'started')))
  await Promise.all(
    children.map((child) => {
      const opened = next(child, 'opened')
      child.send({
        type: 'open',
        port,
        path: `/community/articles/${story}/comments/stream`,
        count: WATCHERS / 2,
      })
      return opened
    }),
  )
  await new Promise((r) => setTimeout(r, 500))

  const posted = new Map<number, number>()
  const roundTrips: number[] = []
  let failed = 0
  const started = now()
  await Promise.all(
    readers.map(async (reader, i) => {
      for (let n = 0; n < POSTS_EACH; n++) {
        const sent = now()
        const result = await post(
          base,
          reader,
          story,
          `Comment ${n} of reader ${i}: the talks matter.`,
        )
        roundTrips.push(now() - sent)
        if (result.status === 201) posted.set(result.id, sent)
        else failed++
      }
    }),
  )
  const elapsed = now() - started
  // Give the last events time to reach every watcher.
  await new Promise((r) => setTimeout(r, 2000))
  const arrivals = new Map<number, { count: number; last: number }>()
  for (const child of children) {
    const result = next(child, 'result')
    child.send({ type: 'collect' })
    for (const [id, entry] of (await result).seen ?? []) {
      const known = arrivals.get(id)
      arrivals.set(
        id,
        known
          ? { count: known.count + entry.count, last: Math.max(known.last, entry.last) }
          : entry,
      )
    }
  }
  await stopChildren()
  const everyone: number[] = []
  let missing = 0
  for (const [id, sent] of posted) {
    const entry = arrivals.get(id)
    if (!entry || entry.count < WATCHERS) missing++
    else everyone.push(entry.last - sent)
  }
  await close()
  await removeDir()

  const ms = (values: number[], p: number) => round(percentile(values, p), 1)
  console.table([
    {
      posts: posted.size,
      refused: failed,
      'posts/s': round(posted.size / (elapsed / 1000), 0),
      'round trip p50 ms': ms(roundTrips, 50),
      'round trip p99 ms': ms(roundTrips, 99),
      'all 1,000 have it p50 ms': ms(everyone, 50),
      'all 1,000 have it p99 ms': ms(everyone, 99),
      'not reaching all': missing,
    },
  ])
  console.log(
    `(server and ${POSTERS} posters in one Node ${process.version} process, ${WATCHERS} watchers in two more, SQLite, ${os.cpus().length} cores)`,
  )
}
