// Kysely table types: the shape of every table, shared by both dialects.
import type { ColumnType, Generated } from 'kysely'
import type { ChatTables } from '../../chat/chat.table.ts'
import type { NewsletterTables } from '../../subscriptions/newsletter.table.ts'

/** Stored as timestamptz on PostgreSQL and ISO-8601 UTC text on SQLite; written as ISO text. */
export type Timestamp = ColumnType<Date | string, string, string>
/** boolean on PostgreSQL, 0/1 on SQLite; written as 0/1, which PostgreSQL reads as a boolean. */
export type Flag = ColumnType<boolean | number, number, number>
/** jsonb on PostgreSQL, text on SQLite; written as JSON text. */
export type Json = ColumnType<unknown, string, string>

export type TextDirection = 'ltr' | 'rtl'
export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished'
export type CommentMode = 'open' | 'closed' | 'premoderated' | 'postmoderated'
export type CommentStatus = 'visible' | 'held' | 'rejected' | 'deleted'
export type StaffRole = 'contributor' | 'author' | 'editor' | 'admin'

export interface EditionTable {
  id: Generated<number>
  code: string
  name: string
  locale: string
  time_zone: string
  direction: TextDirection
  position: number
}

export interface SectionTable {
  id: Generated<number>
  edition_id: number
  parent_id: number | null
  slug: string
  name: string
  description: string
  position: number
}

export interface TagTable {
  id: Generated<number>
  edition_id: number
  slug: string
  name: string
}

export interface AuthorTable {
  id: Generated<number>
  edition_id: number
  slug: string
  name: string
  bio: string
  photo_media_id: number | null
}

export interface MediaAssetTable {
  id: Generated<number>
  file: string
  mime_type: string
  width: number
  height: number
  caption: string
  credit: string
  alt: string
  focal_x: number
  focal_y: number
  original_name: ColumnType<string, string | undefined, string>
  size_bytes: ColumnType<number, number | undefined, number>
  uploaded_by: ColumnType<number | null, number | null | undefined, number | null>
  created_at: Timestamp
}

export interface ArticleTable {
  id: Generated<number>
  edition_id: number
  section_id: number
  slug: string
  headline: string
  dek: string
  dateline_place: string
  source: string
  body: Json
  lead_media_id: number | null
  status: ArticleStatus
  breaking: Flag
  translation_group: string | null
  published_at: Timestamp | null
  /** published_at while the story is published or scheduled, else null: what lists order by. */
  listed_at: ColumnType<Date | string | null, string | null | undefined, string | null>
  created_by: ColumnType<number | null, number | null | undefined, number | null>
  /** open, closed, premoderated or postmoderated; null follows the edition's setting. */
  comment_mode: ColumnType<CommentMode | null, CommentMode | null | undefined, CommentMode | null>
  comment_count: ColumnType<number, number | undefined, number>
  created_at: Timestamp
  updated_at: Timestamp
}

/** The story's time while it is published or scheduled, else null: kept in step for list order. */
interface ListedState {
  listed_at: ColumnType<Date | string | null, string | null | undefined, string | null>
}

export interface ArticleTagTable extends ListedState {
  article_id: number
  tag_id: number
  position: number
}

export interface ArticleAuthorTable extends ListedState {
  article_id: number
  author_id: number
  position: number
}

export interface ArticleRelatedTable {
  article_id: number
  related_id: number
  position: number
}

export interface StoryEventTable {
  id: Generated<number>
  edition_id: number
  article_id: number
  kind: string
  created_at: Timestamp
}

export interface StaffTable {
  id: Generated<number>
  email: string
  name: string
  role: StaffRole
  password_hash: string
  owner: Flag
  disabled: Flag
  created_at: Timestamp
  password_changed_at: Timestamp
}

export interface StaffSessionTable {
  id: string
  staff_id: number
  csrf_token: string
  user_agent: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
}

export interface StaffInvitationTable {
  id: Generated<number>
  token_hash: string
  email: string
  role: StaffRole
  invited_by: number | null
  created_at: Timestamp
  expires_at: Timestamp
  accepted_at: Timestamp | null
}

export interface SettingTable {
  key: string
  value: string
}

export interface RateLimitTable {
  key: string
  window_start: Timestamp
  hits: number
}

export interface AuditLogTable {
  id: Generated<number>
  staff_id: number | null
  action: string
  article_id: number | null
  detail: Json
  created_at: Timestamp
}

export interface ArticleRevisionTable {
  id: Generated<number>
  article_id: number
  staff_id: number | null
  snapshot: Json
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ArticlePresenceTable {
  article_id: number
  staff_id: number
  seen_at: Timestamp
}

export interface CorrectionTable {
  id: Generated<number>
  article_id: number
  staff_id: number | null
  text: string
  created_at: Timestamp
}

export interface JobTable {
  id: Generated<number>
  kind: string
  key: ColumnType<string | null, string | null | undefined, string | null>
  payload: Json
  run_at: Timestamp
  attempts: ColumnType<number, number | undefined, number>
  done_at: Timestamp | null
  last_error: string | null
  created_at: Timestamp
}

/** A nullable column written only when known: optional on insert. */
type Later<T> = ColumnType<T | null, T | null | undefined, T | null>

export interface ReaderTable {
  id: Generated<number>
  email: string
  display_name: string
  password_hash: string
  edition_id: number | null
  created_at: Timestamp
  confirmed_at: Later<Date | string>
  trusted_at: Later<Date | string>
  muted_until: Later<Date | string>
  banned_at: Later<Date | string>
  standing_reason: ColumnType<string, string | undefined, string>
}

export interface ReaderSessionTable {
  id: string
  reader_id: number
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
}

export interface ReaderTokenTable {
  token_hash: string
  reader_id: number
  purpose: 'confirm' | 'reset'
  created_at: Timestamp
  expires_at: Timestamp
  used_at: Later<Date | string>
}

export interface CommentTable {
  id: Generated<number>
  article_id: number
  reader_id: number | null
  parent_id: number | null
  depth: number
  body: string
  status: CommentStatus
  /** The suspect words it matched: why it was held. */
  flags: Json
  like_count: ColumnType<number, number | undefined, number>
  report_count: ColumnType<number, number | undefined, number>
  created_at: Timestamp
  edited_at: Later<Date | string>
}

export interface CommentLikeTable {
  comment_id: number
  reader_id: number
  created_at: Timestamp
}

export interface CommentReportTable {
  id: Generated<number>
  comment_id: number
  reader_id: number | null
  reason: string
  created_at: Timestamp
  resolved_at: Later<Date | string>
}

export interface ModerationLogTable {
  id: Generated<number>
  staff_id: number | null
  action: string
  comment_id: number | null
  reader_id: number | null
  reason: string
  created_at: Timestamp
}

export interface CommunitySettingsTable {
  edition_id: number
  settings: Json
}

export interface ApiKeyTable {
  id: Generated<number>
  name: string
  key_hash: string
  prefix: string
  created_by: number | null
  created_at: Timestamp
  last_used_at: Later<Date | string>
  revoked_at: Later<Date | string>
}

export interface WebhookTable {
  id: Generated<number>
  url: string
  /** The event names it receives: story.published, story.updated, story.unpublished, comment.posted. */
  events: Json
  secret: string
  created_by: number | null
  created_at: Timestamp
  disabled_at: Later<Date | string>
}

export interface WebhookDeliveryTable {
  id: Generated<number>
  webhook_id: number
  event: string
  payload: Json
  attempt: number
  status_code: Later<number>
  error: Later<string>
  duration_ms: Later<number>
  created_at: Timestamp
}

export interface DB extends ChatTables, NewsletterTables {
  editions: EditionTable
  sections: SectionTable
  tags: TagTable
  authors: AuthorTable
  media_assets: MediaAssetTable
  articles: ArticleTable
  article_tags: ArticleTagTable
  article_authors: ArticleAuthorTable
  article_related: ArticleRelatedTable
  story_events: StoryEventTable
  staff: StaffTable
  staff_sessions: StaffSessionTable
  staff_invitations: StaffInvitationTable
  settings: SettingTable
  rate_limits: RateLimitTable
  audit_log: AuditLogTable
  article_revisions: ArticleRevisionTable
  article_presence: ArticlePresenceTable
  corrections: CorrectionTable
  jobs: JobTable
  readers: ReaderTable
  reader_sessions: ReaderSessionTable
  reader_tokens: ReaderTokenTable
  comments: CommentTable
  comment_likes: CommentLikeTable
  comment_reports: CommentReportTable
  moderation_log: ModerationLogTable
  community_settings: CommunitySettingsTable
  api_keys: ApiKeyTable
  webhooks: WebhookTable
  webhook_deliveries: WebhookDeliveryTable
}
