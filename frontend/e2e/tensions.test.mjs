// Community tension reports, in headless Chromium from the home page:
// Get involved's card to the form, a report in English and one in Arabic
// (by the header's language switch) with their acknowledgements, then the
// demo's tension reader signs in, sees the dashboard's counts and reads
// the masked text of a report. Every page is checked with axe-core.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const YUSUF = 'yusuf@brightwater.example'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

const nav = (p, name) => p.locator('.govuk-service-navigation__link', { hasText: name }).first()
const switchTo = (p, lang) => p.locator(`.app-language-switcher__link[hreflang="${lang}"]`)
const today = () => new Date().toISOString().slice(0, 10)

test('residents report tension in English and Arabic; a tension reader sees the counts and the masked text', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await p.goto(server.base)
  await checkPage(p, 'home', { lang: 'en' })
  await follow(p, nav(p, 'Get involved'))
  await checkPage(p, 'get involved', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: 'Tell us about community tension' }).last())
  await checkPage(p, 'tension form', { lang: 'en' })
  assert.ok(await p.getByText('Do not name or describe other people').isVisible())
  assert.ok(await p.getByRole('link', { name: 'Get help' }).last().isVisible())

  await p.getByLabel('Area or ward').selectOption({ label: 'Harbourside' })
  await p.getByLabel('Graffiti or symbols').check()
  await p.getByLabel('When it happened').fill(today())
  await p.getByLabel('What happened').fill('Mr Whitlock painted symbols on the wall, call 07700 900456')
  await p.getByLabel('No', { exact: true }).check()
  await follow(p, p.getByRole('button', { name: 'Send report' }))
  await checkPage(p, 'acknowledgement', { lang: 'en' })
  assert.ok(await p.getByText('within 2 working days').isVisible())
  const reference = (await p.locator('.govuk-panel__body strong').textContent()).trim()
  assert.match(reference, /^TR-/)

  // In Arabic.
  await p.goto(server.base + '/tension-reports/new')
  await follow(p, switchTo(p, 'ar'))
  await checkPage(p, 'tension form, Arabic', { lang: 'ar' })
  await p.getByLabel('المنطقة أو الحي').selectOption({ label: 'مكان آخر / لست متأكدًا' })
  await p.getByLabel('محتوى أو شائعات على الإنترنت').check()
  await p.getByLabel('متى حدث ذلك').fill(today())
  await p.getByLabel('ماذا حدث').fill('منشور يدعو إلى الكراهية، كتبه شخص اسمه سامر')
  await p.getByLabel('لا أعرف').check()
  await follow(p, p.getByRole('button', { name: 'أرسل البلاغ' }))
  await checkPage(p, 'acknowledgement, Arabic', { lang: 'ar' })
  assert.ok(await p.getByText('خلال يومي عمل').isVisible())
  await follow(p, switchTo(p, 'en'))

  // The tension reader.
  await p.goto(server.base)
  await follow(p, p.getByRole('link', { name: 'Sign in', exact: true }).first())
  await p.getByLabel('Email address').fill(YUSUF)
  await p.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: 'Sign in' }))
  await follow(p, nav(p, 'Tension reports'))
  await checkPage(p, 'tension dashboard', { lang: 'en' })
  assert.ok(await p.locator('svg[role="img"] title').count() === 1)
  assert.ok(await p.locator('#tension-by-area').isVisible())
  await follow(p, p.getByRole('link', { name: reference }))
  await checkPage(p, 'tension report', { lang: 'en' })
  const text = await p.locator('#tension-text').textContent()
  assert.equal(text.trim(), '[name] painted symbols on the wall, call [phone]')
})
