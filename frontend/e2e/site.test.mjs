// Journeys through the real site in headless Chromium, in English and
// Arabic, with an accessibility check on every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import {
  startServer, launchBrowser, watchConsole, axeViolations, htmlProblems, ensureArtifacts, visitResponse
} from './support.mjs'

const PAGES = ['/', '/get-involved', '/about', '/accessibility', '/privacy', '/cookies']
let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

for (const [lang, dir] of [['en', 'ltr'], ['ar', 'rtl']]) {
  test(`every page in ${lang} is valid, accessible and ${dir}`, async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = watchConsole(page)
    for (const path of PAGES) {
      const response = await page.goto(`${server.base}${path}?lang=${lang}`)
      assert.equal(response.status(), 200, path)
      assert.equal(await page.getAttribute('html', 'lang'), lang, path)
      assert.equal(await page.getAttribute('html', 'dir'), dir, path)
      assert.deepEqual(await axeViolations(page), [], `axe on ${path} in ${lang}`)
      assert.deepEqual(await htmlProblems(await response.text()), [], `HTML of ${path} in ${lang}`)
    }
    assert.deepEqual(problems, [], 'no script errors or CSP violations')
    await context.close()
  })

  test(`error pages in ${lang} are accessible`, async () => {
    const context = await browser.newContext({ locale: lang === 'ar' ? 'ar-EG' : 'en-GB' })
    const page = await context.newPage()
    for (const [path, status] of [['/no-such-page', 404], ['/about?lang=xx', 400]]) {
      const response = await page.goto(`${server.base}${path}`)
      assert.equal(response.status(), status, path)
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${path} negotiated from Accept-Language`)
      assert.deepEqual(await axeViolations(page), [], `axe on ${path} in ${lang}`)
      assert.deepEqual(await htmlProblems(await response.text()), [], `HTML of ${path}`)
    }
    await context.close()
  })
}

test('switching language turns the site right-to-left and stays switched', async () => {
  const context = await browser.newContext({ locale: 'en-GB' })
  const page = await context.newPage()
  await page.goto(`${server.base}/`)
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr')
  await page.getByRole('link', { name: 'العربية' }).click()
  await page.waitForURL(/lang=ar/)
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
  assert.equal(await page.getAttribute('html', 'lang'), 'ar')
  assert.deepEqual(await axeViolations(page), [])
  // The stylesheet is the mirrored one.
  assert.match(await page.getAttribute('link[rel=stylesheet]', 'href'), /app\.rtl\.css/)
  // The choice is remembered: plain links stay in Arabic.
  await page.getByRole('link', { name: 'عن الموقع' }).first().click()
  await page.waitForURL(/\/about$/)
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
  assert.deepEqual(await axeViolations(page), [])
  await page.getByRole('link', { name: 'English' }).click()
  await page.waitForURL(/lang=en/)
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr')
  await context.close()
})

test('screenshots of the home page in both languages', async () => {
  const dir = await ensureArtifacts()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  for (const lang of ['en', 'ar']) {
    await page.goto(`${server.base}/?lang=${lang}`)
    await page.evaluate(() => document.fonts.ready)
    const file = join(dir, `home-${lang}.png`)
    await page.screenshot({ path: file, fullPage: true })
  }
  await context.close()
})

for (const javaScriptEnabled of [true, false]) {
  test(`"Is this page useful?" works ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(`${server.base}/accessibility?lang=ar`)
    await page.getByRole('button', { name: /نعم/ }).click()
    await page.waitForURL(/feedback=thanks/)
    const status = page.getByRole('status')
    assert.match(await status.textContent(), /شكرًا لك على ملاحظاتك/)
    // axe-core runs as script, so the page that answered is re-checked in
    // a context where script may run.
    const checker = javaScriptEnabled ? page : await (await browser.newContext()).newPage()
    if (!javaScriptEnabled) await checker.goto(page.url())
    assert.deepEqual(await axeViolations(checker), [])
    if (!javaScriptEnabled) await checker.context().close()
    await context.close()
  })
}

test('the skip link moves focus to the main content', async () => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${server.base}/about`)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  assert.equal(await skip.evaluate(el => el === document.activeElement), true)
  await page.keyboard.press('Enter')
  assert.match(page.url(), /#main-content$/)
  await context.close()
})

test('403, 429 and 500 pages are accessible in both languages', async () => {
  // A server of its own: a tight feedback limit, and a database we break.
  const config = `${server.dir}-strict.toml`
  await writeFile(config, 'feedback_per_window = 1\nfeedback_window_secs = 3600\n')
  const strict = await startServer(['--config', config])
  try {
    for (const lang of ['en', 'ar']) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const headers = { 'accept-language': lang }
      const post = extra => page.request.post(`${strict.base}/feedback`, {
        form: { page: 'about', answer: 'yes' }, headers: { ...headers, ...extra }, maxRedirects: 0
      })
      const forbidden = await visitResponse(page, `${strict.base}/feedback?case=403-${lang}`,
        () => post({ origin: 'http://elsewhere.example' }))
      assert.equal(forbidden.status, 403)
      assert.equal(await page.getAttribute('html', 'lang'), lang)
      assert.deepEqual(await axeViolations(page), [], `axe on 403 in ${lang}`)
      assert.deepEqual(await htmlProblems(forbidden.html), [])

      await post({})
      const limited = await visitResponse(page, `${strict.base}/feedback?case=429-${lang}`, () => post({}))
      assert.equal(limited.status, 429)
      assert.deepEqual(await axeViolations(page), [], `axe on 429 in ${lang}`)
      assert.deepEqual(await htmlProblems(limited.html), [])
      await context.close()
    }
    execFileSync('sqlite3', [`${strict.dir}/cohesion.db`, 'DROP TABLE page_feedback'])
    for (const lang of ['en', 'ar']) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const response = await page.goto(`${strict.base}/about?feedback=thanks&lang=${lang}`)
      assert.equal(response.status(), 500)
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr')
      assert.deepEqual(await axeViolations(page), [], `axe on 500 in ${lang}`)
      assert.deepEqual(await htmlProblems(await response.text()), [])
      await context.close()
    }
  } finally {
    await strict.stop()
  }
})
