// The masthead's "Subscribe" link opens a small dialog with the e-mail form of the subscribe page,
// fetched from that page and sent from the dialog; the page's answer (the inbox notice, or the form
// again with what was wrong) replaces the form. Without JavaScript, or without <dialog>, the link
// simply opens the page. The dialog's words come from the link's data attributes.
;(() => {
  const link = document.querySelector('a[data-subscribe-dialog]')
  if (!link || typeof HTMLDialogElement !== 'function' || !window.fetch || !window.DOMParser) return
  const labels = link.dataset
  let dialog
  let content
  let busy = false

  const parse = (html) => new DOMParser().parseFromString(html, 'text/html')

  const element = (tag, attributes = {}, text = '') => {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
    if (text) node.textContent = text
    return node
  }

  const failed = () => {
    content.querySelector('.subscribe-dialog__failed')?.remove()
    const alert = element('p', { class: 'account__alert subscribe-dialog__failed', role: 'alert' })
    alert.textContent = labels.labelFailed || ''
    content.prepend(alert)
  }

  /** Shows what the page answered: its form (first, or again with an error), or its message. */
  const show = (doc) => {
    const form = doc.querySelector('form.subscribe-form')
    if (form) {
      const adopted = document.importNode(form, true)
      adopted.addEventListener('submit', submit)
      content.replaceChildren(adopted)
      const invalid = adopted.querySelector('[aria-invalid="true"], .account__alert')
      ;(invalid || adopted.querySelector('input[type="email"]'))?.focus()
      return
    }
    const page = doc.querySelector('main .account')
    const heading = page?.querySelector('h1')
    const message = page?.querySelector('.account__message')
    if (!heading) return failed()
    const title = element('h3', { class: 'subscribe-dialog__result', tabindex: '-1' })
    title.textContent = heading.textContent
    const text = element('p', { role: 'status' })
    text.textContent = message?.textContent || ''
    content.replaceChildren(title, text)
    title.focus()
  }

  const load = async (request) => {
    if (busy) return
    busy = true
    try {
      const response = await fetch(request.url, {
        method: request.method || 'GET',
        body: request.body,
        credentials: 'same-origin',
        headers: { accept: 'text/html' },
      })
      show(parse(await response.text()))
    } catch {
      failed()
    } finally {
      busy = false
    }
  }

  function submit(event) {
    event.preventDefault()
    const form = event.currentTarget
    load({ url: form.action, method: 'POST', body: new URLSearchParams(new FormData(form)) })
  }

  const build = () => {
    dialog = element('dialog', {
      class: 'subscribe-dialog',
      'aria-labelledby': 'subscribe-dialog-title',
    })
    const header = element('div', { class: 'subscribe-dialog__header' })
    const title = element('h2', { id: 'subscribe-dialog-title' })
    title.textContent = labels.labelTitle || link.textContent
    const close = element('button', {
      type: 'button',
      class: 'subscribe-dialog__close',
      'aria-label': labels.labelClose || '',
    })
    close.textContent = '×'
    close.addEventListener('click', () => dialog.close())
    header.append(title, close)
    content = element('div', { class: 'account subscribe-dialog__content', 'aria-live': 'polite' })
    const more = element('a', { class: 'subscribe-dialog__more', href: link.href })
    more.textContent = labels.labelMore || ''
    dialog.append(header, content, more)
    // A click on the backdrop lands on the dialog itself, outside its box.
    dialog.addEventListener('click', (event) => {
      if (event.target !== dialog) return
      const box = dialog.getBoundingClientRect()
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom
      if (!inside) dialog.close()
    })
    dialog.addEventListener('close', () => link.focus())
    document.body.append(dialog)
  }

  link.addEventListener('click', (event) => {
    // A new tab or window asked for: the page, as the link says.
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    if (!dialog) build()
    content.replaceChildren()
    dialog.showModal()
    load({ url: link.href })
  })
})()
