// A consultation from start to finish, in headless Chromium: an officer
// builds and publishes one with a routed follow-up question, a resident
// answers it in Arabic, and the officer publishes the results. Every page
// visited is checked with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER, DEMO_RESIDENT as RESIDENT
} from './support.mjs'

const TITLE = 'Safer evenings on the seafront'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** Signs in from the sign-in page already shown, in English. */
async function signIn (page, email) {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(page, page.getByRole('button', { name: 'Sign in' }))
}

/**
 * Types into a character-counted `field` of an Arabic page and checks
 * what GOV.UK Frontend's count says as the limit nears and passes: each
 * of Arabic's plural forms, never English. Leaves the field empty.
 */
async function characterCountSpeaksArabic (page, field) {
  const max = Number(await page.locator('.govuk-character-count').getAttribute('data-maxlength'))
  const status = page.locator('.govuk-character-count__status')
  const said = async length => {
    await field.fill('ب'.repeat(length))
    await field.press('End') // the count updates on keyup
    return status.innerText()
  }
  assert.equal(await said(max - 5), 'بقي لديك 5 أحرف')
  assert.equal(await said(max - 2), 'بقي لديك حرفان')
  assert.equal(await said(max - 1), 'بقي لديك حرف واحد')
  assert.equal(await said(max), 'لم يبقَ لديك أي حرف')
  assert.equal(await said(max + 2), 'لديك حرفان زائدان')
  assert.equal(await said(max + 11), 'لديك 11 حرفًا زائدًا')
  assert.match(await said(10), /^بقي لديك [\d,]+ حرف/)
  assert.doesNotMatch(await status.innerText(), /[A-Za-z]/)
  await field.fill('')
}

/** The summary list row whose key is `key`. */
const row = (page, key) => page.locator('.govuk-summary-list__row')
  .filter({ has: page.locator('.govuk-summary-list__key', { hasText: key }) })

test('an officer builds and publishes a consultation, a resident answers it in Arabic, and the results are published', async t => {
  const server = await startServer()
  t.after(() => server.stop())

  // 1. The officer builds the consultation.
  const officer = await openPage(browser, { locale: 'en-GB' })
  t.after(() => officer.context.close())
  const o = officer.page
  await o.goto(`${server.base}/sign-in`)
  await checkPage(o, 'sign-in form', { lang: 'en' })
  await signIn(o, OFFICER)
  await checkPage(o, 'home, signed in as an officer', { lang: 'en' })
  await o.goto(`${server.base}/consultations`)
  await checkPage(o, 'consultations, as an officer', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: 'Create a consultation' }))
  assert.match(o.url(), /\/staff\/consultations\/new$/)
  await checkPage(o, 'create a consultation', { lang: 'en' })
  await o.getByLabel('Title').fill(TITLE)
  await o.getByLabel('Summary').fill('Tell us what would make the seafront feel safer after dark.')
  await o.getByLabel('Introduction').fill('We will read **every** answer.')
  await o.getByLabel('Topics').fill('safety, lighting')
  await o.getByLabel('Opens').fill('2020-01-01T09:00')
  await o.getByLabel('Closes').fill('2099-12-31T17:00')
  // A mistake first: the form says so and keeps what was typed.
  await o.getByLabel('Closes').fill('2019-12-31T17:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /The closing date must be after the opening date/)
  assert.equal(await o.getByLabel('Title').inputValue(), TITLE)
  await checkPage(o, 'create a consultation, with an error', { lang: 'en' })
  await o.getByLabel('Closes').fill('2099-12-31T17:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  assert.match(o.url(), /\/staff\/consultations\/[0-9a-f-]{36}\?done=consultation-created$/)
  const manage = o.url().replace(/\?.*$/, '')
  const id = manage.split('/').pop()
  await checkPage(o, 'manage a consultation', { lang: 'en' })

  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await checkPage(o, 'add a question', { lang: 'en' })
  await o.getByLabel('Type').selectOption('single_choice')
  await o.getByLabel('Question', { exact: true }).fill('Do you walk on the seafront after dark?')
  await o.getByRole('group', { name: 'Must be answered?' }).getByLabel('Yes').check()
  await o.getByLabel('Options').fill('Yes, often\nRarely or never')
  await follow(o, o.getByRole('button', { name: 'Add a question' }))
  assert.match(o.url(), /\?done=question-added$/)
  await checkPage(o, 'manage, one question', { lang: 'en' })

  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await checkPage(o, 'add a second question', { lang: 'en' })
  await o.getByLabel('Type').selectOption('long_text')
  await o.getByLabel('Question', { exact: true }).fill('What would make it feel safer?')
  await o.getByRole('group', { name: 'Must be answered?' }).getByLabel('Yes').check()
  // On page 2, shown after "Yes, often": picked from lists, by their words.
  await o.getByRole('group', { name: 'Where the question goes' }).getByLabel('On a new page at the end').check()
  const rule = o.getByRole('group', { name: 'When the question is shown' })
  await rule.getByLabel('Do you walk on the seafront after dark?', { exact: true }).check()
  await rule.getByRole('group', { name: /^Answers to/ }).getByLabel('Yes, often').check()
  await follow(o, o.getByRole('button', { name: 'Add a question' }))
  assert.match(o.url(), /\?done=question-added$/)
  // The survey's own table (History names the question too, now).
  const survey = o.getByRole('table', { name: /^Page \d+/ }).filter({ hasText: 'What would make it feel safer?' })
  // The rule's values are placed as markup (<bdi>), not in invisible
  // isolation marks: the text reads, and copies, as plain words.
  assert.ok((await survey.innerText()).includes('If “Do you walk on the seafront after dark?” is Yes, often'))
  await checkPage(o, 'manage, two questions', { lang: 'en' })

  // The officer rewords the first question: its text opens its form.
  await follow(o, o.getByRole('link', { name: 'Do you walk on the seafront after dark?' }))
  await checkPage(o, 'change a question', { lang: 'en' })
  assert.equal(await o.getByLabel('Question', { exact: true }).inputValue(), 'Do you walk on the seafront after dark?')
  assert.equal(await o.getByLabel('Options').inputValue(), 'Yes, often\nRarely or never')
  await o.getByLabel('Question', { exact: true }).fill('Do you walk along the seafront after dark?')
  await follow(o, o.getByRole('button', { name: 'Change the question' }))
  assert.match(o.url(), /\?done=question-changed$/)
  assert.match(await o.getByRole('main').innerText(), /Do you walk along the seafront after dark\?/)

  await follow(o, o.getByRole('link', { name: 'Add a stage' }))
  await checkPage(o, 'add a stage', { lang: 'en' })
  await o.getByLabel('Stage', { exact: true }).fill('Survey open')
  await o.getByLabel('Date', { exact: true }).fill('2020-01-01')
  await o.getByRole('group', { name: 'Where it stands' }).getByLabel('Now').check()
  await o.getByLabel('Links to').selectOption('survey')
  await follow(o, o.getByRole('button', { name: 'Add a stage' }))
  assert.match(o.url(), /\?done=stage-added$/)
  await checkPage(o, 'manage, with a stage', { lang: 'en' })
  await follow(o, o.getByRole('button', { name: 'Publish the consultation' }))
  // Publishing asks first, saying what will happen.
  await checkPage(o, 'publish the consultation: are you sure?', { lang: 'en' })
  await follow(o, o.getByRole('button', { name: 'Yes, publish the consultation' }))
  assert.match(o.url(), /\?done=consultation-published$/)
  await checkPage(o, 'manage, published', { lang: 'en' })
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations (officer)')

  // 2. A resident answers in Arabic.
  const resident = await openPage(browser, { locale: 'en-GB' })
  t.after(() => resident.context.close())
  const r = resident.page
  await r.goto(`${server.base}/sign-in`)
  await checkPage(r, 'sign-in form, for a resident', { lang: 'en' })
  await signIn(r, RESIDENT)
  await checkPage(r, 'home, signed in as a resident', { lang: 'en' })
  await r.goto(`${server.base}/consultations?lang=ar`)
  await checkPage(r, 'consultations, in Arabic', { lang: 'ar' })
  await follow(r, r.getByRole('link', { name: TITLE }))
  assert.equal(r.url(), `${server.base}/consultations/${id}`)
  assert.equal(await r.locator('h1').innerText(), TITLE)
  await checkPage(r, 'the consultation, in Arabic', { lang: 'ar' })
  await follow(r, r.getByRole('button', { name: 'شارك في هذه الاستشارة' }))
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/1`)
  await checkPage(r, 'survey page 1, in Arabic', { lang: 'ar' })
  // Nothing chosen: an error summary in Arabic.
  await follow(r, r.getByRole('button', { name: 'احفظ وتابع' }))
  assert.ok(await r.locator('.govuk-error-summary').isVisible())
  await checkPage(r, 'survey page 1 with an error, in Arabic', { lang: 'ar' })
  await r.getByLabel('Yes, often').check()
  await follow(r, r.getByRole('button', { name: 'احفظ وتابع' }))
  // The first option routes to the follow-up on page 2.
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/2`)
  await checkPage(r, 'survey page 2, in Arabic', { lang: 'ar' })
  // Sending before page 2 is answered: the summary links back to it.
  await r.goto(`${server.base}/consultations/${id}/respond/check`)
  await checkPage(r, 'check your answers, page 2 not answered, in Arabic', { lang: 'ar' })
  await follow(r, r.getByRole('button', { name: 'أرسل ردي' }))
  const missing = r.locator('.govuk-error-summary').getByRole('link')
  assert.match(await missing.innerText(), /What would make it feel safer\?/)
  await checkPage(r, 'check your answers with an error, in Arabic', { lang: 'ar' })
  await follow(r, missing)
  // The link carries the way back to "check your answers".
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/2?return=check#q2`)
  // The follow-up must be answered once shown.
  await follow(r, r.getByRole('button', { name: 'احفظ وتابع' }))
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/2?return=check`)
  assert.ok(await r.locator('.govuk-error-summary').isVisible())
  await checkPage(r, 'survey page 2 with an error, in Arabic', { lang: 'ar' })
  await characterCountSpeaksArabic(r, r.getByLabel('What would make it feel safer?'))
  await r.getByLabel('What would make it feel safer?').fill('إنارة أفضل قرب الميناء')
  await follow(r, r.getByRole('button', { name: 'احفظ وتابع' }))
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/check`)
  assert.equal(await r.locator('h1').innerText(), 'راجع إجاباتك')
  assert.match(await row(r, 'Do you walk along the seafront after dark?').innerText(), /Yes, often/)
  assert.match(await row(r, 'What would make it feel safer?').innerText(), /إنارة أفضل قرب الميناء/)
  await checkPage(r, 'check your answers, in Arabic', { lang: 'ar' })
  // Changing one answer leads straight back to "check your answers".
  await follow(r, row(r, 'Do you walk along the seafront after dark?').getByRole('link', { name: /تغيير/ }))
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/1?return=check`)
  await checkPage(r, 'survey page 1, changing an answer, in Arabic', { lang: 'ar' })
  await follow(r, r.getByRole('button', { name: 'احفظ وتابع' }))
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/check`)
  await follow(r, r.getByRole('button', { name: 'أرسل ردي' }))
  assert.equal(r.url(), `${server.base}/consultations/${id}/respond/done`)
  assert.equal(await r.locator('h1').innerText(), 'أُرسل ردك')
  const panel = await r.locator('.govuk-panel__body').innerText()
  assert.match(panel, /رقمك المرجعي/)
  assert.match(panel, /[A-Z2-9]{4}-[A-Z2-9]{4}/)
  await checkPage(r, 'response sent, in Arabic', { lang: 'ar' })
  // A copy of the answers by email, then the response on the account page.
  await follow(r, r.getByRole('button', { name: 'أرسل لي نسخة من إجاباتي بالبريد الإلكتروني' }))
  // No mail server here: the address claims nothing sent.
  assert.match(r.url(), /\/respond\/done$/)
  // What became of it, in true words (no mail server here): no success
  // banner, and no second offer.
  assert.equal(await r.locator('.govuk-notification-banner--success').count(), 0)
  assert.match(await r.getByRole('main').innerText(), /نسخة إجاباتك في انتظار الإرسال إلى .*لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد، وستُرسل حين يُعدّ/)
  assert.equal(await r.getByRole('button', { name: 'أرسل لي نسخة من إجاباتي بالبريد الإلكتروني' }).count(), 0)
  await checkPage(r, 'response sent, copy asked for, in Arabic', { lang: 'ar' })
  await follow(r, r.locator('a[href="/account"]').first())
  const yours = r.locator('#responses + section table')
  assert.match(await yours.innerText(), new RegExp(TITLE))
  assert.match(await yours.innerText(), /لا يزال بإمكانك تغييره/)
  // The copy asked for, where it stands: kept, so not offered again.
  const asked = yours.locator('tr', { hasText: TITLE })
  assert.match(await asked.innerText(), /في انتظار الإرسال: لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد/)
  assert.equal(await asked.getByRole('button').count(), 0)
  await checkPage(r, 'account with a response, in Arabic', { lang: 'ar' })
  assert.deepEqual(resident.problems, [], 'no script errors or CSP violations (resident)')

  // 3. The officer reads the results before anyone else, then publishes them.
  await o.goto(`${server.base}/consultations/${id}/results`)
  assert.match(await o.getByRole('main').innerText(), /These results are not published yet/)
  await checkPage(o, 'results, before publication', { lang: 'en' })
  await o.goto(`${server.base}/staff/consultations/${id}/analysis?rows=q1&columns=q1`)
  await checkPage(o, 'analysis', { lang: 'en' })
  await o.goto(manage)
  await checkPage(o, 'manage, with a response', { lang: 'en' })
  // Publishing results is a choice of questions, all ticked to start.
  await follow(o, o.getByRole('link', { name: 'Publish the results' }))
  await checkPage(o, 'choose the results to publish', { lang: 'en' })
  const chosen = o.getByRole('group', { name: 'Questions to publish' })
  assert.ok(await chosen.getByRole('checkbox', { name: /^q1:/ }).isChecked())
  await chosen.getByRole('checkbox', { name: /^q1:/ }).uncheck()
  await chosen.getByRole('checkbox', { name: /^q2:/ }).uncheck()
  await follow(o, o.getByRole('button', { name: 'Publish the results' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /.+/)
  await checkPage(o, 'choose the results to publish, with an error', { lang: 'en' })
  await o.getByRole('group', { name: 'Questions to publish' }).getByRole('checkbox', { name: /^q1:/ }).check()
  await follow(o, o.getByRole('button', { name: 'Publish the results' }))
  assert.match(o.url(), /\?done=results-published$/)
  await checkPage(o, 'manage, results published', { lang: 'en' })
  await o.goto(`${server.base}/consultations/${id}`)
  await checkPage(o, 'the consultation, results published', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: 'See the results' }).first())
  assert.equal(o.url(), `${server.base}/consultations/${id}/results`)
  const results = await o.getByRole('main').innerText()
  assert.match(results, /1 person has responded/)
  assert.match(results, /Do you walk along the seafront after dark\?/)
  assert.match(results, /not published: only staff see this question/, 'staff are told what the public does not see')
  assert.match(results, /Hidden/)
  assert.doesNotMatch(results, /not published yet/)
  await checkPage(o, 'results', { lang: 'en' })
  // Anyone can read them now, in either language.
  await r.goto(`${server.base}/consultations/${id}/results`)
  const publicResults = await r.getByRole('main').innerText()
  assert.match(publicResults, /Do you walk along the seafront after dark\?/)
  assert.doesNotMatch(publicResults, /What would make it feel safer\?/, 'only the question chosen')
  await checkPage(r, 'results, in Arabic', { lang: 'ar' })
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations (officer)')
  assert.deepEqual(resident.problems, [], 'no script errors or CSP violations (resident)')
})
