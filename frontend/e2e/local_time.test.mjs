// Local time in the browser: an officer enters a summer closing time on
// the site's clock (UK time), is told plainly when a time falls in the
// spring clock change, and the closing date reads as people write it, in
// English and in Arabic, on the pages reached by links, with the instant
// in UTC for machines. Every page visited is checked with axe-core and
// html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER
} from './support.mjs'

const TITLE = 'Lighting in the parks'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** The closing date as the page shows it: its text and its machine value. */
async function closing (page, sentence) {
  const time = page.locator('p', { hasText: sentence }).locator('time').first()
  return { text: await time.innerText(), datetime: await time.getAttribute('datetime') }
}

test('an officer enters UK time and everyone reads the closing date as people write it', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const officer = await openPage(browser, { locale: 'en-GB' })
  t.after(() => officer.context.close())
  const o = officer.page

  await o.goto(`${server.base}/sign-in`)
  await o.getByLabel('Email address').fill(OFFICER)
  await o.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(o, o.getByRole('button', { name: 'Sign in' }))
  await o.goto(`${server.base}/consultations`)
  await follow(o, o.getByRole('link', { name: 'Create a consultation' }))
  await checkPage(o, 'create a consultation', { lang: 'en' })
  assert.match(await o.locator('#opens_at-hint').innerText(), /UK time/)
  await o.getByLabel('Title').fill(TITLE)
  await o.getByLabel('Summary').fill('Tell us where the parks need more light.')
  // 1:30am on 29 March 2026 does not exist in the UK: refused, explained.
  await o.getByLabel('Opens').fill('2026-03-29T01:30')
  await o.getByLabel('Closes').fill('2099-07-31T17:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  assert.match(
    await o.locator('.govuk-error-summary').innerText(),
    /The clocks go forward at 1am on 29 March 2026: choose a time before 1am or from 2am/
  )
  assert.equal(await o.getByLabel('Opens').inputValue(), '2026-03-29T01:30', 'what was typed is kept')
  await checkPage(o, 'create a consultation, a time the clocks skip', { lang: 'en' })
  await o.getByLabel('Opens').fill('2026-03-29T02:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  assert.match(o.url(), /\?done=consultation-created$/)
  await checkPage(o, 'manage the consultation', { lang: 'en' })

  // 5pm in British Summer Time is 4pm UTC.
  await follow(o, o.getByRole('link', { name: 'See the public page' }))
  await checkPage(o, 'the consultation', { lang: 'en' })
  assert.deepEqual(await closing(o, 'Closes'), { text: '31 July 2099 at 5pm', datetime: '2099-07-31T16:00:00Z' })
  const opens = o.locator('.govuk-summary-list__row', { hasText: 'Opens' }).locator('time')
  assert.equal(await opens.innerText(), '29 March 2026 at 2am')
  assert.equal(await opens.getAttribute('datetime'), '2026-03-29T01:00:00Z')

  await follow(o, o.getByRole('link', { name: 'العربية' }))
  await checkPage(o, 'the consultation, in Arabic', { lang: 'ar' })
  assert.deepEqual(await closing(o, 'تغلق'), { text: '31 يوليو 2099 الساعة 5 مساءً', datetime: '2099-07-31T16:00:00Z' })
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations')
})
