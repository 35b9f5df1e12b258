// Cross-site scripting, in headless Chromium: the payloads of
// xss-corpus.json, written where people write (display names, comments,
// replies, statements), must show as plain text on every page that shows
// them — the discussion, a thread, the reply form, the vote page, the
// opinion map, search results, the moderation queue and an item as a
// moderator, notifications, "your data", the Atom feed and the API's JSON.
// On every page: no dialog opens, the sentinel `window.__xss` a payload
// would set stays undefined, no element a payload would make exists (no
// event handler, no inline script, nothing embedded), writers' links go
// only to http(s) addresses and carry rel="nofollow ugc noopener", and no
// script error or CSP report is logged. Everyone starts at the home page
// and clicks; the main pages are also checked with axe-core and
// html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const corpus = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'xss-corpus.json'), 'utf8'))
const AMINA = 'amina@brightwater.example'
const TOM = 'tom@brightwater.example'
const GRACE = 'grace@brightwater.example'
const DISCUSSION = /Feeling safe in Brightwater/

// A comment is kept without direction controls and zero-width characters
// (joiners inside words stay), trimmed: `typed` is what is typed, `text`
// what is kept and shown.
const STRIPPED = /[\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu
const visible = c => c !== undefined && !/[\s\p{Cc}\p{Cf}\u064B-\u0652\u0670\u0640]/u.test(c)
function kept (typed) {
  const chars = [...typed.replace(STRIPPED, '')]
  const out = []
  chars.forEach((c, i) => {
    if ((c === '\u200C' || c === '\u200D') && !(visible(out.at(-1)) && visible(chars[i + 1]))) return
    out.push(c)
  })
  return out.join('').trim()
}
const comments = corpus.payloads
  .filter(p => p.in.includes('comment'))
  .map(p => ({ ...p, typed: p.text, text: kept(p.text) }))
const statements = corpus.payloads.filter(p => p.in.includes('statement'))
// Amina writes the first part as comments, Tom the rest as replies; each
// stays under the throttle (30 in ten minutes), and what the posting rate
// holds (past 20) a moderator approves.
const AMINA_SHARE = 24

/** What a reader sees of a payload: each link followed by its site. */
function shown (p) {
  let text = p.text
  for (const l of p.links ?? []) text = text.replace(l.href, `${l.href} (${l.site})`)
  return text
}

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** A person's own page, with every dialog recorded (and dismissed). */
async function person (t) {
  const opened = await openPage(browser, { locale: 'en-GB' })
  t.after(() => opened.context.close())
  const dialogs = []
  opened.page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}) })
  return { ...opened, p: opened.page, dialogs }
}

/**
 * The checks every page gets, whatever it shows: nothing a payload
 * would do has happened, and nothing it would make is in the document.
 */
async function inert (who, label) {
  const { p, dialogs, problems } = who
  assert.equal(await p.evaluate(() => typeof window.__xss), 'undefined', `${label}: a payload ran`)
  const found = await p.evaluate(() => {
    const bad = []
    const runs = /^\s*(javascript|data|vbscript):/i
    for (const el of document.querySelectorAll('*')) {
      const name = el.localName
      for (const a of el.attributes) {
        const n = a.name.toLowerCase()
        if (n.startsWith('on') || n === 'xss' || n === 'srcdoc' || n === 'formaction') bad.push(`<${name} ${n}>`)
        if (['href', 'src', 'action', 'data', 'xlink:href', 'poster'].includes(n) && runs.test(a.value)) bad.push(`<${name} ${n}="${a.value}">`)
      }
      if (['iframe', 'object', 'embed', 'base', 'math', 'template', 'noscript', 'style', 'frame'].includes(name)) bad.push(`<${name}>`)
      if (name === 'script' && !(el.getAttribute('src') || '').startsWith('/')) bad.push('an inline or foreign <script>')
      if (name === 'meta' && el.hasAttribute('http-equiv')) bad.push('<meta http-equiv>')
    }
    for (const a of document.querySelectorAll('.app-pre-line a, .app-comment a[rel~="ugc"]')) {
      if (!/^https?:\/\//.test(a.getAttribute('href') || '')) bad.push(`a writer's link to ${a.getAttribute('href')}`)
      if (a.getAttribute('rel') !== 'nofollow ugc noopener') bad.push(`a writer's link with rel="${a.getAttribute('rel')}"`)
    }
    return bad
  })
  assert.deepEqual(found, [], `${label}: elements a payload made`)
  assert.deepEqual(dialogs, [], `${label}: a dialog opened`)
  assert.deepEqual(problems, [], `${label}: script errors or CSP reports`)
}

/** Follows a link or button, then checks the page it led to. */
async function go (who, locator, label) {
  await follow(who.p, locator)
  await inert(who, label)
}

/** The text of the page's main content. */
const mainText = p => p.locator('main').evaluate(m => m.textContent)

/** Asserts each of `texts` stands literally in `text`. */
function literal (text, texts, label) {
  const missing = texts.filter(t => !text.includes(t))
  assert.deepEqual(missing, [], `${label}: not shown as written`)
}

const nav = (p, name) => p.locator('.govuk-service-navigation__link', { hasText: name }).first()

/** From the home page, signed in as `email`. */
async function signIn (who, server, email) {
  await who.p.goto(server.base)
  await inert(who, 'home')
  await go(who, who.p.getByRole('link', { name: 'Sign in', exact: true }).first(), 'sign in')
  await who.p.getByLabel('Email address', { exact: true }).fill(email)
  await who.p.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await go(who, who.p.getByRole('button', { name: 'Sign in', exact: true }), `signed in as ${email}`)
}

/** From anywhere to the open demo discussion, by the navigation. */
async function toDiscussion (who) {
  await go(who, nav(who.p, 'Discussions'), 'discussions')
  await go(who, who.p.getByRole('link', { name: DISCUSSION }), 'discussion')
}

/** Sets the display name through the account page. */
async function rename (who, name) {
  await go(who, who.p.locator('.app-account__name'), 'account')
  await go(who, who.p.getByRole('link', { name: /^Change.*Display name/ }), 'name form')
  await who.p.getByLabel('Display name', { exact: true }).fill(name)
  await go(who, who.p.getByRole('button', { name: 'Save' }), 'name saved')
}

/** The comment id the page's address points at after posting. */
const postedId = p => new URL(p.url()).hash.replace('#comment-', '')

test('payloads in names, comments, replies and statements stay text on every page', async t => {
  const server = await startServer()
  t.after(() => server.stop())

  // Amina: a name refused (its bidi override) and given back as typed,
  // then a name of markup accepted.
  const amina = await person(t)
  await signIn(amina, server, AMINA)
  await go(amina, amina.p.locator('.app-account__name'), 'account')
  await go(amina, amina.p.getByRole('link', { name: /^Change.*Display name/ }), 'name form')
  for (const refused of corpus.refused_names) {
    await amina.p.getByLabel('Display name', { exact: true }).fill(refused)
    await go(amina, amina.p.getByRole('button', { name: 'Save' }), 'name refused')
    await checkPage(amina.p, 'name refused', { lang: 'en' })
    assert.equal(await amina.p.getByLabel('Display name', { exact: true }).inputValue(), refused)
  }
  await amina.p.getByLabel('Display name', { exact: true }).fill(corpus.names.amina)
  await go(amina, amina.p.getByRole('button', { name: 'Save' }), 'name saved')
  literal(await amina.p.locator('.app-account__name').textContent(), [corpus.names.amina], 'header')

  // Her statements, from the discussion's vote page.
  await toDiscussion(amina)
  await go(amina, amina.p.getByRole('link', { name: 'Vote on statements' }), 'vote page')
  for (const s of statements) {
    await amina.p.getByLabel('Your statement', { exact: true }).fill(s.text)
    await go(amina, amina.p.getByRole('button', { name: 'Submit statement' }), `statement ${s.id}`)
  }
  await checkPage(amina.p, 'vote page after statements', { lang: 'en' })

  // Her comments.
  await go(amina, amina.p.locator('.govuk-caption-l a'), 'discussion from the vote page')
  const published = []
  for (const c of comments.slice(0, AMINA_SHARE)) {
    await amina.p.getByLabel('Your comment', { exact: true }).fill(c.typed)
    await go(amina, amina.p.getByRole('button', { name: 'Post comment' }), `comment ${c.id}`)
    if (new URL(amina.p.url()).searchParams.get('done') === 'comment-posted') published.push(postedId(amina.p))
  }
  await checkPage(amina.p, 'discussion with payloads', { lang: 'en' })
  literal(await mainText(amina.p), [corpus.names.amina], 'discussion')

  // Tom: a name of markup too; replies to her comments through the reply
  // form (which quotes the comment answered); and a report.
  const tom = await person(t)
  await signIn(tom, server, TOM)
  await rename(tom, corpus.names.tom)
  await toDiscussion(tom)
  const targets = published.slice(-20).reverse()
  for (const [i, r] of comments.slice(AMINA_SHARE).entries()) {
    const parent = tom.p.locator(`#comment-${targets[i % targets.length]}`)
    await go(tom, parent.getByRole('link', { name: /^Reply/ }).first(), `reply form for ${r.id}`)
    await tom.p.getByLabel('Your reply', { exact: true }).fill(r.typed)
    await go(tom, tom.p.getByRole('button', { name: 'Post reply' }), `reply ${r.id}`)
  }
  const reported = comments.find(c => c.id === 'img-onerror')
  const theirs = tom.p.locator('article.app-comment').filter({ hasText: reported.text }).first()
  await go(tom, theirs.getByRole('link', { name: /^Report/ }).first(), 'report form')
  await checkPage(tom.p, 'report form quoting a payload', { lang: 'en' })
  await tom.p.getByLabel('Spam', { exact: true }).check()
  await go(tom, tom.p.getByRole('button', { name: 'Send report' }), 'reported')

  // Grace: the queue and the reported item, then every held comment
  // approved in bulk so that the public pages show all of them.
  const grace = await person(t)
  await signIn(grace, server, GRACE)
  await go(grace, nav(grace.p, 'Moderation'), 'moderation queue')
  await checkPage(grace.p, 'moderation queue with payloads', { lang: 'en' })
  literal(await mainText(grace.p), [corpus.names.amina], 'queue')
  const card = grace.p.locator('section.app-moderation-item').filter({ hasText: reported.text }).first()
  await go(grace, card.locator('h2 a'), 'moderation item')
  await checkPage(grace.p, 'moderation item with a payload', { lang: 'en' })
  literal(await mainText(grace.p), [reported.text, corpus.names.amina], 'moderation item')
  await go(grace, nav(grace.p, 'Moderation'), 'moderation queue again')
  for (let round = 0; round < 4; round++) {
    const boxes = grace.p.getByRole('checkbox', { name: /^Select the comment by/ })
    const n = await boxes.count()
    if (n === 0) break
    for (let i = 0; i < n; i++) await boxes.nth(i).check()
    await grace.p.getByLabel('Approve: show it, or keep it as it is').check()
    await go(grace, grace.p.getByRole('button', { name: 'Decide the selected comments' }), `bulk approval ${round}`)
    if (!(await grace.p.getByText(/\d+ approved/).isVisible())) break
  }

  // The discussion, signed out: every payload as written, on its pages.
  const visitor = await person(t)
  await visitor.p.goto(server.base)
  await inert(visitor, 'home, signed out')
  await toDiscussion(visitor)
  let seen = await mainText(visitor.p)
  const more = visitor.p.getByRole('link', { name: /^(Older|More) comments$/ })
  while (await more.count() > 0) {
    await go(visitor, more.first(), 'the next comments')
    seen += await mainText(visitor.p)
  }
  literal(seen, comments.map(shown), 'the discussion')
  literal(seen, [corpus.names.amina, corpus.names.tom], 'the discussion')

  // In Arabic, right to left, the same texts.
  await visitor.p.goto(server.base)
  await toDiscussion(visitor)
  await go(visitor, visitor.p.locator('.app-language-switcher__link[hreflang="ar"]'), 'the discussion in Arabic')
  await checkPage(visitor.p, 'the discussion in Arabic', { lang: 'ar' })
  literal(await mainText(visitor.p), comments.slice(AMINA_SHARE - 8, AMINA_SHARE).map(shown), 'the discussion in Arabic')
  await go(visitor, visitor.p.locator('.app-language-switcher__link[hreflang="en"]'), 'the discussion in English')

  // A thread of its own, with its replies.
  await visitor.p.goto(server.base)
  await toDiscussion(visitor)
  const thread = visitor.p.locator('article.app-comment').filter({ hasText: comments[0].text }).first()
  const threadLink = thread.getByRole('link', { name: /^See \d+ more repl/ })
  if (await threadLink.count() > 0) await go(visitor, threadLink.first(), 'a thread')

  // Links the renderer made: to the web only, marked as the writer's.
  await toDiscussion(visitor)
  const hrefs = new Set()
  let page = visitor.p
  for (;;) {
    for (const h of await page.locator('.app-pre-line a').evaluateAll(as => as.map(a => a.getAttribute('href')))) hrefs.add(h)
    const next = page.getByRole('link', { name: /^(Older|More) comments$/ })
    if (await next.count() === 0) break
    await go(visitor, next.first(), 'the next comments')
  }
  for (const c of comments.filter(c => c.links)) {
    for (const l of c.links) assert.ok(hrefs.has(l.href), `${c.id}: a link to ${l.href}`)
  }

  // The Atom feed, from its link: Atom's elements only, the payloads as
  // their text.
  await visitor.p.goto(server.base)
  await toDiscussion(visitor)
  const feedLink = visitor.p.getByRole('link', { name: /Atom feed/ }).first()
  const feedUrl = new URL(await feedLink.getAttribute('href'), visitor.p.url()).href
  await follow(visitor.p, feedLink)
  assert.equal(await visitor.p.evaluate(() => typeof window.__xss), 'undefined', 'the feed: a payload ran')
  const xml = await (await visitor.context.request.get(feedUrl)).text()
  await visitor.p.goto(server.base)
  const feed = await visitor.p.evaluate(source => {
    const doc = new DOMParser().parseFromString(source, 'application/xml')
    return {
      root: doc.documentElement.localName,
      foreign: [...doc.getElementsByTagName('*')].filter(e => e.namespaceURI !== 'http://www.w3.org/2005/Atom').map(e => e.localName),
      text: doc.documentElement.textContent
    }
  }, xml)
  assert.equal(feed.root, 'feed')
  assert.deepEqual(feed.foreign, [], 'elements outside Atom in the feed')
  // It holds the newest 50 comments: all but the first few of ours.
  literal(feed.text, comments.slice(-40).map(c => c.text), 'the feed')
  assert.deepEqual(visitor.dialogs, [], 'the feed: a dialog opened')

  // The vote page and the opinion map, as Tom: passing until each of her
  // statements has been offered.
  await tom.p.goto(server.base)
  await toDiscussion(tom)
  await go(tom, tom.p.getByRole('link', { name: 'Vote on statements' }), 'vote page')
  await checkPage(tom.p, 'vote page', { lang: 'en' })
  const offered = []
  for (let i = 0; i < 40; i++) {
    const statement = tom.p.locator('.app-vote__statement')
    if (await statement.count() === 0) break
    offered.push(await statement.textContent())
    await go(tom, tom.p.getByRole('button', { name: 'Pass', exact: true }), `vote ${i}`)
  }
  literal(offered.join('\n'), statements.map(s => s.text), 'the vote page')
  await go(tom, tom.p.getByRole('link', { name: 'See the opinion map' }).first(), 'opinion map')
  await checkPage(tom.p, 'opinion map', { lang: 'en' })

  // Search results for a word the payloads share.
  await go(tom, nav(tom.p, 'Discussions'), 'discussions')
  await go(tom, tom.p.getByRole('link', { name: 'Search what people wrote in the discussions' }), 'search')
  await tom.p.getByLabel('Words to look for').fill('onerror')
  await go(tom, tom.p.getByRole('button', { name: 'Search' }), 'search results')
  await checkPage(tom.p, 'search results with payloads', { lang: 'en' })
  assert.ok(await tom.p.locator('main').getByText('onerror', { exact: false }).count() > 0, 'payloads found')

  // Amina's notifications of Tom's replies, and her data.
  await amina.p.goto(server.base)
  await go(amina, amina.p.getByRole('link', { name: /^Notifications/ }).first(), 'notifications')
  await checkPage(amina.p, 'notifications', { lang: 'en' })
  await go(amina, amina.p.locator('.app-account__name'), 'account')
  await go(amina, amina.p.getByRole('link', { name: 'See your data' }), 'your data')
  await checkPage(amina.p, 'your data', { lang: 'en' })
  literal(await mainText(amina.p), [corpus.names.amina, ...comments.slice(0, AMINA_SHARE).map(c => c.text), ...statements.map(s => s.text)], 'your data')

  // The API's JSON: the comments as written, as strings.
  const id = new URL(feedUrl).pathname.split('/')[2]
  const apiUrl = `${server.base}/api/v1/discussions/${id}/comments?order=oldest`
  // Shown as text by the browser (which also asks for a favicon the
  // JSON has none of: that 404 is no problem of ours).
  await visitor.p.goto(apiUrl)
  assert.equal(await visitor.p.evaluate(() => typeof window.__xss), 'undefined', 'the API: a payload ran')
  assert.equal(await visitor.p.locator('script, img, svg, iframe').count(), 0, 'the API: elements a payload made')
  assert.deepEqual(visitor.dialogs, [], 'the API: a dialog opened')
  const api = await visitor.context.request.get(apiUrl)
  assert.equal(api.headers()['content-type'], 'application/json')
  const texts = []
  let body = await api.json()
  for (;;) {
    for (const th of body.threads) texts.push(th.comment.text, ...th.replies.map(r => r.text))
    if (!body.next) break
    body = await (await visitor.context.request.get(`${server.base}/api/v1/discussions/${id}/comments?order=oldest&after=${encodeURIComponent(body.next)}`)).json()
  }
  const inApi = comments.slice(0, AMINA_SHARE).filter(c => texts.includes(c.text)).length
  assert.equal(inApi, AMINA_SHARE, 'every comment given back as written')
})
