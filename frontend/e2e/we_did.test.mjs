// "We asked, you said, we did" on the demo's closed consultation: an
// officer adds a finding that combines "Strongly agree" and "Agree" and
// says what the council did, then visitors reach the section from the
// list of consultations by the consultation's timeline, in English and Arabic. Every
// page visited is checked with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER } from './support.mjs'

const CLOSED = 'Reporting hate crime: what stops people?'
const Q1 = 'Question 1: Strong, connected communities help prevent hate and extremism.'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

test('an officer combines options and says what we did; visitors reach it from the timeline', async t => {
  const server = await startServer()
  t.after(() => server.stop())

  const officer = await openPage(browser, { locale: 'en-GB' })
  t.after(() => officer.context.close())
  const o = officer.page
  await o.goto(`${server.base}/sign-in`)
  await o.getByLabel('Email address').fill(OFFICER)
  await o.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(o, o.getByRole('button', { name: 'Sign in' }))
  // No page links to the list of consultations yet: start there, as the
  // other consultation tests do, and follow links from it.
  await o.goto(`${server.base}/consultations`)
  await follow(o, o.getByRole('link', { name: CLOSED }))
  await follow(o, o.getByRole('link', { name: 'Manage this consultation' }))
  await follow(o, o.getByRole('link', { name: 'Add a finding' }))
  await checkPage(o, 'add a finding', { lang: 'en' })
  const options = o.getByRole('group', { name: 'The options it rests on' })
  await o.getByLabel('Finding', { exact: true }).fill('Two in three agree')
  // Options of two questions: refused with the reason, ticks kept.
  await options.getByRole('checkbox', { name: `${Q1} — Strongly agree` }).check()
  await options.getByRole('checkbox', { name: /^Question 2: .* — Yes$/ }).first().check()
  await follow(o, o.getByRole('button', { name: 'Add a finding' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /Choose options of one question/)
  await checkPage(o, 'add a finding, with an error', { lang: 'en' })
  const again = o.getByRole('group', { name: 'The options it rests on' })
  await again.getByRole('checkbox', { name: /^Question 2: .* — Yes$/ }).first().uncheck()
  await again.getByRole('checkbox', { name: `${Q1} — Agree` }).check()
  await o.getByLabel('What we did').fill('We asked every school to run a session on reporting.')
  await follow(o, o.getByRole('button', { name: 'Add a finding' }))
  assert.match(o.url(), /\?done=finding-added$/)
  await follow(o, o.getByRole('button', { name: 'Publish: Two in three agree' }))
  assert.match(o.url(), /\?done=finding-published$/)
  await checkPage(o, 'manage, finding published', { lang: 'en' })
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations (officer)')

  for (const [locale, lang, link, heading] of [
    ['en-GB', 'en', 'Read what we asked, what you said and what we did', 'We asked, you said, we did'],
    ['ar', 'ar', 'اقرأ ما سألنا عنه وما قاله الناس وما فعلناه', 'سألنا، قال الناس، فعلنا']
  ]) {
    const visitor = await openPage(browser, { locale })
    t.after(() => visitor.context.close())
    const v = visitor.page
    await v.goto(`${server.base}/consultations`)
    await follow(v, v.getByRole('link', { name: CLOSED }))
    await checkPage(v, `closed consultation (${lang})`, { lang })
    await follow(v, v.getByRole('link', { name: link }))
    assert.match(v.url(), /\/findings#we-asked-you-said-we-did$/)
    const section = v.getByRole('region', { name: heading })
    const text = await section.innerText()
    if (lang === 'en') {
      assert.match(text, /chose “Strongly agree” or “Agree” \(95% range \d+–\d+%\)/)
      assert.match(text, /We funded twelve street events in Riverside/)
      assert.match(text, /We asked every school to run a session on reporting\./)
    } else {
      assert.match(text, /«أوافق بشدة» أو «أوافق»/)
      assert.match(text, /موّلنا اثنتي عشرة فعالية/)
    }
    await checkPage(v, `we asked, you said, we did (${lang})`, { lang })
    assert.deepEqual(visitor.problems, [], `no script errors or CSP violations (${lang})`)
  }
})
