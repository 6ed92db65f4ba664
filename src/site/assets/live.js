// Keeps a reader's page live: the newsfeed column and the breaking-news banner follow the
// edition's stream. Without JavaScript the page is complete as the server rendered it.
;(() => {
  const feed = document.querySelector('.newsfeed[data-stream]')
  const list = feed?.querySelector('.newsfeed__list')
  const slot = document.querySelector('.breaking-slot')
  if (!feed || !list || !window.EventSource) return
  const LENGTH = 12
  const dismissedKey = 'dateline:dismissed-breaking'

  const itemFor = (story) => {
    const li = document.createElement('li')
    li.dataset.id = String(story.articleId)
    const time = document.createElement('time')
    const link = document.createElement('a')
    li.append(time, link)
    fill(li, story)
    return li
  }

  const fill = (li, story) => {
    li.className = story.breaking ? 'newsfeed__item newsfeed__item--breaking' : 'newsfeed__item'
    const time = li.querySelector('time')
    const link = li.querySelector('a')
    time.dateTime = story.datetime
    time.textContent = story.time
    link.href = story.url
    link.textContent = story.headline
  }

  const showBanner = (story) => {
    if (!slot) return
    if (sessionStorage.getItem(dismissedKey) === String(story.articleId)) return
    slot.replaceChildren()
    const banner = document.createElement('div')
    banner.className = 'breaking-banner'
    banner.setAttribute('role', 'alert')
    banner.dataset.id = String(story.articleId)
    const badge = document.createElement('span')
    badge.className = 'badge'
    badge.textContent = slot.dataset.label
    const link = document.createElement('a')
    link.href = story.url
    link.textContent = story.headline
    banner.append(badge, ' ', link)
    slot.append(banner)
    addDismiss(banner)
  }

  const hideBanner = (articleId) => {
    const banner = slot?.querySelector('.breaking-banner')
    if (banner && (articleId === undefined || banner.dataset.id === String(articleId)))
      banner.remove()
  }

  const addDismiss = (banner) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'breaking-banner__close'
    button.setAttribute('aria-label', slot.dataset.dismiss)
    button.textContent = '×'
    button.addEventListener('click', () => {
      sessionStorage.setItem(dismissedKey, banner.dataset.id)
      banner.remove()
    })
    banner.append(button)
  }

  const apply = (story) => {
    const existing = list.querySelector(`li[data-id="${story.articleId}"]`)
    if (story.kind === 'unpublished' || !story.url) {
      existing?.remove()
      hideBanner(story.articleId)
      return
    }
    if (existing) fill(existing, story)
    else if (story.kind === 'published') {
      const li = itemFor(story)
      li.classList.add('newsfeed__item--new')
      list.prepend(li)
      while (list.children.length > LENGTH) list.lastElementChild.remove()
    }
    if (story.breaking) showBanner(story)
    else hideBanner(story.articleId)
  }

  const existingBanner = slot?.querySelector('.breaking-banner')
  if (existingBanner) {
    if (sessionStorage.getItem(dismissedKey) === existingBanner.dataset.id) existingBanner.remove()
    else addDismiss(existingBanner)
  }

  let source
  const connect = (after) => {
    source?.close()
    source = new EventSource(`${feed.dataset.stream}?lastEventId=${encodeURIComponent(after)}`)
    source.addEventListener('story', (event) => {
      try {
        apply(JSON.parse(event.data))
      } catch {}
    })
    // Too far behind to catch up story by story: take the current list and start again from it.
    source.addEventListener('reload', async () => {
      source.close()
      try {
        const response = await fetch(`${feed.dataset.stream.replace(/\/stream$/, '')}.json`)
        const fresh = await response.json()
        list.replaceChildren(...fresh.items.map(itemFor))
        connect(fresh.lastEventId)
      } catch {
        setTimeout(() => connect(feed.dataset.lastEventId), 5000)
      }
    })
  }
  connect(feed.dataset.lastEventId)
})()

// Reading on at the end of a story: as the reader nears the "next story" link, the next story of
// the section is fetched and appended, and the address and title follow whichever story is being
// read. Without JavaScript, or when a fetch fails, the link is there to follow.
;(() => {
  const main = document.querySelector('.page__main')
  const opened = main?.querySelector('.article[data-url]')
  if (!opened || !window.IntersectionObserver || !window.fetch) return
  const counted = new WeakSet([opened])

  // The story crossing the middle of the screen is the one being read, however long it is.
  const reading = new IntersectionObserver(
    (entries) => {
      for (const { isIntersecting, target: story } of entries) {
        if (!isIntersecting) continue
        if (location.pathname !== story.dataset.url)
          history.replaceState(history.state, '', story.dataset.url)
        document.title = story.dataset.title
        if (!counted.has(story)) {
          counted.add(story)
          navigator.sendBeacon?.(story.dataset.view)
        }
      }
    },
    { rootMargin: '-45% 0px -45% 0px' },
  )

  const append = async (nav) => {
    nearing.unobserve(nav)
    const link = nav.querySelector('a')
    const loader = document.createElement('p')
    loader.className = 'next-story__loader'
    loader.setAttribute('role', 'status')
    loader.textContent = link.textContent
    nav.setAttribute('aria-busy', 'true')
    link.hidden = true
    nav.append(loader)
    try {
      const response = await fetch(nav.dataset.fragment, { headers: { accept: 'text/html' } })
      if (!response.ok) throw new Error(`${response.status}`)
      const template = document.createElement('template')
      template.innerHTML = await response.text()
      const story = template.content.querySelector('.article[data-url]')
      if (!story) throw new Error('no story in the fragment')
      const next = template.content.querySelector('.next-story')
      nav.replaceWith(template.content)
      reading.observe(story)
      if (next?.dataset.fragment) nearing.observe(next)
    } catch {
      loader.remove()
      link.hidden = false
      nav.removeAttribute('aria-busy')
    }
  }

  const nearing = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) append(entry.target)
    },
    { rootMargin: '600px 0px' },
  )

  reading.observe(opened)
  const first = main.querySelector('.next-story[data-fragment]')
  if (first) nearing.observe(first)
})()

// The search box suggests headlines as the reader types; picking one opens the story.
;(() => {
  const form = document.querySelector('form.site-search')
  const input = form?.querySelector('input[type="search"]')
  const options = document.getElementById('site-search-suggestions')
  if (!form || !input || !options || !window.fetch) return
  let timer
  let latest = []
  input.addEventListener('input', () => {
    const picked = latest.find((s) => s.headline === input.value)
    if (picked) return window.location.assign(picked.url)
    clearTimeout(timer)
    const q = input.value.trim()
    if (q.length < 2) return options.replaceChildren()
    timer = setTimeout(async () => {
      try {
        const response = await fetch(`${form.action}/suggest?q=${encodeURIComponent(q)}`)
        if (!response.ok) return
        latest = (await response.json()).suggestions ?? []
        options.replaceChildren(
          ...latest.map((s) => {
            const option = document.createElement('option')
            option.value = s.headline
            return option
          }),
        )
      } catch {}
    }, 150)
  })
})()
