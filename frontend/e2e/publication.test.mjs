// Publishing results on the demo's open consultation (published with
// every question): the officer narrows the questions the public sees and
// asks for figures weighted to the population's age profile; the public then sees only those questions,
// the weighted figures labelled as such with their effective base, in
// English and Arabic. Every page visited is checked with axe-core and
// html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER } from './support.mjs'

const TITLE = 'Safer streets, stronger communities'
// Population shares of the age bands 16 and over (the demo's respondents),
// leaving out "prefer not to say".
const MARGINS = 'q8: -, 15, 18, 18, 17, 13, 10, 9, -'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

test('an officer publishes chosen questions with weighted figures, and the public sees them labelled', async t => {
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
  await follow(o, o.getByRole('link', { name: TITLE }))
  const id = o.url().match(/\/consultations\/([0-9a-f-]{36})/)[1]
  await o.goto(`${server.base}/staff/consultations/${id}`)
  await checkPage(o, 'manage the demo consultation', { lang: 'en' })

  const results = `${server.base}/consultations/${id}/results`
  const publicText = async () => {
    const res = await fetch(results)
    assert.equal(res.status, 200)
    return res.text()
  }
  assert.match(await publicText(), /How effective would small grants/, 'every question public to begin with')
  await follow(o, o.getByRole('link', { name: 'Change what is published' }))
  await checkPage(o, 'publish results', { lang: 'en' })
  const chosen = o.getByRole('group', { name: 'Questions to publish' })
  assert.equal(await chosen.getByRole('checkbox', { name: /^q9:/ }).count(), 0, 'religion is never offered')
  await chosen.getByRole('checkbox', { name: /^q4:/ }).uncheck()
  // Margins that do not fit the question: refused with a message, nothing published.
  await o.getByLabel('Population margins').fill('q8: 50, 50')
  await follow(o, o.getByRole('button', { name: 'Publish the results' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /.+/)
  await checkPage(o, 'publish results, with an error', { lang: 'en' })
  assert.match(await publicText(), /How effective would small grants/, 'a refused choice changes nothing')
  await o.getByRole('group', { name: 'Questions to publish' }).getByRole('checkbox', { name: /^q4:/ }).uncheck()
  await o.getByLabel('Population margins').fill(MARGINS)
  await follow(o, o.getByRole('button', { name: 'Publish the results' }))
  assert.match(o.url(), /\?done=results-published$/)
  await checkPage(o, 'manage, results published with weighting', { lang: 'en' })
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations (officer)')

  // The public: only the ticked questions, weighted figures labelled.
  for (const [locale, lang] of [['en-GB', 'en'], ['ar', 'ar']]) {
    const visitor = await openPage(browser, { locale })
    t.after(() => visitor.context.close())
    const v = visitor.page
    await v.goto(`${server.base}/consultations/${id}/results`)
    const text = await v.getByRole('main').innerText()
    assert.doesNotMatch(text, /How effective would small grants/, `${lang}: q4 was not ticked`)
    assert.doesNotMatch(text, /religion or belief/i, `${lang}: never special-category`)
    if (lang === 'en') {
      assert.match(text, /Strong, connected communities help prevent hate and extremism\./)
      assert.match(text, /– weighted to the population/)
      assert.match(text, /effective base after weighting/)
    } else {
      assert.match(text, /مرجّحة حسب السكان/)
    }
    await checkPage(v, `results with weighted figures (${lang})`, { lang })
    assert.deepEqual(visitor.problems, [], `no script errors or CSP violations (${lang})`)
  }
})

test('withdrawing results and the consultation asks first, and the public is told plainly', async t => {
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
  await follow(o, o.getByRole('link', { name: TITLE }))
  await follow(o, o.getByRole('link', { name: 'Manage this consultation' }))

  // A visitor has the consultation open in English and in Arabic.
  const visitors = []
  for (const lang of ['en', 'ar']) {
    const visitor = await openPage(browser, { locale: 'en-GB' })
    t.after(() => visitor.context.close())
    await visitor.page.goto(`${server.base}/consultations`)
    await follow(visitor.page, visitor.page.getByRole('link', { name: TITLE }))
    if (lang === 'ar') await follow(visitor.page, visitor.page.getByRole('link', { name: 'العربية' }))
    visitors.push({ ...visitor, lang })
  }

  // The results: the question says what the public loses and what is kept.
  await follow(o, o.getByRole('button', { name: 'Withdraw the results' }))
  assert.match(await o.getByRole('heading', { level: 1 }).innerText(), /^Withdraw the results of/)
  assert.match(await o.getByRole('main').innerText(), /responses are kept/)
  await checkPage(o, 'withdraw the results: are you sure?', { lang: 'en' })
  await follow(o, o.getByRole('button', { name: 'Yes, withdraw the results' }))
  assert.match(o.url(), /\?done=results-withdrawn$/)

  // The consultation: the question says how many responses it keeps.
  await follow(o, o.getByRole('button', { name: 'Withdraw the consultation' }))
  assert.match(await o.getByRole('main').innerText(), /The \d+ responses it has are kept/)
  await checkPage(o, 'withdraw the consultation: are you sure?', { lang: 'en' })
  // Cancel goes back and changes nothing.
  await follow(o, o.getByRole('link', { name: 'Cancel' }))
  await follow(o, o.getByRole('button', { name: 'Withdraw the consultation' }))
  await follow(o, o.getByRole('button', { name: 'Yes, withdraw the consultation' }))
  assert.match(o.url(), /\?done=consultation-unpublished$/)
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations (officer)')

  for (const { page: v, lang, problems } of visitors) {
    await v.reload()
    const text = await v.getByRole('main').innerText()
    assert.match(text, lang === 'en' ? /This consultation has been withdrawn/ : /سُحبت هذه الاستشارة/)
    assert.equal(await v.locator('main time[datetime]').count(), 1, 'when it was withdrawn')
    await checkPage(v, `a withdrawn consultation (${lang})`, { lang })
    await follow(v, v.getByRole('link', { name: lang === 'en' ? 'See the consultations you can take part in' : 'اطلع على الاستشارات التي يمكنك المشاركة فيها' }))
    assert.match(v.url(), /\/consultations$/)
    // Chromium reports the withdrawn page's 410 itself; nothing else may.
    const others = problems.filter(p => !/status of 410 \(Gone\)/.test(p))
    assert.deepEqual(others, [], `no script errors or CSP violations (${lang})`)
  }
})
