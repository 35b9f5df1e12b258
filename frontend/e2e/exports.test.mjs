// Exporting responses: an analyst downloads every response of the demo's
// open consultation as CSV from its results page, in English and Arabic.
// The file starts with a byte-order mark (so spreadsheets read Arabic),
// its headings are in the reader's language, it has one line per
// submitted response and, for an analyst, the special-category question.
// Every page visited is checked with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_ANALYST as ANALYST } from './support.mjs'

const TITLE = 'Safer streets, stronger communities'
const LANGUAGES = [
  { locale: 'en-GB', lang: 'en', email: 'Email address', password: 'Password', signIn: 'Sign in', download: 'Download every response (CSV)', heading: 'Reference,Submitted (UTC),' },
  { locale: 'ar', lang: 'ar', email: 'البريد الإلكتروني', password: 'كلمة المرور', signIn: 'تسجيل الدخول', download: 'نزّل كل الردود (CSV)', heading: 'الرقم المرجعي,وقت الإرسال (التوقيت العالمي),' }
]
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

test('an analyst downloads every response as CSV, in English and Arabic', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  // How many responses the consultation has, from the public API.
  const list = await (await fetch(`${server.base}/api/v1/consultations?q=Safer`)).json()
  const demo = list.items.find(c => c.title === TITLE)
  assert.ok(demo && demo.respondents >= 300, 'the demo consultation and its generated responses')

  for (const l of LANGUAGES) {
    const { context, page, problems } = await openPage(browser, { locale: l.locale })
    t.after(() => context.close())
    await page.goto(`${server.base}/sign-in`)
    await page.getByLabel(l.email).fill(ANALYST)
    await page.getByLabel(l.password).fill(DEMO_PASSWORD)
    await follow(page, page.getByRole('button', { name: l.signIn }))
    // Analysts find the exports beside the results (the manage page is
    // for officers).
    await page.goto(`${server.base}/consultations/${demo.id}/results`)
    await checkPage(page, `the demo consultation's results, as an analyst (${l.lang})`, { lang: l.lang })

    // The link's file, fetched with the browser's own session and language
    // (headless Chromium's download events are not dependable, and the
    // context's request client sends no Accept-Language of its own).
    const href = await page.getByRole('link', { name: l.download }).getAttribute('href')
    const res = await context.request.get(new URL(href, page.url()).href, { headers: { 'accept-language': l.locale } })
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-type'], /^text\/csv; charset=utf-8/)
    assert.equal(res.headers()['content-disposition'], `attachment; filename="responses-${demo.id}.csv"`)
    const csv = (await res.body()).toString('utf8')
    assert.ok(csv.startsWith('\uFEFF' + l.heading), `headings in ${l.lang}: ${csv.slice(0, 80)}`)
    // One line per response: a reference, then the submission time.
    const rows = csv.split('\r\n').filter(line => /^[A-Z0-9]{4}-[A-Z0-9]{4},\d{4}-\d\d-\d\dT/.test(line))
    assert.equal(rows.length, demo.respondents, 'every submitted response, once')
    assert.equal(new Set(rows.map(r => r.split(',')[0])).size, rows.length, 'no response twice')
    assert.match(csv.split('\r\n')[0], /q9: /, 'the analyst may see the religion question')
    assert.deepEqual(problems, [], 'no script errors or CSP violations')
  }
})
