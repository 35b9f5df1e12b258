// What must look the same whichever way the page runs: the mirrored
// stylesheet turns the layout round, but not the shapes that mean
// something in themselves (a tick), and the frame of every page holds
// together in both (the language names side by side on one line, nothing
// outside a landmark). Reached by clicking from the home page, in Arabic
// and English, with the checks of every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import {
  startServer, launchBrowser, openPage, follow, checkPage, ensureArtifacts
} from './support.mjs'

let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** How a checkbox's tick is drawn: its borders and its turn. */
const tickOf = label => label.evaluate(el => {
  const after = getComputedStyle(el, '::after')
  return {
    transform: after.transform,
    top: after.borderTopWidth,
    right: after.borderRightWidth,
    bottom: after.borderBottomWidth,
    left: after.borderLeftWidth,
    opacity: after.opacity
  }
})

test('a ticked checkbox looks the same in Arabic as in English', async t => {
  const { context, page, problems } = await openPage(browser, { locale: 'ar-EG', viewport: { width: 1280, height: 900 } })
  t.after(() => context.close())
  await page.goto(`${server.base}/`)
  await checkPage(page, 'home, in Arabic', { lang: 'ar' })
  await follow(page, page.getByRole('main').getByRole('link', { name: 'شوارع أكثر أمنًا ومجتمعات أقوى' }).first())
  await checkPage(page, 'the open consultation, in Arabic', { lang: 'ar' })
  await follow(page, page.getByRole('button', { name: 'شارك في هذه الاستشارة' }))
  await page.getByRole('group', { name: /المجتمعات القوية المترابطة/ }).getByLabel('أوافق', { exact: true }).check()
  await page.getByRole('group', { name: /هل رأيت/ }).getByLabel('نعم', { exact: true }).check()
  await follow(page, page.getByRole('button', { name: 'احفظ وتابع' }))
  assert.match(page.url(), /\/respond\/2$/)
  // Where hateful views were met: several places may be ticked.
  const ar = page.locator('.govuk-checkboxes__item').first()
  await ar.locator('input').check()
  await checkPage(page, 'survey page 2, a box ticked, in Arabic', { lang: 'ar' })
  const arabic = await tickOf(ar.locator('label'))
  assert.equal(arabic.opacity, '1', 'the tick shows')
  await page.evaluate(() => document.fonts.ready)
  const dir = await ensureArtifacts()
  await ar.screenshot({ path: join(dir, 'checkbox-ar.png') })

  // The same page in English, by the language switcher.
  await follow(page, page.getByRole('link', { name: 'English' }))
  await checkPage(page, 'survey page 2, in English', { lang: 'en' })
  const en = page.locator('.govuk-checkboxes__item').first()
  await en.locator('input').check()
  await en.screenshot({ path: join(dir, 'checkbox-en.png') })
  const english = await tickOf(en.locator('label'))
  assert.deepEqual(arabic, english, 'the same tick, not its mirror image')
  assert.equal(english.transform, 'matrix(0.707107, -0.707107, 0.707107, 0.707107, 0, 0)', 'turned 45° anticlockwise')
  assert.deepEqual([english.left, english.bottom, english.right], ['5px', '5px', '0px'], '└ turned into ✓')
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})

/**
 * Where the text of each item of the language switcher sits: the
 * baseline of its first line, found with an empty inline box (whose
 * bottom is the baseline) put in front of the text for a moment.
 */
const switcherBaselines = page => page.locator('.app-language-switcher__item > *').evaluateAll(items =>
  items.map(el => {
    const probe = document.createElement('span')
    probe.style.display = 'inline-block'
    probe.style.height = '0'
    el.prepend(probe)
    const y = probe.getBoundingClientRect().bottom
    probe.remove()
    return { text: el.textContent, y }
  }))

for (const lang of ['en', 'ar']) {
  test(`the page's frame in ${lang}: the languages on one line, nothing outside a landmark`, async t => {
    const { context, page, problems } = await openPage(browser, { locale: lang === 'ar' ? 'ar-EG' : 'en-GB' })
    t.after(() => context.close())
    await page.goto(`${server.base}/`)
    await checkPage(page, `home, in ${lang}`, { lang })
    const about = lang === 'ar' ? 'عن هذا الموقع' : 'About this site'
    for (const visit of [null, about]) {
      if (visit) await follow(page, page.getByRole('contentinfo').getByRole('link', { name: visit }))
      const [current, other] = await switcherBaselines(page)
      assert.ok(Math.abs(current.y - other.y) < 0.5,
        `${current.text} (${current.y}) and ${other.text} (${other.y}) on one baseline`)
      // axe's best-practice rule, which the WCAG checks leave out.
      const region = await new AxeBuilder({ page }).withRules(['region']).analyze()
      assert.deepEqual(region.violations.flatMap(v => v.nodes.map(n => n.target.join(' '))), [],
        `everything on ${page.url()} is in a landmark`)
      assert.equal(await page.locator('header .govuk-phase-banner').count(), 1)
    }
    await checkPage(page, `about, in ${lang}`, { lang })
    assert.deepEqual(problems, [], 'no script errors or CSP violations')
  })
}
