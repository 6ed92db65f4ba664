// The composition root: config -> database -> repositories -> services -> HTTP routes, in that order.

import http from 'node:http'
import path from 'node:path'
import cookie from '@fastify/cookie'
import websocket from '@fastify/websocket'
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify'
import { pino } from 'pino'
import { chatRoutes } from './chat/chat.routes.ts'
import { createChat } from './chat/chat.ts'
import { chatPagesRoutes } from './chat/chat-pages.routes.tsx'
import { websocketOptions } from './chat/chat-websocket.ts'
import { CHAT_ROOMS_KEY, chatLinksFor } from './chat/pages/chat-links.tsx'
import { accountRoutes } from './community/account.routes.tsx'
import { createCommentRepository } from './community/comment.repository.ts'
import { createCommentService } from './community/comment.service.ts'
import { createCommentStream } from './community/comment-stream.ts'
import { communityRoutes } from './community/community.routes.ts'
import { createCommunitySettings } from './community/community-settings.ts'
import { createModerationRepository } from './community/moderation.repository.ts'
import { createModerationService } from './community/moderation.service.ts'
import { createReaderRepository } from './community/reader.repository.ts'
import { createReaderService } from './community/reader.service.ts'
import { createReaderMails } from './community/reader-mail.ts'
import { createReaderSessionHttp } from './community/reader-session.http.ts'
import { createArticleRepository } from './content/article.repository.ts'
import { createArticleService } from './content/article.service.ts'
import { createCatalogue } from './content/catalogue.ts'
import { createNewsfeed } from './content/newsfeed.ts'
import { createReadingService } from './content/reading.service.ts'
import { createTaxonomyRepository, createTaxonomyWrites } from './content/taxonomy.repository.ts'
import { createTaxonomyService } from './content/taxonomy.service.ts'
import { createApiKeyRepository, createApiKeys } from './discovery/api-keys.ts'
import { createContentApiRepository } from './discovery/content-api.repository.ts'
import { apiSearch } from './discovery/content-api.routes.ts'
import { contentApi } from './discovery/content-api.ts'
import { createFeedRepository } from './discovery/feed.repository.ts'
import { feedRoutes } from './discovery/feed.routes.ts'
import { createFeedService } from './discovery/feed.service.ts'
import { logoRoutes } from './discovery/logo.routes.ts'
import { searchRoutes } from './discovery/search.routes.tsx'
import { createSearchService } from './discovery/search.service.ts'
import { createSitemapRepository } from './discovery/sitemap.repository.ts'
import { sitemapRoutes } from './discovery/sitemap.routes.ts'
import { createSitemaps } from './discovery/sitemaps.ts'
import { SQUARE_LOGO } from './discovery/structured-data.ts'
import { createWebhookService } from './discovery/webhooks.service.ts'
import { type Bus, createMemoryBus, createRedisBus } from './live/bus.ts'
import { liveRoutes } from './live/live.routes.ts'
import { createNewsfeedStream } from './live/newsfeed-stream.ts'
import { pageCacheHooks, servePageFromCache } from './live/page-cache.hooks.ts'
import { createPageCache } from './live/page-cache.ts'
import { createStoryEventsRepository } from './live/story-events.repository.ts'
import { keysOf, surrogate } from './live/surrogate-keys.ts'
import { createCrops } from './media/crops.ts'
import { createMediaRepository } from './media/media.repository.ts'
import { mediaRoutes } from './media/media.routes.ts'
import { createMediaLibrary } from './media/media-library.service.ts'
import { createRenditions } from './media/renditions.ts'
import { adminApi } from './newsroom/admin-api.ts'
import { apiKeysRoutes } from './newsroom/api-keys.routes.ts'
import { createAuditRepository } from './newsroom/audit.repository.ts'
import { authRoutes } from './newsroom/auth.routes.ts'
import { catalogueRoutes } from './newsroom/catalogue.routes.ts'
import { chatRoomRoutes } from './newsroom/chat-rooms.routes.ts'
import { createDeskRepository } from './newsroom/desk.repository.ts'
import { createDeskService } from './newsroom/desk.service.ts'
import { createJournal } from './newsroom/journal.ts'
import { mediaLibraryRoutes } from './newsroom/media.routes.ts'
import { moderationRoutes } from './newsroom/moderation.routes.ts'
import { newsroomAppRoutes } from './newsroom/newsroom-app.routes.ts'
import { outboxRoutes } from './newsroom/outbox.routes.ts'
import { createScheduledPublishing } from './newsroom/scheduled-publishing.ts'
import { createSessionHttp } from './newsroom/session.http.ts'
import { createStaffRepository } from './newsroom/staff.repository.ts'
import { staffRoutes } from './newsroom/staff.routes.ts'
import { createStaffService } from './newsroom/staff.service.ts'
import { storyRoutes } from './newsroom/stories.routes.ts'
import { subscriberRoutes } from './newsroom/subscribers.routes.ts'
import { webhookRoutes } from './newsroom/webhooks.routes.ts'
import { type Clock, systemClock } from './platform/clock.ts'
import type { Config } from './platform/config.ts'
import type { Database } from './platform/db/database.ts'
import { healthRoutes } from './platform/http/health.routes.ts'
import { metricsRoutes } from './platform/http/metrics.routes.ts'
import { createJobRunner } from './platform/jobs/job-runner.ts'
import { createMailQueue } from './platform/mail/mail-queue.ts'
import { createMailer } from './platform/mail/mailer.ts'
import { createRateLimiter } from './platform/security/rate-limit.ts'
import { assetRoutes, loadAssets } from './site/assets.ts'
import { hasCatalogue } from './site/i18n/messages.ts'
import { createNewsfeedEntries } from './site/newsfeed-item.ts'
import { nextStoryRoutes } from './site/next-story.routes.tsx'
import { siteRoutes } from './site/site.routes.tsx'
import { createUrls } from './site/urls.ts'
import { createViews } from './site/views.ts'
import { createNewsletterRepository } from './subscriptions/newsletter.repository.ts'
import { createNewsletterService } from './subscriptions/newsletter.service.ts'
import { createNewsletterAdmin } from './subscriptions/newsletter-admin.ts'
import { newsletterBounceRoutes } from './subscriptions/newsletter-bounces.routes.ts'
import {
  createNewsletterIssues,
  createNewsletterOutbox,
} from './subscriptions/newsletter-issues.ts'
import { createNewsletterLinks } from './subscriptions/newsletter-links.ts'
import { createNewsletterSender } from './subscriptions/newsletter-sender.ts'
import { createPushRepository } from './subscriptions/push.repository.ts'
import { pushRoutes } from './subscriptions/push.routes.ts'
import { createPushService } from './subscriptions/push.service.ts'
import { createPushSender } from './subscriptions/push-sender.ts'
import { subscribeRoutes } from './subscriptions/subscribe.routes.tsx'
import { loadVapid } from './subscriptions/vapid.ts'

export async function buildApp(
  config: Config,
  deps: {
    database: Database
    clock?: Clock
    bus?: Bus
    /** The built newsroom app (vite's output); dist/admin beside both src/ and the built server. */
    newsroomDir?: string
    /** The built chat island (vite's output), dist/chat the same way. */
    chatDir?: string
  },
) {
  const { database } = deps
  const { db } = database
  const clock = deps.clock ?? systemClock
  const log: FastifyBaseLogger = pino({ level: config.logLevel })
  const bus =
    deps.bus ??
    (config.redisUrl ? createRedisBus({ url: config.redisUrl, log }) : createMemoryBus())

  const articleRepository = createArticleRepository(db)
  const taxonomyRepository = createTaxonomyRepository(db)
  const mediaRepository = createMediaRepository(db)
  const catalogue = createCatalogue(taxonomyRepository)
  await catalogue.reload()

  const storyEvents = createStoryEventsRepository(db)
  const newsfeed = createNewsfeed({
    articles: articleRepository,
    latestEventId: storyEvents.latestId,
    clock,
    maxAgeMs: 5_000,
  })
  const reading = createReadingService({
    articles: articleRepository,
    taxonomy: taxonomyRepository,
    media: mediaRepository,
    catalogue,
    newsfeed,
    clock,
  })
  const audit = createAuditRepository(db)
  const apiKeys = createApiKeys({ db, keys: createApiKeyRepository(db), audit, clock })
  const deskRepository = createDeskRepository(db)
  const scheduled = createScheduledPublishing({ clock })
  const urls = createUrls(catalogue)
  const webhooks = createWebhookService({
    db,
    clock,
    log,
    catalogue,
    articleUrl: (story) => config.publicUrl + urls.article(story),
  })
  const vapid = await loadVapid(config)
  const pushSender = createPushSender({ vapid, allowLoopback: config.pushAllowInsecureEndpoints })
  const push = createPushService({
    db,
    repository: createPushRepository(db),
    catalogue,
    clock,
    log,
    limits: createRateLimiter({ db, clock }),
    sender: pushSender,
    publicKey: vapid.publicKey,
    articleUrl: (story) => config.publicUrl + urls.article(story),
    iconUrl: config.publicUrl + SQUARE_LOGO.path,
    allowLoopback: config.pushAllowInsecureEndpoints,
  })
  const search = createSearchService({ db, dialect: database.dialect, clock })
  const newsletterOutbox = createNewsletterOutbox({ db, clock })
  const articles = createArticleService({
    db,
    articles: articleRepository,
    catalogue,
    clock,
    events: storyEvents,
    bus,
    journal: createJournal({ audit, desk: deskRepository, clock }),
    schedule: scheduled.schedule,
    outboxes: [webhooks.outbox, push.outbox, newsletterOutbox.outbox],
    searchIndex: search.index,
  })
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
    log,
    clock,
  })
  const mail = createMailQueue({ db, mailer, clock, log })
  const newsletterRepository = createNewsletterRepository(db)
  const newsletterLinks = createNewsletterLinks({ db, publicUrl: config.publicUrl })
  const newsletterIssues = createNewsletterIssues({
    db,
    clock,
    log,
    catalogue,
    subscribers: newsletterRepository,
    siteName: config.siteName,
    batchSize: config.newsletterBatch,
    articleUrl: (story) => config.publicUrl + urls.article(story),
    photoUrl: (mediaId) => config.publicUrl + urls.rendition(mediaId, 960, 'jpg'),
  })
  const newsletterSender = createNewsletterSender({
    db,
    clock,
    log,
    mailer,
    catalogue,
    links: newsletterLinks,
    siteName: config.siteName,
    publicUrl: config.publicUrl,
    rate: config.newsletterRate,
    batchSize: config.newsletterBatch,
  })
  const jobs = createJobRunner({
    db,
    clock,
    log,
    handlers: {
      ...scheduled.handlers(articles),
      ...mail.handlers,
      ...webhooks.handlers,
      ...push.handlers,
      ...newsletterIssues.handlers,
      ...newsletterSender.handlers,
    },
  })
  // A breaking story's alert is a job due now: take it at once rather than at the next poll.
  bus.subscribe((event) => {
    if (event.type === 'story' && event.breaking && event.kind !== 'unpublished') jobs.wake()
  })
  const pageCache = createPageCache({ maxBytes: config.pageCacheBytes, maxAgeMs: 10 * 60_000 })
  // Every instance hears of every change, and drops what it shows from its own caches.
  bus.subscribe((event) => {
    if (event.type === 'chat') return
    if (event.type === 'comment') {
      // The story's page shows its comment count; likes change nothing cached.
      if (event.kind !== 'likes') pageCache.invalidate([surrogate.comments(event.articleId)])
      return
    }
    newsfeed.invalidate()
    if (event.type === 'story') return pageCache.invalidate(keysOf(event))
    // Editions and sections are in every page's navigation.
    catalogue
      .reload()
      .then(() => pageCache.clear())
      .catch((error: unknown) => log.warn({ err: error }, 'reloading editions and sections failed'))
  })
  // Story pages link to their topics' chat rooms: a room changed drops them.
  bus.subscribe((event) => {
    if (event.type === 'chat' && event.kind === 'room') pageCache.invalidate([CHAT_ROOMS_KEY])
  })
  // Changes made while the bus was away were not heard of: start these caches afresh.
  bus.onReconnect(() => {
    newsfeed.invalidate()
    pageCache.clear()
  })
  const taxonomy = createTaxonomyService({
    writes: createTaxonomyWrites(db),
    catalogue,
    clock,
    hasCatalogue,
    announce: () => bus.publish({ type: 'catalogue' }),
  })
  const renditions = createRenditions({ dataDir: config.dataDir, media: mediaRepository })
  const crops = createCrops({ dataDir: config.dataDir, media: mediaRepository })
  const mediaLibrary = createMediaLibrary({
    db,
    dataDir: config.dataDir,
    renditions,
    clock,
    maxUploadBytes: config.maxUploadBytes,
    log,
  })
  const limits = createRateLimiter({ db, clock })
  const staff = createStaffService({
    db,
    staff: createStaffRepository(db),
    audit,
    limits,
    clock,
    publicUrl: config.publicUrl,
  })
  const communitySettings = createCommunitySettings(db)
  const commentRepository = createCommentRepository(db)
  const comments = createCommentService({
    db,
    comments: commentRepository,
    articles: articleRepository,
    settings: communitySettings,
    limits,
    clock,
    bus,
    outbox: webhooks.outbox,
  })
  const readerRepository = createReaderRepository(db)
  const moderation = createModerationService({
    db,
    comments: commentRepository,
    readers: readerRepository,
    moderation: createModerationRepository(db),
    clock,
    bus,
    outbox: webhooks.outbox,
  })
  const chat = await createChat({
    db,
    bus,
    log,
    clock,
    readers: readerRepository,
    settings: communitySettings,
    catalogue,
    tags: taxonomyRepository,
    limits,
  })
  const readers = createReaderService({
    db,
    readers: readerRepository,
    limits,
    mail,
    mails: createReaderMails(config.siteName),
    clock,
    forget: comments.forget,
    exports: [chat.service.exportOf],
  })
  const commentStream = createCommentStream({ bus, log, load: comments.publicJson })
  const newsletters = createNewsletterService({
    db,
    repository: newsletterRepository,
    issues: newsletterIssues,
    links: newsletterLinks,
    limits,
    mail,
    clock,
    siteName: config.siteName,
    publicUrl: config.publicUrl,
  })
  const newsletterAdmin = createNewsletterAdmin({
    db,
    repository: newsletterRepository,
    issues: newsletterIssues,
    catalogue,
    clock,
  })
  const desk = createDeskService({
    desk: deskRepository,
    articles,
    taxonomy: taxonomyRepository,
    catalogue,
    clock,
    publicUrl: (story) => config.publicUrl + urls.article(story),
  })
  const entry = createNewsfeedEntries({ catalogue, urls, clock })
  const stream = createNewsfeedStream({
    bus,
    events: storyEvents,
    articles: articleRepository,
    clock,
    log,
    present: entry,
  })
  const assets = loadAssets({
    chatDir: deps.chatDir ?? path.resolve(import.meta.dirname, '..', 'dist', 'chat'),
  })

  let site: Awaited<ReturnType<typeof siteRoutes>>
  let closing = false
  const app = Fastify({
    // Kept pages are answered by the HTTP server itself; the rest go through the framework.
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (closing || !servePageFromCache(pageCache, req, res)) handler(req, res)
      }),
    loggerInstance: log,
    // One log line per request costs more CPU than rendering a page; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Long parameters reach the routes, which answer them with a page instead of a bare 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16_384 },
    frameworkErrors: (error, request, reply) => site.frameworkError(error, request, reply),
    clientErrorHandler: (error, socket) => site.clientError(error, socket),
  })
  app.addHook('onClose', async () => {
    await jobs.stop()
    mailer.close()
    await bus.close()
    await database.close()
  })
  app.addHook('onClose', async () => pushSender.close())
  // While stopping, answers to requests in flight close their connection, so keep-alive clients
  // do not hold the server open.
  app.addHook('preClose', async () => {
    closing = true
    stream.close()
    commentStream.close()
    chat.hub.close()
  })
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })

  await app.register(cookie)
  // Before every route, so an upgrade to any other address is refused rather than left open.
  await app.register(websocket, websocketOptions)
  await pageCacheHooks(app, pageCache)
  await healthRoutes(app, { ping: database.ping })
  if (config.metrics) await metricsRoutes(app)
  await assetRoutes(app, assets)
  await mediaRoutes(app, { renditions, crops })
  await logoRoutes(app, { siteName: config.siteName })
  await sitemapRoutes(app, {
    sitemaps: createSitemaps({
      repository: createSitemapRepository(db),
      catalogue,
      urls,
      clock,
      publicUrl: config.publicUrl,
      siteName: config.siteName,
    }),
  })
  await liveRoutes(app, { catalogue, stream, newsfeed: reading.newsfeed, entry })
  await nextStoryRoutes(app, {
    reading,
    catalogue,
    urls,
    clock,
    views: createViews(),
    siteName: config.siteName,
    publicUrl: config.publicUrl,
  })
  site = await siteRoutes(app, {
    reading,
    catalogue,
    urls,
    clock,
    siteName: config.siteName,
    publicUrl: config.publicUrl,
    stylesheet: assets.stylesheet.href,
    script: assets.script.href,
    commentsScript: assets.comments.href,
    defaultEdition: config.defaultEdition,
    chatLinks: chatLinksFor(chat.service, catalogue),
  })

  await feedRoutes(app, {
    feeds: createFeedService({
      repository: createFeedRepository(db),
      links: createContentApiRepository(db).links,
      media: mediaRepository,
      renditions,
      taxonomy: taxonomyRepository,
      catalogue,
      clock,
      content: config.feedContent,
    }),
    catalogue,
    urls,
    clock,
    publicUrl: config.publicUrl,
    siteName: config.siteName,
  })

  await searchRoutes(app, {
    search,
    catalogue,
    urls,
    clock,
    newsfeed: reading.newsfeed,
    siteName: config.siteName,
    publicUrl: config.publicUrl,
    stylesheet: assets.stylesheet.href,
    script: assets.script.href,
  })

  const readerSession = createReaderSessionHttp({ readers, publicUrl: config.publicUrl })
  // What every page in the site's layout needs, for the domains that render their own pages.
  const sitePage = {
    siteName: config.siteName,
    publicUrl: config.publicUrl,
    stylesheet: assets.stylesheet.href,
    script: assets.script.href,
    urls,
  }
  await communityRoutes(app, {
    comments,
    repository: commentRepository,
    stream: commentStream,
    session: readerSession,
    catalogue,
    accountPath: (code) => `/${code}/account`,
  })
  await accountRoutes(app, {
    readers,
    session: readerSession,
    catalogue,
    clock,
    reading,
    page: sitePage,
    publicUrl: config.publicUrl,
  })

  await pushRoutes(app, {
    push,
    publicUrl: config.publicUrl,
    serviceWorker: assets.serviceWorker.text,
  })

  await subscribeRoutes(app, {
    newsletters,
    session: readerSession,
    catalogue,
    clock,
    reading,
    page: sitePage,
    digestTime: newsletters.digestTime,
    push: { publicKey: vapid.publicKey, script: assets.push.href },
  })
  await newsletterBounceRoutes(app, {
    newsletters,
    secret: config.newsletterBounceSecret,
  })

  await chatRoutes(app, {
    chat: chat.service,
    hub: chat.hub,
    readers,
    catalogue,
    publicUrl: config.publicUrl,
  })
  await chatPagesRoutes(app, {
    chat: chat.service,
    catalogue,
    clock,
    reading,
    page: sitePage,
    islandScript: assets.chat?.href,
  })

  const session = createSessionHttp({ staff, publicUrl: config.publicUrl })
  await adminApi(app, {
    session,
    maxUploadBytes: config.maxUploadBytes,
    routes: [
      authRoutes({ staff, session }),
      staffRoutes({ staff, audit }),
      catalogueRoutes({ catalogue, taxonomy, repository: taxonomyRepository }),
      storyRoutes({ desk, media: mediaLibrary, preview: site.preview }),
      mediaLibraryRoutes({ media: mediaLibrary, maxUploadBytes: config.maxUploadBytes }),
      moderationRoutes({ moderation, settings: communitySettings, catalogue }),
      chatRoomRoutes({ chat: chat.service, catalogue }),
      outboxRoutes({ mailer }),
      webhookRoutes({ webhooks }),
      apiKeysRoutes({ keys: apiKeys }),
      subscriberRoutes({ newsletters: newsletterAdmin }),
    ],
  })
  await contentApi(app, {
    keys: apiKeys,
    repository: createContentApiRepository(db),
    reading,
    taxonomy: taxonomyRepository,
    catalogue,
    urls,
    clock,
    publicUrl: config.publicUrl,
    corsOrigins: config.apiCorsOrigins,
    search: apiSearch(search, { catalogue, urls, publicUrl: config.publicUrl }),
  })
  await newsroomAppRoutes(app, {
    dir: deps.newsroomDir ?? path.resolve(import.meta.dirname, '..', 'dist', 'admin'),
  })

  return {
    app,
    bus,
    pageCache,
    jobs,
    services: {
      articles,
      taxonomy,
      reading,
      catalogue,
      urls,
      staff,
      desk,
      media: mediaLibrary,
      readers,
      comments,
      communitySettings,
      mailer,
      webhooks,
      search,
      chat: chat.service,
      push,
      newsletters,
      newsletterAdmin,
    },
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>
