// Getting help (issue 19): from the home page to a route's page in
// English and in Arabic, a tel: link, and "Exit this page" by its link
// and by Shift pressed three times. The neutral site is answered by the
// test itself (Playwright routing), so no network is needed. Axe and the
// other page checks on every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage } from './support.mjs'

const NEUTRAL = 'https://www.bbc.co.uk/weather'
let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Answers the neutral site from here, so the exit needs no network. */
async function neutralSite (context) {
  await context.route('https://www.bbc.co.uk/**', route => route.fulfill({
    status: 200,
    contentType: 'text/html',
    body: '<!DOCTYPE html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>'
  }))
}

test('a resident finds help from the home page in English and exits', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
  await neutralSite(context)
  await page.goto(`${server.base}/`)
  await follow(page, page.getByRole('link', { name: 'Get help', exact: true }))
  assert.match(page.url(), /\/help\?lang=en$|\/help$/)
  await checkPage(page, 'the help index', { lang: 'en' })
  await page.getByLabel('Someone is in danger now').check()
  await follow(page, page.getByRole('button', { name: 'Continue' }))
  assert.match(page.url(), /\/help\/danger\?lang=en$/)
  await checkPage(page, 'the danger route', { lang: 'en' })
  assert.equal(await page.locator('a[href="tel:999"]').count(), 1)
  assert.deepEqual(await context.cookies(), [], 'help pages set no cookie')
  await Promise.all([
    page.waitForURL(url => url.toString().startsWith(NEUTRAL)),
    page.getByRole('link', { name: 'Exit this page' }).click()
  ])
  assert.ok(page.url().startsWith(NEUTRAL))
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
  await context.close()
})

test('the same in Arabic through the language switch', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
  await neutralSite(context)
  await page.goto(`${server.base}/`)
  await follow(page, page.getByRole('link', { name: 'العربية' }))
  await follow(page, page.getByRole('link', { name: 'احصل على المساعدة', exact: true }))
  await checkPage(page, 'the help index in Arabic', { lang: 'ar' })
  await follow(page, page.getByRole('link', { name: 'أريد التحدث إلى شخص ما' }))
  assert.match(page.url(), /\/help\/talk\?lang=ar$/)
  await checkPage(page, 'the talk route in Arabic', { lang: 'ar' })
  assert.equal(await page.locator('a[href="tel:116123"]').count(), 1)
  await Promise.all([
    page.waitForURL(url => url.toString().startsWith(NEUTRAL)),
    page.getByRole('link', { name: 'اخرج من هذه الصفحة' }).click()
  ])
  assert.ok(page.url().startsWith(NEUTRAL))
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
  await context.close()
})

test('Shift pressed three times leaves the help page', async () => {
  const { context, page } = await openPage(browser, { locale: 'en-GB' })
  await neutralSite(context)
  await page.goto(`${server.base}/help/hate-crime`)
  await checkPage(page, 'the hate crime route', { lang: 'en' })
  await Promise.all([
    page.waitForURL(url => url.toString().startsWith(NEUTRAL)),
    (async () => {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
    })()
  ])
  assert.ok(page.url().startsWith(NEUTRAL))
  await context.close()
})
