// Comments under a story. The page is the same for every reader (it is cached), so this island fills
// in what belongs to one reader: who is signed in, the comment form, the list with its likes,
// replies, edits, deletions and reports, and the stream of what other readers post meanwhile.
// Without JavaScript the server's sign-in paragraph and <noscript> note stay as rendered.
//
// The section carries everything: data-article, data-edition, data-lang, data-dir, data-api,
// optionally data-timezone (the edition's IANA zone for dates; without it the reader's), and
// data-strings, a JSON object of the UI strings in the edition's language. Nothing here is English:
// a missing key shows the key itself. The keys, with their English values:
//
//   sortLabel       Sort by
//   sortNewest      Newest first
//   sortOldest      Oldest first
//   sortLiked       Most liked
//   yourComment     Your comment
//   yourReply       Your reply to {name}
//   editLabel       Edit your comment
//   send            Send
//   save            Save
//   cancel          Cancel
//   reply           Reply
//   edit            Edit
//   delete          Delete
//   report          Report
//   like            Like
//   loading         Loading comments…
//   loadError       The comments could not be loaded.
//   retry           Try again
//   loadMore        Show more comments
//   empty           No comments yet.
//   deletedUser     Deleted user
//   deletedComment  Comment deleted
//   held            Waiting for a moderator: only you can see this comment.
//   closed          Comments on this story are closed.
//   closedExpired   This story is no longer open for comments.
//   premoderated    A moderator reads every comment before it appears.
//   posted          Your comment has been published.
//   postedHeld      Thank you. Your comment will appear once a moderator has approved it.
//   deleted         Your comment has been deleted.
//   reportReason    Why should a moderator look at this comment?
//   reasonSpam      Spam or advertising
//   reasonAbuse     Insults, threats or hate
//   reasonOffTopic  Off topic
//   reasonOther     Something else
//   reportDetails   Details (optional)
//   reportSend      Send report
//   reportSent      Thanks, a moderator will look at it.
//   charsLeft       {n} characters left
//   charsOver       {n} characters too many
//   emptyText       Write something first.
//   confirmDelete   Delete this comment? This cannot be undone.
//   edited          edited
//   justNow         just now
//   error           Something went wrong. Please try again.
//   newComments     {n} new comments
//   signedInAs      Signed in as {name}
//   logout          Log out
//
// A string with {n} may also come in plural forms, keyed by the language's Intl.PluralRules
// category: newComments_one = "{n} new comment" (ru also _few, _many). Without them the plain key
// is used for every number. Times under an hour are said through Intl.RelativeTimeFormat, older
// ones through Intl.DateTimeFormat, both in data-lang, so they need no strings.
;(() => {
  // ---- Pure helpers: no DOM, so the unit test can run them in Node ----

  const intlCache = new Map()
  /** One Intl formatter per kind, language and options; an unknown language falls back. */
  const intl = (Kind, lang, options) => {
    const key = `${Kind.name}|${lang}|${JSON.stringify(options ?? {})}`
    let formatter = intlCache.get(key)
    if (!formatter) {
      const { timeZone, ...rest } = options ?? {}
      for (const [locale, opts] of [
        [lang, options],
        [undefined, options],
        [undefined, rest],
      ]) {
        try {
          formatter = new Kind(locale, opts)
          break
        } catch {}
      }
      intlCache.set(key, formatter)
    }
    return formatter
  }

  /** A UI string with its {placeholders} filled; {n} picks a plural form when there is one. */
  const format = (strings, lang, key, params) => {
    let text = strings[key]
    const n = params?.n
    if (typeof n === 'number') {
      const variant = strings[`${key}_${intl(Intl.PluralRules, lang).select(n)}`]
      if (typeof variant === 'string') text = variant
    }
    if (typeof text !== 'string') return key
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (match, name) => {
      if (!(name in params)) return match
      const value = params[name]
      return typeof value === 'number' ? intl(Intl.NumberFormat, lang).format(value) : String(value)
    })
  }

  /** A template cut at its placeholders: "Signed in as {name}" -> ["Signed in as ", {name}, ""]. */
  const pieces = (template) =>
    template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? { name: part } : part))

  /** Links in comments are followed only to the web: http(s) addresses that parse. */
  const safeHref = (href) => {
    if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return null
    try {
      const url = new URL(href)
      return url.protocol === 'http:' || url.protocol === 'https:' ? href : null
    } catch {
      return null
    }
  }

  /** Addresses the server gives for its own pages: a path on this site, or an http(s) address. */
  const safeNav = (href) =>
    typeof href === 'string' && /^\/(?![/\\])/.test(href) ? href : safeHref(href)

  /** Characters as a reader counts them: an emoji is one. */
  const countChars = (text) => Array.from(text).length

  /**
   * "just now", "12 minutes ago" within the hour, else the localised date and time, in the
   * edition's time zone when the section names one (data-timezone), else the reader's.
   */
  const timeLabel = (iso, now, lang, justNow, timeZone) => {
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return { text: '', title: '', relative: false }
    const zone = timeZone ? { timeZone } : {}
    const full = intl(Intl.DateTimeFormat, lang, { dateStyle: 'long', timeStyle: 'short', ...zone })
    const title = full.format(date)
    const age = now - date.getTime()
    if (age < 60_000) return { text: justNow, title, relative: true }
    if (age < 3_600_000) {
      const minutes = Math.floor(age / 60_000)
      const text = intl(Intl.RelativeTimeFormat, lang, { numeric: 'auto' }).format(
        -minutes,
        'minute',
      )
      return { text, title, relative: true }
    }
    const short = intl(Intl.DateTimeFormat, lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...zone,
    })
    return { text: short.format(date), title, relative: false }
  }

  /** Whether the reader may still edit a comment of theirs. */
  const editable = (comment, now) =>
    Boolean(
      comment.mine &&
        !comment.deleted &&
        comment.editableUntil &&
        new Date(comment.editableUntil).getTime() > now,
    )

  /**
   * A comment from the stream carries no per-reader fields: whose it is follows from the author,
   * the like and the edit window from what this page knew of it before.
   */
  const personalise = (comment, previous, reader) => {
    const mine = Boolean(reader && comment.author && comment.author.id === reader.id)
    return {
      ...comment,
      mine,
      likedByMe: previous ? Boolean(previous.likedByMe) : false,
      editableUntil: mine && previous ? (previous.editableUntil ?? null) : null,
      replies: [],
    }
  }

  /** The comment a reply hangs under; null for a top-level comment. */
  const parentOf = (comment) => (typeof comment?.parentId === 'number' ? comment.parentId : null)

  /** The reason sent with a report: a code moderators can group by, and the reader's words. */
  const reportReason = (code, details) => {
    const words = details.trim()
    return words ? `${code}: ${words}` : code
  }

  const helpers = {
    format,
    pieces,
    safeHref,
    safeNav,
    countChars,
    timeLabel,
    editable,
    personalise,
    parentOf,
    reportReason,
  }
  // The unit test runs this file in a bare context that provides `module`.
  if (typeof module === 'object' && module?.exports) module.exports = helpers
  if (typeof document === 'undefined' || typeof window === 'undefined') return

  // ---- The island ----

  const SELECTOR = 'section.comments[data-article][data-api]'
  const SORTS = ['newest', 'oldest', 'liked']
  const SORT_KEYS = { newest: 'sortNewest', oldest: 'sortOldest', liked: 'sortLiked' }
  const SORT_STORAGE = 'dateline:comments-sort'
  const REASONS = [
    ['spam', 'reasonSpam'],
    ['abuse', 'reasonAbuse'],
    ['off-topic', 'reasonOffTopic'],
    ['other', 'reasonOther'],
  ]
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)')
  let uid = 0

  const storage = {
    get(key) {
      try {
        return sessionStorage.getItem(key)
      } catch {
        return null
      }
    },
    set(key, value) {
      try {
        sessionStorage.setItem(key, value)
      } catch {}
    },
  }

  /** createElement with attributes and children; strings become text nodes, never markup. */
  const el = (tag, attributes, ...children) => {
    const node = document.createElement(tag)
    for (const [name, value] of Object.entries(attributes ?? {})) {
      if (value === null || value === undefined || value === false) continue
      if (name === 'text') node.textContent = value
      else if (name === 'value') node.value = value
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value)
      else node.setAttribute(name, value === true ? '' : String(value))
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child)
    }
    return node
  }

  class ApiError extends Error {
    constructor(message, status, code) {
      super(message)
      this.status = status
      this.code = code
    }
  }

  const controllers = new Map()

  const init = (section) => {
    if (controllers.has(section)) return
    const data = section.dataset
    const island = section.querySelector('[data-island]')
    const articleId = data.article
    const api = (data.api ?? '').replace(/\/+$/, '')
    if (!island || !articleId || !api || !window.fetch) return

    const lang = data.lang || document.documentElement.lang || undefined
    if (data.lang) section.lang = data.lang
    if (data.dir) section.dir = data.dir
    let strings = {}
    try {
      const parsed = JSON.parse(data.strings ?? '{}')
      if (parsed && typeof parsed === 'object') strings = parsed
    } catch {}
    const t = (key, params) => format(strings, lang, key, params)
    const prefix = `comments-${articleId}`
    const newId = () => `${prefix}-${++uid}`
    const articlePath = `/articles/${encodeURIComponent(articleId)}`

    const state = {
      reader: null,
      csrf: '',
      links: null,
      sort: SORTS.includes(storage.get(SORT_STORAGE)) ? storage.get(SORT_STORAGE) : 'newest',
      count: 0,
      page: 0,
      hasMore: false,
      open: true,
      closedReason: null,
      premoderated: false,
      maxLength: 2000,
      ready: false,
    }
    /** id -> { comment, li } for every comment on the page. */
    const shown = new Map()
    /** Comments other readers posted, waiting for the reader to ask for them. */
    const pending = new Map()
    /** Ids the stream has told of as posted, and as removed: its `count` already has them. */
    const announced = new Set()
    const gone = new Set()
    const reported = new Set()
    /** Stream events that arrive while the list is being (re)loaded, applied after it. */
    const queued = []
    let generation = 0

    // ---- Requests ----

    const request = async (method, path, body) => {
      const headers = { accept: 'application/json' }
      if (method !== 'GET') headers['x-csrf-token'] = state.csrf
      if (body !== undefined) headers['content-type'] = 'application/json'
      let response
      try {
        response = await fetch(`${api}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: 'same-origin',
          cache: 'no-store',
        })
      } catch {
        throw new ApiError(t('error'), 0)
      }
      if (response.status === 204) return null
      let payload = null
      try {
        payload = await response.json()
      } catch {}
      if (!response.ok) {
        const error = payload?.error
        const message = typeof error?.message === 'string' && error.message ? error.message : ''
        throw new ApiError(message || t('error'), response.status, error?.code)
      }
      if (payload === null || typeof payload !== 'object') throw new ApiError(t('error'), 0)
      return payload
    }
    const messageOf = (error) => (error instanceof ApiError ? error.message : t('error'))

    // ---- The island's frame ----

    const status = el('p', { class: 'visually-hidden', role: 'status' })
    const notice = el('p', { class: 'comments__notice', hidden: true })
    const compose = el('div', { class: 'comments__compose' })
    const sortId = newId()
    const sortSelect = el(
      'select',
      { id: sortId, class: 'comments__sort' },
      SORTS.map((sort) =>
        el('option', { value: sort, selected: sort === state.sort, text: t(SORT_KEYS[sort]) }),
      ),
    )
    const toolbar = el(
      'div',
      { class: 'comments__toolbar', hidden: true },
      el('label', { for: sortId, text: t('sortLabel') }),
      sortSelect,
    )
    const newButton = el('button', { type: 'button', class: 'comments__new', hidden: true })
    const list = el('ol', { class: 'comments__list' })
    const loadingNote = el('p', { class: 'comments__loading', text: t('loading') })
    const emptyNote = el('p', { class: 'comments__empty', hidden: true, text: t('empty') })
    const loadErrorText = el('span')
    const retryButton = el('button', {
      type: 'button',
      class: 'comments__button',
      text: t('retry'),
    })
    const loadError = el(
      'p',
      { class: 'comments__load-error', role: 'alert', hidden: true },
      loadErrorText,
      ' ',
      retryButton,
    )
    const moreButton = el('button', {
      type: 'button',
      class: 'comments__button comments__more',
      hidden: true,
      text: t('loadMore'),
    })
    const moreError = el('p', { class: 'comments__error', role: 'alert' })
    island.replaceChildren(
      status,
      notice,
      compose,
      toolbar,
      el('div', { class: 'comments__new-slot', 'aria-live': 'polite' }, newButton),
      loadingNote,
      list,
      emptyNote,
      loadError,
      moreButton,
      moreError,
    )

    const announce = (text) => {
      status.textContent = ''
      // Emptied first, so the same words said twice are announced twice.
      setTimeout(() => {
        status.textContent = text
      }, 50)
    }

    const setCount = (count) => {
      if (typeof count !== 'number' || !Number.isFinite(count)) return
      state.count = Math.max(0, count)
      const text = intl(Intl.NumberFormat, lang).format(state.count)
      for (const node of section.querySelectorAll('[data-count], .comments__count')) {
        if (node.textContent !== text) node.textContent = text
      }
    }

    // ---- Rendering one comment ----

    const timeNode = (iso) => {
      const label = timeLabel(iso, Date.now(), lang, t('justNow'), data.timezone)
      return el('time', {
        datetime: iso,
        title: label.title,
        'data-relative': label.relative,
        text: label.text,
      })
    }

    const textNode = (segments) => {
      const text = el('div', { class: 'comment__text', dir: 'auto' })
      for (const segment of Array.isArray(segments) ? segments : []) {
        const words = typeof segment?.text === 'string' ? segment.text : ''
        const href = safeHref(segment?.href)
        if (href) {
          text.append(el('a', { href, rel: 'nofollow ugc noopener', text: words || href }))
        } else if (words) {
          text.append(words)
        }
      }
      return text
    }

    const action = (name, label) =>
      el('button', {
        type: 'button',
        class: `comment__action comment__action--${name}`,
        'data-action': name,
        text: label,
      })

    const likeButton = (comment) => {
      const button = el(
        'button',
        {
          type: 'button',
          class: 'comment__action comment__like',
          'data-action': 'like',
          'aria-pressed': comment.likedByMe ? 'true' : 'false',
        },
        el('span', { class: 'comment__like-icon', 'aria-hidden': 'true' }),
        el('span', { text: t('like') }),
        el('span', { class: 'comment__likes' }),
      )
      fillLike(button, comment)
      return button
    }

    const fillLike = (button, comment) => {
      button.setAttribute('aria-pressed', comment.likedByMe ? 'true' : 'false')
      button.querySelector('.comment__like-icon').textContent = comment.likedByMe ? '♥' : '♡'
      const likes = button.querySelector('.comment__likes')
      likes.textContent =
        comment.likes > 0 ? intl(Intl.NumberFormat, lang).format(comment.likes) : ''
      likes.hidden = !(comment.likes > 0)
    }

    const actionsFor = (comment) => {
      const bar = el('div', { class: 'comment__actions' })
      const visible = comment.status !== 'held'
      if (visible) bar.append(likeButton(comment))
      if (state.reader && state.open && visible) bar.append(action('reply', t('reply')))
      if (editable(comment, Date.now())) bar.append(action('edit', t('edit')))
      if (comment.mine) bar.append(action('delete', t('delete')))
      if (state.reader && !comment.mine && visible && !reported.has(comment.id)) {
        bar.append(action('report', t('report')))
      }
      return bar
    }

    const bodyFor = (comment) => {
      const body = el('article', { class: 'comment__body', tabindex: '-1' })
      if (comment.deleted) {
        body.append(
          el('p', { class: 'comment__text comment__text--deleted', text: t('deletedComment') }),
        )
        return body
      }
      const author = comment.author?.displayName
      body.append(
        el(
          'p',
          { class: 'comment__meta' },
          el('span', {
            class: author ? 'comment__author' : 'comment__author comment__author--gone',
            dir: author ? 'auto' : null,
            text: author || t('deletedUser'),
          }),
          ' ',
          timeNode(comment.createdAt),
          comment.editedAt
            ? [
                el('span', { class: 'comment__sep', 'aria-hidden': 'true', text: ' · ' }),
                el('span', {
                  class: 'comment__edited',
                  title: timeLabel(comment.editedAt, Date.now(), lang, '', data.timezone).title,
                  text: t('edited'),
                }),
              ]
            : null,
        ),
      )
      if (comment.status === 'held')
        body.append(el('p', { class: 'comment__note', text: t('held') }))
      body.append(textNode(comment.segments), actionsFor(comment))
      return body
    }

    const decorate = (li, comment) => {
      li.dataset.depth = String(comment.depth ?? 0)
      li.classList.toggle('comment--held', comment.status === 'held')
      li.classList.toggle('comment--deleted', Boolean(comment.deleted))
      li.classList.toggle('comment--mine', Boolean(comment.mine))
    }

    /** A comment and its replies, registered in `shown`; ones already shown are left out. */
    const renderTree = (comment) => {
      const li = el('li', { class: 'comment', 'data-id': comment.id })
      li.append(bodyFor(comment), el('div', { class: 'comment__slot' }))
      decorate(li, comment)
      shown.set(comment.id, { comment: { ...comment, replies: [] }, li })
      for (const reply of Array.isArray(comment.replies) ? comment.replies : []) {
        if (!shown.has(reply.id)) repliesOf(li).append(renderTree(reply))
      }
      return li
    }

    const repliesOf = (li) => {
      let replies = li.querySelector(':scope > .comment__replies')
      if (!replies) {
        replies = el('ol', { class: 'comment__replies' })
        li.append(replies)
      }
      return replies
    }
    const hasReplies = (li) => Boolean(li.querySelector(':scope > .comment__replies > li'))
    const bodyOf = (li) => li.querySelector(':scope > .comment__body')
    const slotOf = (li) => li.querySelector(':scope > .comment__slot')

    /** Rebuilds a comment's visible part in place; focus stays on the same control. */
    const update = (comment) => {
      const entry = shown.get(comment.id)
      if (!entry) return
      entry.comment = { ...comment, replies: [] }
      const old = bodyOf(entry.li)
      const focused = old.contains(document.activeElement) ? document.activeElement : null
      const fresh = bodyFor(entry.comment)
      old.replaceWith(fresh)
      decorate(entry.li, entry.comment)
      if (focused) {
        const name = focused.dataset?.action
        const again = name && fresh.querySelector(`[data-action="${name}"]`)
        ;(again || fresh).focus()
      }
    }

    const refreshLike = (id) => {
      const entry = shown.get(id)
      const button = entry && bodyOf(entry.li).querySelector('[data-action="like"]')
      if (button) fillLike(button, entry.comment)
    }

    /** A removed comment goes; one with replies stays as "Comment deleted". */
    const remove = (id) => {
      const entry = shown.get(id)
      if (!entry) return
      const { li } = entry
      if (hasReplies(li)) {
        update({ ...entry.comment, deleted: true, segments: [] })
        closeSlot(id)
        return
      }
      const parentLi = li.parentElement?.closest('li.comment')
      li.remove()
      shown.delete(id)
      if (parentLi) {
        const replies = parentLi.querySelector(':scope > .comment__replies')
        if (replies && !replies.firstElementChild) replies.remove()
        const parentId = Number(parentLi.dataset.id)
        if (shown.get(parentId)?.comment.deleted && !hasReplies(parentLi)) remove(parentId)
      }
      renderEmpty()
    }

    // ---- Forms: the comment form, replies and edits share one shape ----

    const composer = ({ label, submitLabel, initial = '', onSubmit, onCancel, className }) => {
      const id = newId()
      const textarea = el('textarea', {
        id,
        name: 'text',
        rows: 4,
        dir: 'auto',
        'aria-keyshortcuts': 'Control+Enter Meta+Enter',
        'aria-describedby': `${id}-chars ${id}-error`,
      })
      textarea.value = initial
      const chars = el('span', { id: `${id}-chars`, class: 'comments__chars' })
      const charsSaid = el('span', { class: 'visually-hidden', 'aria-live': 'polite' })
      const error = el('p', { id: `${id}-error`, class: 'comments__error', role: 'alert' })
      const submit = el('button', {
        type: 'submit',
        class: 'comments__button comments__button--primary',
        text: submitLabel,
      })
      const cancel =
        onCancel &&
        el('button', {
          type: 'button',
          class: 'comments__button',
          text: t('cancel'),
          onclick: onCancel,
        })
      const form = el(
        'form',
        { class: `comments__form ${className}`, novalidate: true },
        el('label', { for: id, class: 'comments__label', text: label }),
        textarea,
        el(
          'div',
          { class: 'comments__form-foot' },
          chars,
          charsSaid,
          el('div', { class: 'comments__form-buttons' }, cancel, submit),
        ),
        error,
      )

      const showError = (message) => {
        error.textContent = message
        if (message) textarea.setAttribute('aria-invalid', 'true')
        else textarea.removeAttribute('aria-invalid')
      }
      let sayTimer
      const count = () => {
        const left = state.maxLength - countChars(textarea.value)
        const words = left >= 0 ? t('charsLeft', { n: left }) : t('charsOver', { n: -left })
        chars.textContent = words
        chars.classList.toggle('comments__chars--over', left < 0)
        // Said aloud only near the limit, once typing pauses.
        clearTimeout(sayTimer)
        if (left <= Math.max(20, state.maxLength / 10)) {
          sayTimer = setTimeout(() => {
            charsSaid.textContent = words
          }, 800)
        }
      }
      count()
      textarea.addEventListener('input', () => {
        count()
        if (error.textContent || textarea.hasAttribute('aria-invalid')) showError('')
      })
      textarea.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          form.requestSubmit()
        } else if (event.key === 'Escape' && onCancel && textarea.value === initial) {
          event.preventDefault()
          onCancel()
        }
      })

      let busy = false
      form.addEventListener('submit', async (event) => {
        event.preventDefault()
        if (busy) return
        const text = textarea.value
        if (!text.trim()) {
          showError(t('emptyText'))
          textarea.focus()
          return
        }
        if (countChars(text) > state.maxLength) {
          // The counter already says by how much, in red; say it aloud too.
          textarea.setAttribute('aria-invalid', 'true')
          charsSaid.textContent = ''
          setTimeout(() => {
            charsSaid.textContent = chars.textContent
          }, 50)
          textarea.focus()
          return
        }
        busy = true
        submit.setAttribute('aria-disabled', 'true')
        form.setAttribute('aria-busy', 'true')
        showError('')
        try {
          await onSubmit(text)
        } catch (failure) {
          // The text stays as typed, to correct or send again.
          showError(messageOf(failure))
        } finally {
          busy = false
          submit.removeAttribute('aria-disabled')
          form.removeAttribute('aria-busy')
        }
      })

      return {
        form,
        textarea,
        clear() {
          textarea.value = ''
          count()
        },
        recount: count,
      }
    }

    let mainForm = null
    const renderCompose = () => {
      if (state.reader && state.open) {
        if (!mainForm) {
          mainForm = composer({
            label: t('yourComment'),
            submitLabel: t('send'),
            className: 'comments__form--main',
            onSubmit: async (text) => {
              const comment = await request('POST', `${articlePath}/comments`, { text })
              mainForm.clear()
              const li = insertOwn(comment)
              announce(comment.status === 'held' ? t('postedHeld') : t('posted'))
              li?.scrollIntoView({ block: 'nearest', behavior: smooth() })
            },
          })
          compose.replaceChildren(mainForm.form)
        } else {
          mainForm.recount()
        }
      } else if (mainForm && !mainForm.textarea.value) {
        // Closed meanwhile: a form with words in it stays, and the server will say why it refuses.
        compose.replaceChildren()
        mainForm = null
      }
      let words = ''
      if (!state.open) words = t(state.closedReason === 'expired' ? 'closedExpired' : 'closed')
      else if (state.premoderated) words = t('premoderated')
      notice.textContent = words
      notice.hidden = !words
      notice.classList.toggle('comments__notice--closed', !state.open)
      const signin = section.querySelector('.comments__signin')
      if (signin && !state.reader) signin.hidden = !state.open
    }

    const renderSession = () => {
      const { reader, links } = state
      if (!reader) return
      const name = el('strong', { dir: 'auto', text: reader.displayName })
      const account = safeNav(links?.account)
      const who = el(
        'p',
        { class: 'comments__who' },
        pieces(t('signedInAs')).map((piece) =>
          typeof piece === 'string' ? piece : account ? el('a', { href: account }, name) : name,
        ),
      )
      const box = el('div', { class: 'comments__session' }, who)
      const logout = safeNav(links?.logout)
      if (logout) {
        box.append(
          el(
            'form',
            { class: 'comments__logout', method: 'post', action: logout },
            el('input', { type: 'hidden', name: '_csrf', value: state.csrf }),
            el('button', { type: 'submit', class: 'comments__button', text: t('logout') }),
          ),
        )
      }
      const signin = section.querySelector('.comments__signin')
      if (signin) signin.replaceWith(box)
      else island.before(box)
    }

    /** Signed out, the controls that need an account lead to the login link. */
    const toLogin = () => {
      const signin = section.querySelector('.comments__signin')
      const link = signin && !signin.hidden ? signin.querySelector('a[href]') : null
      if (link) {
        link.scrollIntoView({ block: 'center', behavior: smooth() })
        link.focus({ preventScroll: true })
        signin.classList.remove('comments__signin--flash')
        void signin.offsetWidth
        signin.classList.add('comments__signin--flash')
        return
      }
      const login = safeNav(state.links?.login)
      if (login) location.assign(login)
    }

    const smooth = () => (reducedMotion?.matches ? 'auto' : 'smooth')

    // ---- The list ----

    const appendItems = (items) => {
      for (const comment of Array.isArray(items) ? items : []) {
        if (comment && !shown.has(comment.id)) list.append(renderTree(comment))
      }
    }

    const applyMeta = (page) => {
      state.open = page.open !== false
      state.closedReason = page.closedReason ?? null
      state.premoderated = Boolean(page.premoderated)
      if (typeof page.maxLength === 'number' && page.maxLength > 0) state.maxLength = page.maxLength
      state.page = typeof page.page === 'number' ? page.page : state.page + 1
      state.hasMore = Boolean(page.hasMore)
      setCount(page.count)
    }

    const renderEmpty = () => {
      emptyNote.hidden = !state.ready || list.childElementCount > 0
    }
    const renderMore = () => {
      moreButton.hidden = !state.hasMore
    }
    const renderPending = () => {
      newButton.textContent = t('newComments', { n: pending.size })
      newButton.hidden = pending.size === 0
    }

    const fetchPage = (page) =>
      request('GET', `${articlePath}/comments?sort=${encodeURIComponent(state.sort)}&page=${page}`)

    /** Inline forms being typed in survive a reload of the list. */
    const takeSlots = () => {
      const kept = []
      for (const [id, { li }] of shown) {
        const slot = slotOf(li)
        if (slot.firstChild)
          kept.push({ id, slot, editing: li.classList.contains('comment--editing') })
      }
      return kept
    }
    const putSlots = (kept) => {
      const active = document.activeElement
      for (const { id, slot, editing } of kept) {
        const entry = shown.get(id)
        if (!entry || entry.comment.deleted) continue
        slotOf(entry.li).replaceWith(slot)
        entry.li.classList.toggle('comment--editing', editing)
        if (slot.contains(active)) active.focus()
      }
    }

    /** The first page (or the first `pages` pages), replacing what is shown. */
    const load = async ({ pages = 1 } = {}) => {
      const current = ++generation
      state.ready = false
      list.setAttribute('aria-busy', 'true')
      try {
        const results = []
        for (let page = 1; page <= pages; page++) {
          const result = await fetchPage(page)
          if (current !== generation) return false
          results.push(result)
          if (!result.hasMore) break
        }
        // Which buttons a comment gets depends on who is reading.
        await sessionKnown
        if (current !== generation) return false
        const kept = takeSlots()
        shown.clear()
        pending.clear()
        list.replaceChildren()
        for (const result of results) {
          applyMeta(result)
          appendItems(result.items)
        }
        putSlots(kept)
        loadError.hidden = true
        toolbar.hidden = false
        return true
      } catch (failure) {
        if (current !== generation) return false
        // A list already shown stays; only a page with nothing to show says it failed.
        if (shown.size === 0) {
          loadErrorText.textContent = messageOf(failure)
          loadError.hidden = false
        }
        return false
      } finally {
        if (current === generation) {
          loadingNote.hidden = true
          list.removeAttribute('aria-busy')
          state.ready = true
          for (const apply of queued.splice(0)) apply()
          renderCompose()
          renderPending()
          renderMore()
          renderEmpty()
        }
      }
    }

    const loadMore = async () => {
      if (moreButton.getAttribute('aria-disabled')) return
      const current = generation
      moreButton.setAttribute('aria-disabled', 'true')
      moreError.textContent = ''
      try {
        const result = await fetchPage(state.page + 1)
        if (current !== generation) return
        const last = list.lastElementChild
        applyMeta(result)
        appendItems(result.items)
        const first = last ? last.nextElementSibling : list.firstElementChild
        renderMore()
        renderCompose()
        if (first) bodyOf(first).focus()
      } catch (failure) {
        moreError.textContent = messageOf(failure)
      } finally {
        moreButton.removeAttribute('aria-disabled')
      }
    }

    /** The reader's own comment, from the server's answer, shown at once where it belongs. */
    const insertOwn = (comment) => {
      const mine = { ...comment, mine: true }
      if (pending.delete(mine.id)) renderPending()
      if (shown.has(mine.id)) {
        update(mine)
        return shown.get(mine.id).li
      }
      if (mine.status !== 'held' && !announced.has(mine.id)) setCount(state.count + 1)
      const li = renderTree(mine)
      const parent = shown.get(parentOf(mine))
      if (parent) repliesOf(parent.li).append(li)
      else if (state.sort === 'newest' || state.hasMore) list.prepend(li)
      else list.append(li)
      renderEmpty()
      return li
    }

    const showNew = async () => {
      for (const old of list.querySelectorAll('.comment--new')) old.classList.remove('comment--new')
      if (state.sort !== 'newest') {
        if (await load()) focusFirst(list.firstElementChild)
        return
      }
      const items = [...pending.values()].sort(
        (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
      )
      pending.clear()
      for (const comment of items) {
        if (shown.has(comment.id)) continue
        const parent = shown.get(parentOf(comment))
        if (parentOf(comment) !== null && !parent) continue
        const li = renderTree(comment)
        li.classList.add('comment--new')
        if (parent) repliesOf(parent.li).append(li)
        else list.prepend(li)
      }
      renderPending()
      renderEmpty()
      focusFirst(list.querySelector('.comment--new'))
    }

    /** Focus on a comment; with none to go to, on the section's heading. */
    const focusFirst = (li) => {
      const target = (li && bodyOf(li)) || section.querySelector('h2')
      if (!target) return
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
      target.focus({ preventScroll: true })
      target.scrollIntoView({ block: 'nearest', behavior: smooth() })
    }

    // ---- What each button does ----

    const slotMode = (id) => {
      const entry = shown.get(id)
      return entry ? slotOf(entry.li).dataset.mode : undefined
    }

    const closeSlot = (id, focusAction) => {
      const entry = shown.get(id)
      if (!entry) return
      const slot = slotOf(entry.li)
      slot.replaceChildren()
      delete slot.dataset.mode
      entry.li.classList.remove('comment--editing')
      if (focusAction) {
        const body = bodyOf(entry.li)
        ;(body.querySelector(`[data-action="${focusAction}"]`) || body).focus()
      }
    }

    /** Opens an inline form under a comment, unless one with the reader's words is open there. */
    const openSlot = (id, mode, ...nodes) => {
      const entry = shown.get(id)
      const slot = slotOf(entry.li)
      const typing = slot.querySelector('textarea')
      if (typing?.value && typing.value !== typing.defaultValue) {
        typing.focus()
        return false
      }
      entry.li.classList.remove('comment--editing')
      slot.replaceChildren(...nodes)
      slot.dataset.mode = mode
      return true
    }

    const like = async (id, button) => {
      if (!state.reader) return toLogin()
      const entry = shown.get(id)
      if (!entry || button.getAttribute('aria-disabled')) return
      button.setAttribute('aria-disabled', 'true')
      try {
        const result = await request(
          entry.comment.likedByMe ? 'DELETE' : 'POST',
          `/comments/${encodeURIComponent(id)}/like`,
        )
        const now = shown.get(id)
        if (now) {
          if (typeof result.likes === 'number') now.comment.likes = result.likes
          now.comment.likedByMe = Boolean(result.likedByMe)
        }
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 409) entry.comment.likedByMe = true
        else slotMessage(id, messageOf(failure), 'alert')
      } finally {
        button.removeAttribute('aria-disabled')
        refreshLike(id)
      }
    }

    const slotMessage = (id, text, role) => {
      const entry = shown.get(id)
      if (!entry) return
      const slot = slotOf(entry.li)
      if (slot.dataset.mode && slot.dataset.mode !== 'message') return announce(text)
      slot.replaceChildren(
        el('p', { class: role === 'alert' ? 'comments__error' : 'comment__done', role, text }),
      )
      slot.dataset.mode = 'message'
    }

    const reply = (id) => {
      if (slotMode(id) === 'reply')
        return slotOf(shown.get(id).li).querySelector('textarea').focus()
      const entry = shown.get(id)
      const name = entry.comment.author?.displayName || t('deletedUser')
      const form = composer({
        label: t('yourReply', { name }),
        submitLabel: t('send'),
        className: 'comments__form--inline',
        onSubmit: async (text) => {
          const comment = await request('POST', `${articlePath}/comments`, { text, parentId: id })
          closeSlot(id)
          const li = insertOwn(comment)
          announce(comment.status === 'held' ? t('postedHeld') : t('posted'))
          focusFirst(li)
        },
        onCancel: () => closeSlot(id, 'reply'),
      })
      if (openSlot(id, 'reply', form.form)) form.textarea.focus()
    }

    const edit = (id) => {
      if (slotMode(id) === 'edit') return slotOf(shown.get(id).li).querySelector('textarea').focus()
      const entry = shown.get(id)
      const words = (entry.comment.segments ?? []).map((segment) => segment?.text ?? '').join('')
      const form = composer({
        label: t('editLabel'),
        submitLabel: t('save'),
        initial: words,
        className: 'comments__form--inline',
        onSubmit: async (text) => {
          const comment = await request('PATCH', `/comments/${encodeURIComponent(id)}`, { text })
          closeSlot(id)
          const previous = shown.get(id)?.comment
          update({ ...comment, mine: true, likedByMe: comment.likedByMe ?? previous?.likedByMe })
          bodyOf(shown.get(id).li).focus()
        },
        onCancel: () => closeSlot(id, 'edit'),
      })
      form.textarea.defaultValue = words
      if (openSlot(id, 'edit', form.form)) {
        entry.li.classList.add('comment--editing')
        form.textarea.focus()
        form.textarea.setSelectionRange(words.length, words.length)
      }
    }

    const askDelete = (id) => {
      const questionId = newId()
      const cancel = el('button', {
        type: 'button',
        class: 'comments__button',
        text: t('cancel'),
        onclick: () => closeSlot(id, 'delete'),
      })
      const error = el('p', { class: 'comments__error', role: 'alert' })
      const confirm = el('button', {
        type: 'button',
        class: 'comments__button comments__button--danger',
        text: t('delete'),
        onclick: async () => {
          if (confirm.getAttribute('aria-disabled')) return
          confirm.setAttribute('aria-disabled', 'true')
          try {
            await request('DELETE', `/comments/${encodeURIComponent(id)}`)
            const entry = shown.get(id)
            const wasVisible = entry && entry.comment.status !== 'held'
            const neighbour = entry && nextFocus(entry.li)
            closeSlot(id)
            if (entry) {
              remove(id)
              if (wasVisible && !gone.has(id)) setCount(state.count - 1)
            }
            gone.add(id)
            announce(t('deleted'))
            focusFirst(shown.has(id) ? shown.get(id).li : neighbour)
          } catch (failure) {
            error.textContent = messageOf(failure)
            confirm.removeAttribute('aria-disabled')
          }
        },
      })
      const box = el(
        'div',
        { class: 'comment__confirm', role: 'group', 'aria-labelledby': questionId },
        el('p', { id: questionId, text: t('confirmDelete') }),
        el('div', { class: 'comments__form-buttons' }, cancel, confirm),
        error,
      )
      if (openSlot(id, 'delete', box)) cancel.focus()
    }

    /** Where focus goes when a comment disappears: its neighbour, else its parent. */
    const nextFocus = (li) =>
      li.nextElementSibling || li.previousElementSibling || li.parentElement?.closest('li.comment')

    const report = (id) => {
      if (slotMode(id) === 'report') return slotOf(shown.get(id).li).querySelector('select').focus()
      const reasonId = newId()
      const detailsId = newId()
      const select = el(
        'select',
        { id: reasonId, name: 'reason' },
        REASONS.map(([code, key]) => el('option', { value: code, text: t(key) })),
      )
      const details = el('input', {
        id: detailsId,
        name: 'details',
        type: 'text',
        maxlength: 500,
        dir: 'auto',
      })
      const error = el('p', { class: 'comments__error', role: 'alert' })
      const send = el('button', {
        type: 'submit',
        class: 'comments__button comments__button--primary',
        text: t('reportSend'),
      })
      const form = el(
        'form',
        { class: 'comment__report', novalidate: true },
        el('label', { for: reasonId, text: t('reportReason') }),
        select,
        el('label', { for: detailsId, text: t('reportDetails') }),
        details,
        el(
          'div',
          { class: 'comments__form-buttons' },
          el('button', {
            type: 'button',
            class: 'comments__button',
            text: t('cancel'),
            onclick: () => closeSlot(id, 'report'),
          }),
          send,
        ),
        error,
      )
      form.addEventListener('submit', async (event) => {
        event.preventDefault()
        if (send.getAttribute('aria-disabled')) return
        send.setAttribute('aria-disabled', 'true')
        error.textContent = ''
        try {
          await request('POST', `/comments/${encodeURIComponent(id)}/report`, {
            reason: reportReason(select.value, details.value),
          })
          reported.add(id)
          const entry = shown.get(id)
          if (!entry) return
          closeSlot(id)
          update(entry.comment)
          slotMessage(id, t('reportSent'), 'status')
          bodyOf(entry.li).focus()
        } catch (failure) {
          error.textContent = messageOf(failure)
        } finally {
          send.removeAttribute('aria-disabled')
        }
      })
      if (openSlot(id, 'report', form)) select.focus()
    }

    list.addEventListener('click', (event) => {
      const button = event.target.closest?.('button[data-action]')
      const li = button?.closest('li.comment')
      if (!li || !list.contains(li)) return
      const id = Number(li.dataset.id)
      if (!shown.has(id)) return
      const name = button.dataset.action
      if (name === 'like') like(id, button)
      else if (!state.reader) toLogin()
      else if (name === 'reply') reply(id)
      else if (name === 'edit') edit(id)
      else if (name === 'delete') askDelete(id)
      else if (name === 'report') report(id)
    })
    sortSelect.addEventListener('change', () => {
      if (!SORTS.includes(sortSelect.value)) return
      state.sort = sortSelect.value
      storage.set(SORT_STORAGE, state.sort)
      load()
    })
    newButton.addEventListener('click', showNew)
    moreButton.addEventListener('click', loadMore)
    retryButton.addEventListener('click', async () => {
      loadError.hidden = true
      loadingNote.hidden = false
      if (await load()) focusFirst(list.firstElementChild)
    })

    // ---- Live: what other readers do meanwhile ----

    const onComment = (event) => {
      setCount(event.count)
      const { id } = event
      if (event.kind === 'posted') {
        announced.add(id)
        if (!event.comment) return
        const previous = shown.get(id)?.comment ?? pending.get(id)
        const comment = personalise(event.comment, previous, state.reader)
        if (shown.has(id)) return update(comment)
        if (comment.status === 'held' && !comment.mine) return
        const parentId = parentOf(comment)
        if (parentId !== null && !shown.has(parentId) && !pending.has(parentId)) return
        pending.set(id, comment)
        renderPending()
      } else if (event.kind === 'edited') {
        if (!event.comment) return
        if (pending.has(id))
          pending.set(id, personalise(event.comment, pending.get(id), state.reader))
        else if (shown.has(id))
          update(personalise(event.comment, shown.get(id).comment, state.reader))
      } else if (event.kind === 'removed') {
        gone.add(id)
        if (pending.delete(id)) {
          // Replies to it that were waiting go with it.
          for (const [otherId, other] of pending)
            if (parentOf(other) === id) pending.delete(otherId)
          renderPending()
        }
        if (shown.has(id)) {
          closeSlot(id)
          remove(id)
        }
      }
    }

    const onLikes = ({ id, likes }) => {
      if (typeof likes !== 'number') return
      const waiting = pending.get(id)
      if (waiting) waiting.likes = likes
      const entry = shown.get(id)
      if (!entry) return
      entry.comment.likes = likes
      refreshLike(id)
    }

    const whenReady = (apply) => {
      if (state.ready) apply()
      else queued.push(apply)
    }
    const parse = (text) => {
      try {
        const value = JSON.parse(text)
        return value && typeof value === 'object' ? value : null
      } catch {
        return null
      }
    }

    let source = null
    let stale = false
    let retryDelay = 0
    let retryTimer
    const connect = () => {
      if (source || !window.EventSource) return
      clearTimeout(retryTimer)
      const stream = new EventSource(`${api}${articlePath}/comments/stream`)
      source = stream
      let opened = false
      stream.addEventListener('open', () => {
        // Back after a gap: what happened meanwhile is only in a fresh first page.
        if (opened || stale) load({ pages: Math.min(Math.max(state.page, 1), 5) })
        opened = true
        stale = false
        retryDelay = 0
      })
      stream.addEventListener('comment', (message) => {
        const event = parse(message.data)
        if (event) whenReady(() => onComment(event))
      })
      stream.addEventListener('likes', (message) => {
        const event = parse(message.data)
        if (event) whenReady(() => onLikes(event))
      })
      stream.addEventListener('error', () => {
        // The browser reconnects by itself unless the server refused the stream outright.
        if (stream.readyState !== EventSource.CLOSED || source !== stream) return
        source = null
        stale = true
        retryDelay = Math.min(Math.max(retryDelay * 2, 2000), 60_000)
        retryTimer = setTimeout(connect, retryDelay)
      })
    }
    const pause = () => {
      clearTimeout(retryTimer)
      if (source) {
        source.close()
        source = null
        stale = true
      }
    }

    /** Keeps relative times true and takes away Edit once the window has passed. */
    const tick = () => {
      const now = Date.now()
      for (const time of list.querySelectorAll('time[data-relative]')) {
        const label = timeLabel(time.dateTime, now, lang, t('justNow'), data.timezone)
        time.textContent = label.text
        if (!label.relative) time.removeAttribute('data-relative')
      }
      for (const button of list.querySelectorAll('[data-action="edit"]')) {
        const li = button.closest('li.comment')
        const entry = shown.get(Number(li?.dataset.id))
        if (entry && !editable(entry.comment, now) && slotMode(entry.comment.id) !== 'edit') {
          if (button === document.activeElement) bodyOf(li).focus()
          button.remove()
        }
      }
    }

    const controller = { near: true, pause, resume: connect, tick }
    controllers.set(section, controller)

    // ---- Start: who is reading and the first page, side by side; the stream at once ----

    const sessionPath = `/session?edition=${encodeURIComponent(data.edition ?? '')}&next=${encodeURIComponent(location.pathname)}`
    const sessionKnown = request('GET', sessionPath)
      .then((who) => {
        state.reader = who.reader && typeof who.reader === 'object' ? who.reader : null
        state.csrf = typeof who.csrfToken === 'string' ? who.csrfToken : ''
        state.links = who.links && typeof who.links === 'object' ? who.links : null
        renderSession()
        // Should the list have failed to load, the form is still offered.
        if (state.ready) renderCompose()
      })
      .catch(() => {})
    load()
    connect()
  }

  // ---- Every comments section on the page, including ones under stories appended later ----

  const streamsFollowView = () => {
    // With several stories on the page, only comments near the screen keep a stream open, so
    // streams do not use up the browser's connections to the site.
    for (const controller of controllers.values()) {
      if (controllers.size > 1 && !controller.near) controller.pause()
      else controller.resume()
    }
  }
  const nearScreen = window.IntersectionObserver
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const controller = controllers.get(entry.target)
            if (controller) controller.near = entry.isIntersecting
          }
          streamsFollowView()
        },
        { rootMargin: '1500px 0px' },
      )
    : null

  const start = (section) => {
    init(section)
    if (controllers.has(section)) nearScreen?.observe(section)
  }
  const startAll = () => {
    for (const section of document.querySelectorAll(SELECTOR)) start(section)
    if (!window.MutationObserver) return
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue
          if (node.matches(SELECTOR)) start(node)
          else for (const section of node.querySelectorAll(SELECTOR)) start(section)
        }
      }
    }).observe(document.body, { childList: true, subtree: true })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll)
  else startAll()

  setInterval(() => {
    for (const controller of controllers.values()) controller.tick()
  }, 30_000)
  window.addEventListener('pagehide', () => {
    for (const controller of controllers.values()) controller.pause()
  })
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) streamsFollowView()
  })
})()
