// Searching discussions and reading notifications, in headless Chromium:
// from the discussions list to the search of comments (in English and in
// Arabic), then, signed in as Amina, the header's notifications link,
// marking them read, choosing what she is told, and following a
// discussion. Every page visited is checked with axe-core and
// html-validate, and none needs JavaScript to work.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const AMINA = 'amina@brightwater.example'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

test('a resident searches comments and reads her notifications', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await p.goto(`${server.base}/discussions`)
  await follow(p, p.getByRole('link', { name: 'Search what people wrote in the discussions' }))
  await checkPage(p, 'search, empty', { lang: 'en' })
  await p.getByLabel('Words to look for').fill('library')
  await follow(p, p.getByRole('button', { name: 'Search' }))
  await checkPage(p, 'search results', { lang: 'en' })
  assert.ok(await p.getByText('The library is a good idea').isVisible())
  await p.getByLabel('Words to look for').fill('nothing like this anywhere')
  await follow(p, p.getByRole('button', { name: 'Search' }))
  await checkPage(p, 'search, nothing found', { lang: 'en' })
  assert.ok(await p.getByText('No comments match these words.').isVisible())

  await p.goto(`${server.base}/discussions/search?q=${encodeURIComponent('مكتبه')}&lang=ar`)
  await checkPage(p, 'search in Arabic', { lang: 'ar' })
  assert.ok(await p.getByText('أتفق مع أمينة', { exact: false }).first().isVisible())
  await p.goto(`${server.base}/discussions/search?q=library&lang=en`)

  await p.goto(`${server.base}/sign-in`)
  await p.getByLabel('Email address').fill(AMINA)
  await p.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: 'Sign in' }))
  await follow(p, p.getByRole('link', { name: /^Notifications \(.*unread\)$/ }))
  await checkPage(p, 'notifications', { lang: 'en' })
  assert.ok(await p.getByText(/Someone replied to your comment in/).first().isVisible())
  await follow(p, p.getByRole('button', { name: 'Mark all as read' }))
  await checkPage(p, 'notifications read', { lang: 'en' })
  assert.ok(await p.getByText('No unread notifications').isVisible())

  await follow(p, p.getByRole('link', { name: 'Choose what you are told' }))
  await checkPage(p, 'notification choices', { lang: 'en' })
  await p.getByRole('group', { name: 'By email' }).getByLabel('Replies to my comments').check()
  await follow(p, p.getByRole('button', { name: 'Save choices' }))
  await checkPage(p, 'notification choices saved', { lang: 'en' })
  assert.ok(await p.getByRole('group', { name: 'By email' }).getByLabel('Replies to my comments').isChecked())

  await p.goto(`${server.base}/notifications?lang=ar`)
  await checkPage(p, 'notifications in Arabic', { lang: 'ar' })

  await p.goto(`${server.base}/discussions?lang=en`)
  await follow(p, p.getByRole('link', { name: /Feeling safe in Brightwater/ }))
  await follow(p, p.getByRole('button', { name: 'Stop following' }))
  await checkPage(p, 'discussion unfollowed', { lang: 'en' })
  assert.ok(await p.getByRole('button', { name: 'Follow this discussion' }).isVisible())
})
