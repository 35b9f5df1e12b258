// Creating an account, confirming it and signing in and out, in Arabic,
// in headless Chromium, with an accessibility check on every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { startServer, launchBrowser, axeViolations, htmlProblems } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The newest link in the outbox (there is no mail server in tests). */
function latestLink () {
  const body = execFileSync('sqlite3', [`${server.dir}/cohesion.db`,
    'SELECT body FROM outbox ORDER BY id DESC LIMIT 1']).toString()
  return body.match(/https?:\/\/\S+\/verify-email\?token=[0-9a-f]+/)[0]
}

async function checkPage (page, label) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`)
  assert.deepEqual(await htmlProblems(await page.content()), [], `HTML of ${label}`)
}

test('a resident signs up, confirms the address, signs in and out, in Arabic', async () => {
  const context = await browser.newContext({ locale: 'ar-EG' })
  const page = await context.newPage()
  await page.goto(`${server.base}/sign-up`)
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
  await checkPage(page, 'sign-up form')

  // First with problems: every one is listed and linked to its field.
  await page.getByLabel('البريد الإلكتروني').fill('not-an-email')
  await page.getByLabel('الاسم الظاهر').fill('مشرف')
  await page.getByLabel('كلمة المرور').fill('short')
  await page.getByRole('button', { name: 'إنشاء الحساب' }).click()
  const summary = page.locator('.govuk-error-summary')
  assert.equal(await summary.locator('li').count(), 3)
  await checkPage(page, 'sign-up form with errors')

  await page.getByLabel('البريد الإلكتروني').fill('layla@example.org')
  await page.getByLabel('الاسم الظاهر').fill('ليلى')
  await page.getByLabel('كلمة المرور').fill('نهر الفرات يجري بهدوء')
  await page.getByRole('button', { name: 'إنشاء الحساب' }).click()
  await page.waitForURL(/check-email/)
  await checkPage(page, 'check your email')

  await page.goto(latestLink().replace(/^https?:\/\/[^/]+/, server.base))
  assert.match(await page.locator('h1').innerText(), /تم تأكيد البريد الإلكتروني/)
  await checkPage(page, 'address confirmed')

  await page.getByRole('link', { name: 'تسجيل الدخول' }).first().click()
  await page.getByLabel('البريد الإلكتروني').fill('layla@example.org')
  await page.getByLabel('كلمة المرور').fill('نهر الفرات يجري بهدوء')
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click()
  await page.waitForURL(`${server.base}/`)
  assert.match(await page.locator('.app-account__name').innerText(), /ليلى/)
  await checkPage(page, 'home, signed in')

  await page.getByRole('button', { name: 'تسجيل الخروج' }).click()
  await page.waitForURL(`${server.base}/`)
  assert.equal(await page.locator('.app-account__name').count(), 0)
  await context.close()
})
