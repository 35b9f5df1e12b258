// Everything about consultations is reached by clicking from the home
// page, in English and Arabic (issue 16): a resident finds an open
// consultation, answers it and reads published results; an officer goes
// through Manage to create, edit and publish one; an analyst goes through
// Manage to the crosstabs, weighting, themes and exports. No address is
// typed but the home page's. Every page is checked with axe-core and
// html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  startServer, launchBrowser, openPage, follow, checkPage,
  DEMO_PASSWORD, DEMO_OFFICER as OFFICER, DEMO_ANALYST as ANALYST
} from './support.mjs'

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** The words each journey clicks, in each language. */
const T = {
  en: {
    language: 'English',
    open: 'Safer streets, stronger communities',
    consultations: 'Consultations',
    getInvolved: 'Get involved',
    manage: 'Manage',
    respond: 'Respond to this consultation',
    continue: 'Save and continue',
    send: 'Send my response',
    sent: /Your response has been sent|reference/i,
    results: 'See the results',
    crosstabs: 'Crosstabs',
    answers: 'Written answers and themes',
    weighting: 'Weighted results',
    csv: 'Download every response (CSV)',
    themes: /^Themes in the answers to/
  },
  ar: {
    language: 'العربية',
    open: 'شوارع أكثر أمنًا ومجتمعات أقوى', // the demo's translation
    consultations: 'الاستشارات العامة',
    getInvolved: 'شارك معنا',
    manage: 'الإدارة',
    respond: 'شارك في هذه الاستشارة',
    continue: 'احفظ وتابع',
    send: 'أرسل ردي',
    sent: /رقمك المرجعي/,
    results: 'اطّلع على نتائج',
    crosstabs: 'الجداول التقاطعية',
    answers: 'الإجابات المكتوبة والمحاور',
    weighting: 'النتائج المرجّحة',
    csv: 'نزّل كل الردود (CSV)',
    themes: /^المحاور في الإجابات على/
  }
}

/** The open consultation as staff's pages show it: as written. */
const OPEN = T.en.open
const CLOSED = 'Reporting hate crime: what stops people?'

/** A link of the site's menu. */
const navLink = (page, name) => page.locator('#navigation').getByRole('link', { name, exact: true })

/** Opens the home page in `lang`, by its language link when not English. */
async function home (page, server, lang, label) {
  await page.goto(`${server.base}/`)
  if (lang !== 'en') await follow(page, page.getByRole('link', { name: T[lang].language }))
  await checkPage(page, `home (${label})`, { lang })
}

/** Signs in through the header's link, then comes back to the home page. */
async function signIn (page, email) {
  await follow(page, page.locator('#navigation').getByRole('link', { name: /Sign in|تسجيل الدخول/ }))
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await follow(page, page.locator('main form button[type="submit"]'))
}

for (const lang of ['en', 'ar']) {
  test(`a resident finds, answers and reads consultations by clicking (${lang})`, async t => {
    const server = await startServer()
    t.after(() => server.stop())
    const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
    t.after(() => context.close())
    const w = T[lang]
    await home(page, server, lang, 'resident')
    // The home page lists what is open; the menu leads to every consultation.
    assert.match(await page.locator('#open-now').innerText(), new RegExp(w.open))
    await follow(page, navLink(page, w.consultations))
    await checkPage(page, 'consultations list', { lang })
    await follow(page, page.getByRole('link', { name: w.open }))
    await checkPage(page, 'an open consultation', { lang })
    await follow(page, page.getByRole('button', { name: w.respond }))
    await checkPage(page, 'survey page 1', { lang })
    await page.locator('input[name="q1"]').first().check()
    await page.locator('input[name="q2"]').nth(1).check() // "No": page 2 asks nothing routed
    await follow(page, page.getByRole('button', { name: w.continue }))
    while (!page.url().endsWith('/respond/check')) {
      await checkPage(page, `survey page ${page.url().split('/').pop()}`, { lang })
      await follow(page, page.getByRole('button', { name: w.continue }))
    }
    await checkPage(page, 'check your answers', { lang })
    await follow(page, page.getByRole('button', { name: w.send }))
    assert.match(page.url(), /\/respond\/done$/)
    assert.match(await page.locator('.govuk-panel').innerText(), w.sent)
    await checkPage(page, 'response sent', { lang })

    // Published results, from Get involved's recently closed.
    await follow(page, navLink(page, w.getInvolved))
    await checkPage(page, 'get involved', { lang })
    const closed = page.locator('#consultations li.app-consultation').filter({ hasText: CLOSED })
    await follow(page, closed.getByRole('link', { name: w.results }))
    assert.match(page.url(), /\/consultations\/[0-9a-f-]{36}\/results$/)
    await checkPage(page, 'published results', { lang })
    // The open consultation's findings, from its timeline.
    await follow(page, navLink(page, w.consultations))
    await follow(page, page.getByRole('link', { name: w.open }))
    const findings = page.locator('main a[href$="/findings"]')
    assert.ok(await findings.count() > 0, 'the open consultation links to its findings')
    await follow(page, findings.first())
    await checkPage(page, 'findings', { lang })
    assert.deepEqual(problems, [], 'no script errors or CSP violations')
  })
}

test('an officer creates, edits and publishes a consultation from Manage', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: o, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())
  await home(o, server, 'en', 'officer')
  assert.equal(await navLink(o, 'Manage').count(), 0, 'no Manage before signing in')
  await signIn(o, OFFICER)
  await follow(o, navLink(o, 'Manage'))
  await checkPage(o, 'manage', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: 'Create a consultation' }))
  await checkPage(o, 'create a consultation', { lang: 'en' })
  await o.getByLabel('Title').fill('Lighting the canal path')
  await o.getByLabel('Summary').fill('Where would better lighting help most?')
  await o.getByLabel('Opens').fill('2020-01-01T09:00')
  await o.getByLabel('Closes').fill('2099-07-31T17:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  assert.match(o.url(), /\?done=consultation-created$/)
  await checkPage(o, 'manage a consultation', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: 'Change details' }))
  await checkPage(o, 'change details', { lang: 'en' })
  await follow(o, o.getByRole('button', { name: 'Save' }))
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await checkPage(o, 'add a question', { lang: 'en' })
  await o.getByLabel('Type').selectOption('single_choice')
  await o.getByLabel('Question', { exact: true }).fill('Do you walk by the canal after dark?')
  await o.getByLabel('Options').fill('Yes\nNo')
  await follow(o, o.getByRole('button', { name: 'Add a question' }))
  await follow(o, o.getByRole('link', { name: 'Do you walk by the canal after dark?' }))
  await checkPage(o, 'change a question', { lang: 'en' })
  await follow(o, o.getByRole('button', { name: 'Change the question' }))
  await follow(o, o.getByRole('link', { name: 'Add a stage' }))
  await checkPage(o, 'add a stage', { lang: 'en' })
  await o.getByLabel('Stage', { exact: true }).fill('Survey open')
  await o.getByRole('group', { name: 'Where it stands' }).getByLabel('Now').check()
  await follow(o, o.getByRole('button', { name: 'Add a stage' }))
  await follow(o, o.getByRole('link', { name: 'Translate' }).first())
  await checkPage(o, 'translate', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: /Back|Manage this consultation/ }).first())
  await follow(o, o.getByRole('button', { name: 'Publish the consultation' }))
  // Publishing asks first, saying what will happen.
  await checkPage(o, 'publish the consultation: are you sure?', { lang: 'en' })
  await follow(o, o.getByRole('button', { name: 'Yes, publish the consultation' }))
  assert.match(o.url(), /\?done=consultation-published$/)
  await checkPage(o, 'published', { lang: 'en' })
  // Published: the home page lists it at once, and Manage in Arabic too.
  await follow(o, navLink(o, 'Home'))
  assert.match(await o.locator('#open-now').innerText(), /Lighting the canal path/)
  await follow(o, o.getByRole('link', { name: 'العربية' }))
  await follow(o, navLink(o, 'الإدارة'))
  assert.match(await o.getByRole('main').innerText(), /Lighting the canal path/)
  await checkPage(o, 'manage, in Arabic', { lang: 'ar' })
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})

for (const lang of ['en', 'ar']) {
  test(`an analyst reaches crosstabs, weighting, themes and exports from Manage (${lang})`, async t => {
    const server = await startServer()
    t.after(() => server.stop())
    const { context, page: a, problems } = await openPage(browser, { locale: 'en-GB', acceptDownloads: true })
    t.after(() => context.close())
    const w = T[lang]
    await home(a, server, 'en', 'analyst')
    await signIn(a, ANALYST)
    if (lang !== 'en') await follow(a, a.getByRole('link', { name: w.language }))
    const toManage = async () => {
      await follow(a, navLink(a, w.manage))
      return a.locator('li.app-consultation').filter({ hasText: OPEN }).first()
    }
    let item = await toManage()
    await checkPage(a, 'manage, as an analyst', { lang })
    assert.equal(await a.getByRole('link', { name: 'Create a consultation' }).count(), 0)
    await follow(a, item.getByRole('link', { name: w.crosstabs }))
    assert.match(a.url(), /\/analysis$/)
    await checkPage(a, 'crosstabs', { lang })
    item = await toManage()
    await follow(a, item.getByRole('link', { name: w.weighting }))
    await checkPage(a, 'weighting', { lang })
    item = await toManage()
    await follow(a, item.getByRole('link', { name: w.answers }))
    await checkPage(a, 'written answers', { lang })
    await follow(a, a.getByRole('link', { name: w.themes }).first())
    assert.match(a.url(), /\/themes\/q\w+$/)
    await checkPage(a, 'themes', { lang })
    item = await toManage()
    const [download] = await Promise.all([
      a.waitForEvent('download'),
      item.getByRole('link', { name: w.csv }).click()
    ])
    assert.match(download.suggestedFilename(), /\.csv$/)
    assert.deepEqual(problems, [], 'no script errors or CSP violations')
  })
}
