// The survey builder as a council officer meets it (issue 16, point 4):
// from the home page, by clicking only, an officer builds a two-page
// survey, gives a page its title, moves a question across the page
// boundary and back, is told in words why a move that would break a
// routing rule cannot be made, and sets that rule by picking a question
// and its answer from lists. The question form is then seen in Arabic.
// A second officer's journey titles a new page from the question form,
// puts a page between two others, sets when a page is skipped, and is
// told at publishing which translations are missing.
// Every page is checked with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER
} from './support.mjs'

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

const WALK = 'Do you walk on the seafront after dark?'
const FEEL = 'The seafront feels safe after dark.'
const IDEAS = 'What would make it feel safer?'

/** A link of the site's menu. */
const navLink = (page, name) => page.locator('#navigation').getByRole('link', { name, exact: true })

/** The page's survey, as its text reads, page heading by page heading. */
const surveyText = page => page.locator('main').innerText()

/** Fills in and sends the question form already shown. */
async function addQuestion (page, { kind, text, options, where, pageTitle, rule, answer }) {
  await page.getByLabel('Type').selectOption(kind)
  await page.getByLabel('Question', { exact: true }).fill(text)
  if (options) await page.getByLabel('Options').fill(options)
  if (where) await page.getByRole('group', { name: 'Where the question goes' }).getByLabel(where, { exact: true }).check()
  if (pageTitle) await page.getByLabel('Title of the new page').fill(pageTitle)
  if (rule) {
    const shown = page.getByRole('group', { name: 'When the question is shown' })
    await shown.getByLabel(rule, { exact: true }).check()
    await shown.getByRole('group', { name: `Answers to “${rule}” that show this question` }).getByLabel(answer).check()
  }
  await follow(page, page.getByRole('button', { name: 'Add a question' }))
}

test('an officer builds a two-page survey by clicking and picking from lists', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: o, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await o.goto(`${server.base}/`)
  await checkPage(o, 'home', { lang: 'en' })
  await follow(o, o.locator('#navigation').getByRole('link', { name: 'Sign in' }))
  await o.locator('input[name="email"]').fill(OFFICER)
  await o.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await follow(o, o.locator('main form button[type="submit"]'))
  await follow(o, navLink(o, 'Manage'))
  await follow(o, o.getByRole('link', { name: 'Create a consultation' }))
  await o.getByLabel('Title').fill('Safer evenings on the seafront')
  await o.getByLabel('Summary').fill('Tell us what would make the seafront feel safer after dark.')
  await o.getByLabel('Opens').fill('2020-01-01T09:00')
  await o.getByLabel('Closes').fill('2099-12-31T17:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  assert.match(o.url(), /\?done=consultation-created$/)
  await checkPage(o, 'an empty survey', { lang: 'en' })
  assert.match(await surveyText(o), /No questions yet/)

  // A choice question with no options: the form says what to write.
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await checkPage(o, 'add the first question', { lang: 'en' })
  assert.ok(await o.getByLabel('On a new page at the end').isChecked(), 'the first question starts page 1')
  // Only the fields read for the chosen type show.
  await o.getByLabel('Type').selectOption('number')
  assert.ok(await o.getByLabel('Minimum').isVisible(), 'a number has a minimum')
  assert.ok(!(await o.getByLabel('Options').isVisible()), 'and no options')
  await o.getByLabel('Type').selectOption('agreement')
  assert.ok(!(await o.getByLabel('Minimum').isVisible()) && !(await o.getByLabel('Maximum').isVisible()))
  await o.getByLabel('Type').selectOption('single_choice')
  assert.ok(await o.getByLabel('Options').isVisible())
  await addQuestion(o, { kind: 'single_choice', text: WALK })
  assert.match(await o.locator('.govuk-error-summary').innerText(), /Enter at least two options, one per line/)
  assert.doesNotMatch(await o.locator('.govuk-error-summary').innerText(), /q1|Choose one of the options given/)
  assert.equal(await o.getByLabel('Question', { exact: true }).inputValue(), WALK, 'what was typed stays')
  await checkPage(o, 'add a question, without options', { lang: 'en' })
  await o.getByLabel('Options').fill('Yes, often\nRarely or never')
  await follow(o, o.getByRole('button', { name: 'Add a question' }))
  assert.match(o.url(), /\?done=question-added$/)

  // Page 1 gets a second question (the end of the survey is chosen for
  // it); page 2 a follow-up, shown after "Yes, often".
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  assert.ok(await o.getByLabel(`After “${WALK}”`).isChecked(), 'last in the survey to begin with')
  await addQuestion(o, { kind: 'agreement', text: FEEL })
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await checkPage(o, 'add a routed question', { lang: 'en' })
  await addQuestion(o, {
    kind: 'long_text', text: IDEAS, where: 'On a new page at the end', rule: WALK, answer: 'Yes, often'
  })
  assert.match(o.url(), /\?done=question-added$/)
  const page2 = o.getByRole('table', { name: 'Page 2' })
  assert.match(await page2.innerText(), new RegExp(`If “${WALK.replace('?', '\\?')}” is Yes, often`))
  await checkPage(o, 'a survey on two pages', { lang: 'en' })

  // Page 2's title, which respondents see as its heading.
  await follow(o, o.getByRole('link', { name: 'Give page 2 a title' }))
  await checkPage(o, 'the title of page 2', { lang: 'en' })
  await o.getByLabel('Page title').fill('Your ideas')
  await follow(o, o.getByRole('button', { name: 'Save the title' }))
  assert.match(o.url(), /\?done=page-titled#survey-page-2$/)
  assert.ok(await o.getByRole('heading', { name: 'Page 2: Your ideas' }).isVisible())

  // The agreement question down: the first on page 2; then back up.
  const row = id => o.locator(`#question-${id}`)
  await follow(o, row('q2').getByRole('button', { name: /^Move down/ }))
  assert.match(o.url(), /\?done=question-moved#question-q2$/)
  assert.match(await o.getByRole('table', { name: 'Page 2: Your ideas' }).innerText(), new RegExp(FEEL))
  await checkPage(o, 'a question moved to page 2', { lang: 'en' })
  // The first question down would leave the follow-up before what it
  // depends on: refused, naming both.
  await follow(o, row('q1').getByRole('button', { name: /^Move down/ }))
  assert.equal(await o.locator('h1').innerText(), 'The question cannot move there')
  assert.match(await o.locator('main').innerText(),
    new RegExp(`“${IDEAS.replace('?', '\\?')}” is shown only after certain answers to “${WALK.replace('?', '\\?')}”`))
  await checkPage(o, 'a move refused', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: 'Back to the survey' }))
  await follow(o, row('q2').getByRole('button', { name: /^Move up/ }))
  assert.match(await o.getByRole('table', { name: 'Page 1' }).innerText(), new RegExp(FEEL))
  assert.doesNotMatch(await o.getByRole('table', { name: 'Page 2: Your ideas' }).innerText(), new RegExp(FEEL))

  // The follow-up's form starts from its rule, picked as it was.
  await follow(o, o.getByRole('link', { name: IDEAS }))
  const shown = o.getByRole('group', { name: 'When the question is shown' })
  assert.ok(await shown.getByLabel(WALK, { exact: true }).isChecked())
  assert.ok(await shown.getByLabel('Yes, often').isChecked())
  assert.ok(!await shown.getByLabel('Rarely or never').isChecked())
  assert.ok(await o.getByLabel('First on page 2').isChecked())
  // Where scripts run, only the chosen question's answers show.
  assert.ok(await shown.getByRole('group', { name: `Answers to “${WALK}” that show this question` }).isVisible())
  assert.ok(!await shown.getByRole('group', { name: `Answers to “${FEEL}” that show this question` }).isVisible())
  await shown.getByLabel(FEEL, { exact: true }).check()
  assert.ok(await shown.getByRole('group', { name: `Answers to “${FEEL}” that show this question` }).isVisible())
  await shown.getByLabel(WALK, { exact: true }).check()
  await checkPage(o, 'change the routed question', { lang: 'en' })

  // The same form in Arabic, from the language switcher.
  await follow(o, o.getByRole('link', { name: 'العربية' }))
  await checkPage(o, 'change the routed question, in Arabic', { lang: 'ar' })
  assert.ok(await o.getByRole('group', { name: 'متى يظهر السؤال' }).isVisible())
  assert.equal(await o.locator(`bdi[lang="en"]:text-is("${WALK}")`).first().innerText(), WALK)
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})

test('an officer titles new pages, puts one between others, skips one, and is told what is untranslated', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: o, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await o.goto(`${server.base}/`)
  await checkPage(o, 'home', { lang: 'en' })
  await follow(o, o.locator('#navigation').getByRole('link', { name: 'Sign in' }))
  await o.locator('input[name="email"]').fill(OFFICER)
  await o.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await follow(o, o.locator('main form button[type="submit"]'))
  await follow(o, navLink(o, 'Manage'))
  await follow(o, o.getByRole('link', { name: 'Create a consultation' }))
  await o.getByLabel('Title').fill('Evenings in Harbourside')
  await o.getByLabel('Summary').fill('Tell us how Harbourside feels after dark.')
  await o.getByLabel('Opens').fill('2020-01-01T09:00')
  await o.getByLabel('Closes').fill('2099-12-31T17:00')
  await follow(o, o.getByRole('button', { name: 'Save' }))

  // The first question starts page 1, titled in the same form.
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await addQuestion(o, { kind: 'single_choice', text: WALK, options: 'Yes, often\nRarely or never', pageTitle: 'Your evenings' })
  assert.match(o.url(), /\?done=question-added$/)
  assert.ok(await o.getByRole('heading', { name: 'Page 1: Your evenings' }).isVisible())
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await addQuestion(o, { kind: 'long_text', text: IDEAS, where: 'On a new page at the end' })
  // A page between the two, with its title.
  await follow(o, o.getByRole('link', { name: 'Add a question' }))
  await checkPage(o, 'add a question between pages', { lang: 'en' })
  await addQuestion(o, { kind: 'agreement', text: FEEL, where: 'On a new page after page 1', pageTitle: 'How it feels' })
  assert.match(o.url(), /\?done=question-added$/)
  assert.match(await o.getByRole('table', { name: 'Page 2: How it feels' }).innerText(), new RegExp(FEEL))
  assert.match(await o.getByRole('table', { name: 'Page 3' }).innerText(), new RegExp(IDEAS.replace('?', '\\?')))
  await checkPage(o, 'a page between pages', { lang: 'en' })

  // Page 3 skipped after "Rarely or never", picked from lists.
  await follow(o, o.getByRole('link', { name: 'Set when page 3 is skipped' }))
  await checkPage(o, 'when page 3 is skipped', { lang: 'en' })
  const skipped = o.getByRole('group', { name: 'When the page is skipped' })
  // Nothing ticked: the form says what is missing, beside the question.
  await skipped.getByLabel(WALK, { exact: true }).check()
  await follow(o, o.getByRole('button', { name: 'Save when the page is skipped' }))
  assert.match(await o.locator('.govuk-error-summary').innerText(), /Choose at least one answer that skips this page/)
  await checkPage(o, 'when page 3 is skipped, with an error', { lang: 'en' })
  await o.getByRole('group', { name: `Answers to “${WALK}” that skip this page` }).getByLabel('Rarely or never').check()
  await follow(o, o.getByRole('button', { name: 'Save when the page is skipped' }))
  assert.match(o.url(), /\?done=page-rule-set#survey-page-3$/)
  assert.match(await o.getByRole('main').innerText(),
    new RegExp(`This page is skipped if the answer to “${WALK.replace('?', '\\?')}” is Rarely or never`))

  // Publishing asks first, and says the Arabic texts are missing.
  await follow(o, o.getByRole('button', { name: 'Publish the consultation' }))
  await checkPage(o, 'publish, with translations missing', { lang: 'en' })
  const said = await o.getByRole('main').innerText()
  assert.match(said, /You can still publish/)
  assert.match(said, /Arabic: \d+ of \d+ texts not translated yet/)
  await follow(o, o.getByRole('link', { name: 'See the translations into Arabic' }))
  assert.match(o.url(), /\/translations\/ar$/)
  await o.goBack()
  await follow(o, o.getByRole('button', { name: 'Yes, publish the consultation' }))
  assert.match(o.url(), /\?done=consultation-published$/)
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})
