// The survey builder around publishing (issue 16, point 4): an officer,
// from the home page and by clicking only, previews the demo's open
// survey in Arabic page by page (routing followed, nothing saved), then,
// since people have responded, fixes a typo in a question's wording and
// finds it in the consultation's history. Every page visited is checked
// with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER } from './support.mjs'

const OPEN = 'Safer streets, stronger communities'
const SEEN = 'In the last 12 months, have you seen or heard views that promote hatred or extremism?'
const FIXED = 'In the past 12 months, have you seen or heard views that promote hatred or extremism?'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

const navLink = (page, name) => page.locator('#navigation').getByRole('link', { name, exact: true })

test('an officer previews a survey in Arabic and fixes a typo after responses, by clicking from the home page', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: o, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await o.goto(`${server.base}/`)
  await checkPage(o, 'home', { lang: 'en' })
  await follow(o, navLink(o, 'Sign in'))
  await o.locator('input[name="email"]').fill(OFFICER)
  await o.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await follow(o, o.locator('main form button[type="submit"]'))
  await follow(o, navLink(o, 'Manage'))
  await follow(o, o.getByRole('link', { name: OPEN }).first())
  assert.match(o.url(), /\/staff\/consultations\/[0-9a-f-]{36}$/)
  await checkPage(o, 'manage the open consultation', { lang: 'en' })

  // The preview, first in English, then in Arabic from its banner.
  await follow(o, o.getByRole('link', { name: /^Preview the survey/ }))
  const banner = () => o.getByRole('region', { name: /^(Preview|معاينة)$/ })
  assert.match(await banner().innerText(), /Preview: answers are not saved/)
  await checkPage(o, 'preview, page 1', { lang: 'en' })
  // On a survey page the languages are buttons of its form, so what is
  // chosen so far goes with the switch.
  await follow(o, banner().getByRole('button', { name: 'العربية' }))
  await checkPage(o, 'preview in Arabic, page 1', { lang: 'ar' })
  // The survey is shown in Arabic; the banner stays in the officer's language.
  assert.match(await banner().innerText(), /Preview: answers are not saved/)
  assert.match(await o.getByRole('heading', { level: 1 }).innerText(), /مجتمعك/)
  // Nothing chosen: the page answers as it would a respondent.
  await follow(o, o.getByRole('button', { name: 'احفظ وتابع' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /.+/)
  await checkPage(o, 'preview in Arabic, page 1 with errors', { lang: 'ar' })
  await o.locator('input[name="q1"]').first().check()
  await o.locator('input[name="q2"]').first().check() // "Yes": page 2 asks where
  await follow(o, o.getByRole('button', { name: 'احفظ وتابع' }))
  assert.match(await o.getByRole('main').innerText(), /أين رأيتها أو سمعتها؟/)
  await checkPage(o, 'preview in Arabic, page 2', { lang: 'ar' })
  await follow(o, o.getByRole('button', { name: 'احفظ وتابع' }))
  await checkPage(o, 'preview in Arabic, page 3', { lang: 'ar' })
  await follow(o, o.getByRole('button', { name: 'احفظ وتابع' }))
  assert.match(await o.getByRole('heading', { level: 1 }).innerText(), /راجع إجاباتك/)
  await checkPage(o, 'preview in Arabic, check your answers', { lang: 'ar' })
  await follow(o, o.getByRole('button', { name: 'أنهِ المعاينة' }))
  assert.match(o.url(), /\?done=preview-ended$/)
  // Back in Manage, still in the officer's own language.
  assert.match(await o.getByRole('main').innerText(), /The preview has ended/)
  await checkPage(o, 'manage, the preview ended', { lang: 'en' })

  // People have responded: the question's text leads to its page's wording.
  assert.match(await o.getByRole('main').innerText(), /You can still fix typos/)
  await follow(o, o.getByRole('link', { name: SEEN }))
  await checkPage(o, 'fix the wording of page 1', { lang: 'en' })
  const wording = o.getByLabel(/^Question 2: .* — wording$/)
  assert.equal(await wording.inputValue(), SEEN)
  // A text left empty is refused, naming it.
  await wording.fill('')
  await follow(o, o.getByRole('button', { name: 'Save the wording' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /Enter the question/)
  await checkPage(o, 'fix the wording, with an error', { lang: 'en' })
  await o.getByLabel(/^Question 2: .* — wording$/).fill(FIXED)
  await follow(o, o.getByRole('button', { name: 'Save the wording' }))
  assert.match(o.url(), /\?done=wording-fixed$/)
  const history = await o.getByRole('table', { name: 'History' }).innerText()
  assert.ok(history.includes(SEEN) && history.includes(FIXED), history)
  assert.match(history, /Helen Park/)
  await checkPage(o, 'manage, the wording fixed', { lang: 'en' })

  // Its Arabic translation now needs review, on the same page in Arabic.
  await follow(o, o.getByRole('link', { name: FIXED }))
  await follow(o, o.getByRole('navigation', { name: 'Fix the wording in' }).getByRole('link', { name: 'العربية' }))
  assert.match(await o.getByRole('main').innerText(), /The original has changed since this was translated/)
  await checkPage(o, 'fix the Arabic wording of page 1', { lang: 'en' })
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})
