// Themes in the browser: an analyst finds themes in the demo
// consultation's written answers, renames and merges them, confirms the
// set (asked first) and maps every answer; quotes open their response; an officer
// writes a finding that cites a theme, which shows on the public
// findings page, and in Arabic once the officer translates its label.
// Every page visited is checked with axe-core and html-validate, in
// English and Arabic.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER as OFFICER, DEMO_ANALYST as ANALYST } from './support.mjs'

const FINDING = 'Lighting comes up again and again'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

async function signIn (page, base, email) {
  await page.goto(`${base}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(page, page.getByRole('button', { name: 'Sign in' }))
}

test('an analyst works the themes of a long-text question and an officer cites one in a finding', async t => {
  const server = await startServer()
  t.after(() => server.stop())

  const analyst = await openPage(browser, { locale: 'en-GB' })
  t.after(() => analyst.context.close())
  const a = analyst.page
  await signIn(a, server.base, ANALYST)
  await a.goto(`${server.base}/consultations`)
  await follow(a, a.getByRole('link', { name: 'Safer streets, stronger communities' }))
  const id = a.url().match(/\/consultations\/([0-9a-f-]{36})/)[1]

  // From the written answers to the themes page.
  await a.goto(`${server.base}/staff/consultations/${id}/answers?question=q7`)
  await checkPage(a, 'written answers', { lang: 'en' })
  await follow(a, a.getByRole('link', { name: /Themes in the answers to/ }))
  assert.match(a.url(), new RegExp(`/staff/consultations/${id}/themes/q7$`))
  await checkPage(a, 'themes before a run', { lang: 'en' })
  await a.getByLabel('Seed').fill('7')
  await follow(a, a.getByRole('button', { name: 'Find themes' }))
  assert.match(await a.locator('.govuk-notification-banner').innerText(), /Discovery has run/)
  await checkPage(a, 'candidate themes', { lang: 'en' })
  const table = a.locator('table').first()
  assert.ok(await table.locator('tbody tr').count() >= 3, 'several candidate themes')
  assert.match(await a.locator('main').innerText(), /Campaign copies/)

  // Rename the first theme.
  await follow(a, a.getByRole('link', { name: /^Change/ }).first())
  await checkPage(a, 'change a theme', { lang: 'en' })
  await a.getByLabel('Label', { exact: true }).fill('Street lighting')
  await follow(a, a.getByRole('button', { name: 'Save the label' }))
  assert.match(await a.locator('.govuk-notification-banner').innerText(), /renamed/)

  // A duplicate label is refused with a message.
  await a.locator('#label').fill('street lighting')
  await a.locator('#examples').fill('NONE')
  await follow(a, a.getByRole('button', { name: 'Add theme' }))
  assert.match(await a.locator('.govuk-error-summary').innerText(), /A theme called “street lighting” already exists/)
  assert.match(await a.locator('#label-error').innerText(), /already exists/)
  await checkPage(a, 'themes with an error', { lang: 'en' })

  // Merge the second theme into the first.
  await a.goto(`${server.base}/staff/consultations/${id}/themes/q7`)
  await follow(a, a.getByRole('link', { name: /^Change/ }).nth(1))
  await a.getByLabel('Theme to merge into').selectOption({ label: 'Street lighting' })
  await follow(a, a.getByRole('button', { name: 'Merge' }))
  // Asked first (ADR 22): what moves where.
  assert.match(await a.locator('h1').innerText(), /^Merge “.+” into “Street lighting”\?$/)
  assert.match(await a.locator('main').innerText(), /will move to “Street lighting”/)
  await checkPage(a, 'merging a theme', { lang: 'en' })
  await follow(a, a.getByRole('button', { name: 'Yes, merge these themes' }))
  assert.match(await a.locator('.govuk-notification-banner').innerText(), /merged/)
  assert.match(await a.locator('main').innerText(), /Deleted and merged themes/)

  // Confirm (asked first: what confirming does, the themes it
  // confirms), map, and see the mapped counts with their ranges.
  await follow(a, a.getByRole('button', { name: 'Confirm these themes' }))
  assert.match(a.url(), /\/themes\/q7\/confirm$/)
  assert.match(await a.locator('h1').innerText(), /^Confirm these \d+ themes for/)
  assert.match(await a.locator('main').innerText(), /Street lighting/)
  await checkPage(a, 'confirming the themes', { lang: 'en' })
  await follow(a, a.getByRole('button', { name: 'Yes, confirm these themes' }))
  assert.match(await a.locator('.govuk-notification-banner').innerText(), /confirmed/)
  await follow(a, a.getByRole('button', { name: 'Map the answers' }))
  assert.match(await a.locator('.govuk-notification-banner').innerText(), /mapped/)
  await checkPage(a, 'mapped themes', { lang: 'en' })
  assert.match(await table.innerText(), /Answers \(mapped\)/)
  assert.match(await table.innerText(), /95% range/)

  // A quote opens its response.
  await follow(a, table.locator('td a').first())
  assert.match(a.url(), /\/responses\//)
  await checkPage(a, 'a response', { lang: 'en' })
  await a.goBack()

  // The review list, if the mapping was unsure of any answer.
  const review = a.getByRole('link', { name: /wait(s)? for review/ })
  if (await review.count() > 0) {
    await follow(a, review)
    await checkPage(a, 'review list', { lang: 'en' })
    await follow(a, a.getByRole('button', { name: /^Save/ }).first())
    assert.match(await a.locator('.govuk-notification-banner').innerText(), /saved/)
  }

  // The same page in Arabic, right to left: discovery's labels in Arabic
  // where the lexicon knows their words, the analyst's own name as
  // written, marked as English.
  await a.goto(`${server.base}/staff/consultations/${id}/themes/q7?lang=ar`)
  await checkPage(a, 'themes in Arabic', { lang: 'ar' })
  const headers = await a.locator('table').first().locator('tbody th').allInnerTexts()
  assert.ok(headers.some(h => /\((تأييد|معارضة|غير واضح)\)/.test(h) && /[\u0621-\u064A]/.test(h.split('(')[0])),
    `a label in Arabic: ${headers.join(' | ')}`)
  assert.equal(await a.locator('table').first().locator('tbody th bdi[lang="en"]', { hasText: /^Street lighting$/ }).count() >= 1, true)

  // An officer cites the theme in a finding and publishes it.
  const officer = await openPage(browser, { locale: 'en-GB' })
  t.after(() => officer.context.close())
  const o = officer.page
  await signIn(o, server.base, OFFICER)
  await o.goto(`${server.base}/staff/consultations/${id}/findings/new`)
  await checkPage(o, 'add a finding', { lang: 'en' })
  await o.getByLabel('Finding', { exact: true }).fill(FINDING)
  const cited = o.getByLabel('Or a confirmed theme')
  const lighting = cited.locator('option').filter({ hasText: /^Question \d+: Street lighting$/ })
  await cited.selectOption(await lighting.getAttribute('value'))
  await follow(o, o.getByRole('button', { name: 'Add a finding' }))
  await follow(o, o.getByRole('button', { name: `Publish: ${FINDING}` }))

  // Anyone sees it on the public findings page, with its live figure.
  const visitor = await openPage(browser, { locale: 'en-GB' })
  t.after(() => visitor.context.close())
  const v = visitor.page
  await v.goto(`${server.base}/consultations/${id}/findings`)
  await checkPage(v, 'public findings', { lang: 'en' })
  const finding = v.locator('.app-finding', { hasText: FINDING })
  assert.match(await finding.innerText(), /written answers to .*What else should we do\?.* were about .*Street lighting/s)
  await v.goto(`${server.base}/consultations/${id}/findings?lang=ar`)
  await checkPage(v, 'public findings in Arabic', { lang: 'ar' })
  assert.match(await v.locator('main').innerText(), /Street lighting/, 'untranslated: the original')

  // The officer translates the cited theme's label; Arabic readers see it.
  await o.goto(`${server.base}/staff/consultations/${id}/translations/ar`)
  await checkPage(o, 'translations', { lang: 'en' })
  // Rows are headed in words, by labels tied to their fields; the key
  // only names the field.
  const isolate = '[\\u2068\\u2069]?'
  const label = o.getByLabel(new RegExp(`^Theme cited by a finding: ${isolate}Street lighting${isolate}$`))
  assert.equal(await label.count(), 1, 'the cited theme is on the translations page')
  assert.match(await label.getAttribute('name'), /^theme\.[0-9a-f-]{36}\.label$/)
  const title = o.getByLabel(new RegExp(`^Finding: ${isolate}${FINDING}${isolate} — title$`))
  assert.match(await title.getAttribute('name'), /^finding\.[0-9a-f-]{36}\.title$/)
  const headings = await o.locator('form label').allInnerTexts()
  assert.ok(headings.length > 0)
  for (const h of headings) assert.doesNotMatch(h, /^(theme|finding)\.|\.(text|label|title)$/, 'no raw key as a heading')
  await label.fill('إنارة الشوارع')
  await follow(o, o.getByRole('button', { name: 'Save' }))
  await checkPage(o, 'translations saved', { lang: 'en' })
  await v.goto(`${server.base}/consultations/${id}/findings?lang=ar`)
  const arabic = await v.locator('.app-finding').filter({ hasText: 'إنارة الشوارع' }).innerText()
  assert.doesNotMatch(arabic, /Street lighting/)
})
