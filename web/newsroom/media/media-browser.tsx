// Search, upload, grid and pages of the media library: the same in the library and the picker.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Media } from '../api.ts'
import { useApp } from '../app-context.ts'
import { TextField } from '../components/field.tsx'
import { Pagination } from '../components/pagination.tsx'
import { StatusMessage } from '../components/status-message.tsx'
import { formatCount } from '../i18n.ts'
import { MediaGrid } from './media-grid.tsx'
import { UploadZone } from './upload-zone.tsx'
import type { MediaList } from './use-media-list.ts'

function MediaSearch(props: { onSearch: (text: string) => void; autoFocus: boolean }) {
  const [text, setText] = useState('')
  const typed = useRef(false)
  const onSearch = useRef(props.onSearch)
  onSearch.current = props.onSearch
  // Search as the reporter types, once they pause.
  useEffect(() => {
    if (!typed.current) return
    const timer = setTimeout(() => onSearch.current(text.trim()), 300)
    return () => clearTimeout(timer)
  }, [text])
  return (
    <search class="media-search">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          onSearch.current(text.trim())
        }}
      >
        <TextField
          label="Search photos"
          type="search"
          placeholder="Caption, credit, alt text or file name"
          autoFocus={props.autoFocus}
          value={text}
          onValue={(value) => {
            typed.current = true
            setText(value)
          }}
        />
      </form>
    </search>
  )
}

export function MediaBrowser(props: {
  list: MediaList
  selectLabel: string
  onSelect: (media: Media) => void
  /** In the picker the search field takes focus when the dialog opens. */
  autoFocusSearch?: boolean
}) {
  const { can } = useApp()
  const { list } = props
  return (
    <div class="media-browser">
      {can('media.upload') && (
        <UploadZone
          onUploaded={list.added}
          onSelect={props.onSelect}
          selectLabel={props.selectLabel}
        />
      )}
      <MediaSearch onSearch={list.search} autoFocus={props.autoFocusSearch ?? false} />
      <StatusMessage message={list.error} />
      <section aria-busy={list.loading} aria-label="Photos">
        <p class="list-count" aria-live="polite">
          {list.result && formatCount(list.result.total, 'photo', 'photos')}
          {list.loading && <span class="loading"> Loading…</span>}
        </p>
        {list.result && list.result.items.length === 0 && !list.loading && (
          <p class="empty">{list.q ? 'No photos match this search.' : 'No photos yet.'}</p>
        )}
        {list.result && (
          <MediaGrid
            items={list.result.items}
            selectLabel={props.selectLabel}
            onSelect={props.onSelect}
          />
        )}
        {list.result && (
          <Pagination
            page={list.result.page}
            pageSize={list.result.pageSize}
            total={list.result.total}
            onPage={list.setPage}
            label="Photo pages"
          />
        )}
      </section>
    </div>
  )
}
