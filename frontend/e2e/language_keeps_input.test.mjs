// Switching language mid-form keeps what was typed (ADR 32), in headless
// Chromium: on the sign-in form (never the password), on the form that
// creates a consultation (text, a long text and dates), on the form that
// adds a question (a select, radios and a long text) and on survey pages
// (the answers ticked on page 1; on page 2, reached by answering page 1,
// a box of a checkbox group and a long text), each time in the other language with the values
// in their fields, and nothing left in the tab's storage afterwards. Every
// page is checked with axe-core.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER
} from './support.mjs'

let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const field = (page, name) => page.locator(`[name="${name}"]`)

/** What the tab's sessionStorage held as each document started, newest last. */
async function keptAtStart (page) {
  return page.evaluate(() => window.keptAtStart)
}

test('switching language keeps what was typed in a form, never a password', async t => {
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())
  // Read before the page's own script takes the values out.
  await context.addInitScript(() => {
    window.keptAtStart = JSON.stringify(Object.entries(sessionStorage))
  })

  // Signing in: the address comes across, the password never does.
  await page.goto(`${server.base}/sign-in`)
  await field(page, 'email').fill(OFFICER)
  await field(page, 'password').fill(DEMO_PASSWORD)
  await follow(page, page.getByRole('link', { name: 'العربية' }))
  await checkPage(page, 'sign-in, after switching to Arabic', { lang: 'ar' })
  assert.equal(await field(page, 'email').inputValue(), OFFICER)
  assert.equal(await field(page, 'password').inputValue(), '')
  const kept = await keptAtStart(page)
  assert.match(kept, /helen@brightwater\.example/)
  assert.doesNotMatch(kept, new RegExp(DEMO_PASSWORD), 'the password was stored')
  assert.doesNotMatch(kept, /csrf/, 'a form token was stored')
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'kept values are forgotten once back')

  // Back again: what was put back is still unsent input, and comes too.
  await follow(page, page.getByRole('link', { name: 'English' }))
  assert.equal(await field(page, 'email').inputValue(), OFFICER)
  await field(page, 'password').fill(DEMO_PASSWORD)
  await follow(page, page.getByRole('button', { name: 'Sign in' }))

  // A form left without typing anything keeps nothing.
  await page.goto(`${server.base}/staff/consultations/new`)
  await follow(page, page.getByRole('link', { name: 'العربية' }))
  assert.equal(await keptAtStart(page), '[]')
  await follow(page, page.getByRole('link', { name: 'English' }))

  // Creating a consultation, switched to Arabic halfway.
  await checkPage(page, 'create a consultation', { lang: 'en' })
  await field(page, 'title').fill('Quieter streets at night')
  await field(page, 'summary').fill('Tell us where traffic keeps you awake.\nAnd when.')
  await field(page, 'opens_at').fill('2020-01-01T09:00')
  await follow(page, page.getByRole('link', { name: 'العربية' }))
  await checkPage(page, 'create a consultation, after switching to Arabic', { lang: 'ar' })
  assert.equal(await field(page, 'title').inputValue(), 'Quieter streets at night')
  assert.equal(await field(page, 'summary').inputValue(), 'Tell us where traffic keeps you awake.\nAnd when.')
  assert.equal(await field(page, 'opens_at').inputValue(), '2020-01-01T09:00')
  assert.equal(await field(page, 'closes_at').inputValue(), '')
  assert.equal(await page.evaluate(() => sessionStorage.length), 0)
  await field(page, 'closes_at').fill('2099-12-31T17:00')
  await follow(page, page.getByRole('button', { name: 'حفظ' }))
  assert.match(page.url(), /\/staff\/consultations\/[0-9a-f-]{36}\?done=consultation-created$/)

  // Adding a question, switched back to English halfway: the chosen
  // type, the radio ticked (the page ticks "No" itself) and the
  // question's words come across.
  await follow(page, page.getByRole('link', { name: 'أضف سؤالًا' }))
  await field(page, 'kind').selectOption('single_choice')
  await field(page, 'text').fill('هل تمشي على الكورنيش بعد حلول الظلام؟')
  await page.locator('[name="required"][value="yes"]').check()
  await follow(page, page.getByRole('link', { name: 'English' }))
  await checkPage(page, 'add a question, after switching to English', { lang: 'en' })
  assert.equal(await field(page, 'kind').inputValue(), 'single_choice')
  assert.equal(await field(page, 'text').inputValue(), 'هل تمشي على الكورنيش بعد حلول الظلام؟')
  assert.ok(await page.locator('[name="required"][value="yes"]').isChecked())
  assert.ok(!(await page.locator('[name="required"][value="no"]').isChecked()))
  assert.equal(await page.evaluate(() => sessionStorage.length), 0)

  // A survey page of the demo's open consultation: the answers ticked
  // (some special-category questions are of this kind) come across too.
  const list = await (await fetch(`${server.base}/api/v1/consultations?q=Safer`)).json()
  const demo = list.items.find(c => c.title === 'Safer streets, stronger communities')
  await page.goto(`${server.base}/consultations/${demo.id}/respond/1`)
  await checkPage(page, 'survey page 1', { lang: 'en' })
  const first = page.locator('input[name="q1"]').first()
  // "Yes": the routing then asks where, on page 2.
  const second = page.locator('input[name="q2"]').first()
  await first.check()
  await second.check()
  await follow(page, page.getByRole('link', { name: 'العربية' }))
  await checkPage(page, 'survey page 1, after switching to Arabic', { lang: 'ar' })
  assert.ok(await first.isChecked() && await second.isChecked())

  // Page 2, reached by answering page 1: a box ticked in the checkbox
  // group (q3) and words typed in the long text (q7) come across too.
  await follow(page, page.getByRole('button', { name: 'احفظ وتابع' }))
  assert.match(page.url(), /\/respond\/2$/)
  await checkPage(page, 'survey page 2', { lang: 'ar' })
  const where = page.locator('input[name="q3"]').nth(2)
  await where.check()
  await field(page, 'q7').fill('More light on the footbridge, please.\nAnd a bench.')
  await follow(page, page.getByRole('link', { name: 'English' }))
  await checkPage(page, 'survey page 2, after switching to English', { lang: 'en' })
  assert.ok(await where.isChecked(), 'the box ticked in q3')
  assert.equal(await page.locator('input[name="q3"]:checked').count(), 1)
  assert.equal(await field(page, 'q7').inputValue(), 'More light on the footbridge, please.\nAnd a bench.')
  assert.equal(await page.evaluate(() => sessionStorage.length), 0)

  assert.deepEqual(problems, [])
})
