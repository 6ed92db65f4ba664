// Breaking-news notifications on the subscribe page: registers the service worker, asks for
// permission only when the reader clicks "enable", subscribes with the site's VAPID key and sends
// the subscription with the chosen topics to the server; "disable" undoes both.
//
// It drives the page's <section class="subscribe-push" data-push-key data-edition>, with its
// checkboxes name="push-topic", buttons [data-push-enable] and [data-push-disable] and the status
// line [data-push-status]. Nothing here is English: the status words come from the section's
// data attributes, in the edition's language:
//
//   data-label-enabled      notifications are on in this browser
//   data-label-disabled     they are off
//   data-label-denied       the browser blocks them (the reader has to allow them in its settings)
//   data-label-unsupported  this browser cannot receive them
//   data-label-working      a moment, while asking and subscribing
//   data-label-error        it did not work; try again
;(() => {
  const section = document.querySelector('.subscribe-push[data-push-key]')
  if (!section) return
  const status = section.querySelector('[data-push-status]')
  const enable = section.querySelector('[data-push-enable]')
  const disable = section.querySelector('[data-push-disable]')
  const fieldset = section.querySelector('fieldset')
  const edition = section.dataset.edition || ''
  const API = '/subscriptions/push'
  // Which edition and topics this browser chose, so the page shows them on the next visit.
  const STORED = 'dateline:push'

  const say = (name) => {
    if (status) status.textContent = section.dataset[`label${name}`] || ''
  }
  // The inline style too: a stylesheet's display rule would otherwise win over [hidden].
  const hide = (element, hidden) => {
    if (!element) return
    element.hidden = hidden
    element.style.display = hidden ? 'none' : ''
  }
  const show = (state) => {
    section.dataset.pushState = state
    hide(enable, state !== 'off')
    hide(disable, state !== 'on')
  }

  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window) ||
    !window.isSecureContext
  ) {
    hide(fieldset, true)
    show('unsupported')
    say('Unsupported')
    return
  }

  const checkboxes = () => [...section.querySelectorAll('input[name="push-topic"]')]
  const topics = () =>
    checkboxes()
      .filter((box) => box.checked)
      .map((box) => box.value)
  const stored = () => {
    try {
      const value = JSON.parse(localStorage.getItem(STORED) || 'null')
      return value && value.edition === edition ? value : null
    } catch {
      return null
    }
  }
  const store = (value) => {
    try {
      if (value) localStorage.setItem(STORED, JSON.stringify(value))
      else localStorage.removeItem(STORED)
    } catch {}
  }

  const serverKey = () => {
    const text = (section.dataset.pushKey || '').replace(/-/g, '+').replace(/_/g, '/')
    const raw = atob(text + '='.repeat((4 - (text.length % 4)) % 4))
    return Uint8Array.from(raw, (c) => c.charCodeAt(0))
  }
  const sameKey = (subscription, key) => {
    const current = subscription.options?.applicationServerKey
    if (!current) return true
    const bytes = new Uint8Array(current)
    return bytes.length === key.length && bytes.every((b, i) => b === key[i])
  }

  const call = async (method, body) => {
    const response = await fetch(API, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    })
    if (!response.ok) throw new Error(`${method} ${API} answered ${response.status}`)
  }

  const current = async () => {
    const registration = await navigator.serviceWorker.getRegistration('/')
    return registration ? registration.pushManager.getSubscription() : null
  }

  const save = async (subscription) => {
    const chosen = topics()
    await call('POST', { edition, subscription: subscription.toJSON(), topics: chosen })
    store({ edition, topics: chosen })
    show('on')
    say('Enabled')
  }

  let busy = false
  // The work starts in the click's own turn, so the permission prompt counts as the reader's doing.
  const run = async (work) => {
    if (busy) return
    busy = true
    say('Working')
    try {
      await work()
    } catch {
      say('Error')
    } finally {
      busy = false
    }
  }

  enable?.addEventListener('click', () =>
    run(async () => {
      const permission = await Notification.requestPermission()
      if (permission !== 'granted') {
        show('off')
        say(permission === 'denied' ? 'Denied' : 'Disabled')
        return
      }
      const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' })
      await navigator.serviceWorker.ready
      const applicationServerKey = serverKey()
      let subscription = await registration.pushManager.getSubscription()
      // Made with other keys (the site's were replaced): it cannot receive our pushes.
      if (subscription && !sameKey(subscription, applicationServerKey)) {
        await subscription.unsubscribe()
        subscription = null
      }
      subscription ??= await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey,
      })
      await save(subscription)
    }),
  )

  disable?.addEventListener('click', () =>
    run(async () => {
      const subscription = await current()
      if (subscription) {
        // Forgotten here even if the server cannot be told now: its next push is answered 410.
        await call('DELETE', { endpoint: subscription.endpoint }).catch(() => {})
        await subscription.unsubscribe()
      }
      store(null)
      show('off')
      say('Disabled')
    }),
  )

  // Topics changed while subscribed: the server gets the new choice at once.
  fieldset?.addEventListener('change', () => {
    if (section.dataset.pushState !== 'on') return
    run(async () => {
      const subscription = await current()
      if (subscription) await save(subscription)
      else show('off')
    })
  })

  const chosen = stored()
  if (chosen) for (const box of checkboxes()) box.checked = chosen.topics.includes(box.value)
  if (Notification.permission === 'denied') {
    show('off')
    say('Denied')
    return
  }
  current()
    .then((subscription) => {
      const on = Boolean(subscription && chosen)
      show(on ? 'on' : 'off')
      if (on) say('Enabled')
    })
    .catch(() => show('off'))
})()
