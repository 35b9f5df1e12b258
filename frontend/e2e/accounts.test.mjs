// Creating an account, confirming it and signing in and out, in Arabic,
// in headless Chromium, with an accessibility check on every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, outboxLink } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('a resident signs up, confirms the address, signs in and out, in Arabic', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'ar-EG' })
  await page.goto(`${server.base}/sign-up`)
  await checkPage(page, 'sign-up form', { lang: 'ar' })

  // First with problems: every one is listed and linked to its field.
  await page.getByLabel('البريد الإلكتروني').fill('not-an-email')
  await page.getByLabel('الاسم الظاهر').fill('مشرف')
  await page.getByLabel('كلمة المرور').fill('short')
  await follow(page, page.getByRole('button', { name: 'إنشاء الحساب' }))
  const summary = page.locator('.govuk-error-summary')
  assert.equal(await summary.locator('li').count(), 3)
  await checkPage(page, 'sign-up form with errors', { lang: 'ar' })

  await page.getByLabel('البريد الإلكتروني').fill('layla@example.org')
  await page.getByLabel('الاسم الظاهر').fill('ليلى')
  await page.getByLabel('كلمة المرور').fill('نهر الفرات يجري بهدوء')
  await follow(page, page.getByRole('button', { name: 'إنشاء الحساب' }))
  assert.match(page.url(), /\/sign-up\/check-email$/)
  await checkPage(page, 'check your email', { lang: 'ar' })

  await page.goto(outboxLink(server, 'layla@example.org', '/verify-email'))
  assert.match(await page.locator('h1').innerText(), /تم تأكيد البريد الإلكتروني/)
  await checkPage(page, 'address confirmed', { lang: 'ar' })

  await follow(page, page.getByRole('main').getByRole('link', { name: 'تسجيل الدخول' }))
  await checkPage(page, 'sign-in form', { lang: 'ar' })
  await page.getByLabel('البريد الإلكتروني').fill('layla@example.org')
  await page.getByLabel('كلمة المرور').fill('نهر الفرات يجري بهدوء')
  await follow(page, page.getByRole('button', { name: 'تسجيل الدخول' }))
  assert.equal(page.url(), `${server.base}/`)
  assert.match(await page.locator('.app-account__name').innerText(), /ليلى/)
  await checkPage(page, 'home, signed in', { lang: 'ar' })

  await follow(page, page.getByRole('button', { name: 'تسجيل الخروج' }))
  assert.equal(page.url(), `${server.base}/`)
  assert.equal(await page.locator('.app-account__name').count(), 0)
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
  await context.close()
})
