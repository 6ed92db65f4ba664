// The service worker, served at /sw.js for the whole site: shows a breaking-news push as a
// notification and opens (or brings forward) the story when the reader clicks it.
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('push', (event) => {
  let message = {}
  try {
    message = event.data ? event.data.json() : {}
  } catch {}
  if (typeof message.title !== 'string' || message.title === '') return
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body || '',
      icon: message.icon || undefined,
      // One notification per story: a repeat of the same story replaces it instead of piling up.
      tag: message.tag || undefined,
      lang: message.lang || '',
      dir: message.dir || 'auto',
      data: { url: message.url },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = event.notification.data?.url
  if (typeof url !== 'string') return
  let target
  try {
    target = new URL(url, self.location.origin)
  } catch {
    return
  }
  // Our own pages only, whatever a push says.
  if (target.origin !== self.location.origin) return
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const open = windows.find((client) => client.url === target.href)
      if (open) return open.focus()
      return self.clients.openWindow(target.href)
    })(),
  )
})
