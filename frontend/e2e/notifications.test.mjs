// Searching discussions and reading notifications, in headless Chromium,
// starting at the home page and clicking through as a person would: the
// navigation to the discussions list and the search of comments (in
// English, then in Arabic by the header's language switch), then the
// header's Sign in, the header's notifications link, following one
// notification (which marks it read), marking the rest read, choosing
// what she is told, her notifications in Arabic, and following a
// discussion. Every page visited is checked with axe-core and
// html-validate, and none needs JavaScript to work.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const AMINA = 'amina@brightwater.example'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** A link of the site's navigation. */
const nav = (p, name) => p.locator('.govuk-service-navigation__link', { hasText: name }).first()
/** The header's language switch to `lang`. */
const switchTo = (p, lang) => p.locator(`.app-language-switcher__link[hreflang="${lang}"]`)
/** The header's notifications link, with its unread count. */
const notificationsLink = p => p.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ })

/** How many notifications the header says are unread. */
async function unread (p) {
  const name = await notificationsLink(p).first().textContent()
  return Number(name.match(/\((\d+) unread\)/)[1])
}

test('a resident searches comments and reads her notifications', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await p.goto(server.base)
  await checkPage(p, 'home', { lang: 'en' })
  await follow(p, nav(p, 'Discussions'))
  await checkPage(p, 'discussions', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: 'Search what people wrote in the discussions' }))
  await checkPage(p, 'search, empty', { lang: 'en' })
  await p.getByLabel('Words to look for').fill('library')
  await follow(p, p.getByRole('button', { name: 'Search' }))
  await checkPage(p, 'search results', { lang: 'en' })
  assert.ok(await p.getByText('The library is a good idea').first().isVisible())
  // Each result's link says whose comment it opens and how it starts,
  // rather than repeating the discussion's title.
  const links = await p.locator('.app-search-result a').allTextContents()
  assert.ok(links.length >= 2, String(links))
  assert.equal(new Set(links).size, links.length, String(links))
  assert.ok(links.every(l => !l.includes('Feeling safe')), String(links))
  await p.getByLabel('Words to look for').fill('nothing like this anywhere')
  await follow(p, p.getByRole('button', { name: 'Search' }))
  await checkPage(p, 'search, nothing found', { lang: 'en' })
  assert.ok(await p.getByText('No comments match these words.').isVisible())

  // In Arabic, by the header's switch, searching as Arabic is spelled.
  await follow(p, switchTo(p, 'ar'))
  await checkPage(p, 'search in Arabic', { lang: 'ar' })
  await p.getByLabel('الكلمات التي تبحث عنها').fill('مكتبه')
  await follow(p, p.getByRole('button', { name: 'ابحث' }))
  await checkPage(p, 'search results in Arabic', { lang: 'ar' })
  assert.ok(await p.getByText('أتفق مع أمينة', { exact: false }).first().isVisible())
  await follow(p, switchTo(p, 'en'))

  // Sign in from the header; back to where she was.
  await follow(p, p.getByRole('link', { name: 'Sign in', exact: true }).first())
  await checkPage(p, 'sign in', { lang: 'en' })
  await p.getByLabel('Email address').fill(AMINA)
  await p.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: 'Sign in' }))
  await follow(p, notificationsLink(p).first())
  await checkPage(p, 'notifications', { lang: 'en' })
  const first = p.getByRole('link', { name: /replied to your comment in/ }).first()
  assert.ok(await first.isVisible())

  // Following a notification opens the comment and marks it read.
  const before = await unread(p)
  await follow(p, first)
  await checkPage(p, 'a notification followed', { lang: 'en' })
  assert.match(p.url(), /\/discussions\/[^/]+\/comments\/[^/#]+#comment-/)
  assert.equal(await unread(p), before - 1)

  await follow(p, notificationsLink(p).first())
  await follow(p, p.getByRole('button', { name: 'Mark all as read' }))
  await checkPage(p, 'notifications read', { lang: 'en' })
  assert.ok(await p.getByText('No unread notifications').isVisible())

  await follow(p, p.getByRole('link', { name: 'Choose what you are told' }))
  await checkPage(p, 'notification choices', { lang: 'en' })
  await p.getByRole('group', { name: 'By email' }).getByLabel('Replies to my comments').check()
  await follow(p, p.getByRole('button', { name: 'Save choices' }))
  await checkPage(p, 'notification choices saved', { lang: 'en' })
  assert.ok(await p.getByRole('group', { name: 'By email' }).getByLabel('Replies to my comments').isChecked())

  // Her notifications in Arabic name the discussion by its Arabic title.
  await follow(p, p.getByRole('link', { name: 'Back to notifications' }))
  await follow(p, switchTo(p, 'ar'))
  await checkPage(p, 'notifications in Arabic', { lang: 'ar' })
  assert.ok(await p.getByText('على تعليقك في', { exact: false }).first().isVisible())
  assert.ok(await p.getByText('الشعور بالأمان في برايتووتر', { exact: false }).first().isVisible())

  await follow(p, switchTo(p, 'en'))
  await follow(p, nav(p, 'Discussions'))
  await follow(p, p.getByRole('link', { name: /Feeling safe in Brightwater/ }))
  await follow(p, p.getByRole('button', { name: 'Stop telling me when it closes' }))
  await checkPage(p, 'discussion unfollowed', { lang: 'en' })
  assert.ok(await p.getByRole('button', { name: 'Tell me when this discussion closes' }).isVisible())
})
