// Crosstabs and weighting in the browser, in a 1280 pixel window: an
// analyst goes from the home page through Manage to the open demo
// consultation's results, then to its crosstabs, by clicking, sends the
// form empty and is told which fields to choose, then asks for row
// percentages of the widest table the demo has (agreement by age band).
// The page never scrolls sideways: the table fits, in both languages,
// with its column headings on two lines at most, never a word a line
// (Arabic's short words once stacked so), and would scroll in its own
// named box if it did not. Hidden cells show a symbol that the
// key under the table explains. Switching language keeps the questions;
// Back leads to Manage; weighting takes its margins picked from lists
// (a share typed in each option's box) or typed, says what is wrong
// under the box, and says in words how it went. In English
// and Arabic, with axe-core and html-validate on every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_ANALYST as ANALYST } from './support.mjs'

let browser
before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

const OPEN = 'Safer streets, stronger communities'

/** The words each journey reads or clicks, in each language. */
const T = {
  en: {
    language: 'English',
    other: 'ar',
    otherLanguage: 'العربية',
    manage: 'Manage',
    results: 'Results',
    crosstabs: 'Crosstabs',
    weighting: 'Weighted results',
    noRows: 'Choose a question for the rows',
    noColumns: 'Choose a question for the columns',
    symbol: '[c]',
    hidden: 'Hidden (too few to show)',
    rowKey: 'Each cell is a share of its row',
    back: 'Back',
    settled: 'The weights settled after 1 round.',
    missing: /Enter a target share for ‘.*35 to 44.*’/,
    veryEffective: 'Very effective',
    notNumber: /Enter the share for “.*Very effective.*” as a number from 0 to 100/
  },
  ar: {
    language: 'العربية',
    other: 'en',
    otherLanguage: 'English',
    manage: 'الإدارة',
    results: 'النتائج',
    crosstabs: 'الجداول التقاطعية',
    weighting: 'النتائج المرجّحة',
    noRows: 'اختر سؤالًا للصفوف',
    noColumns: 'اختر سؤالًا للأعمدة',
    symbol: '[م]',
    hidden: 'مخفي (العدد أقل من أن يُعرض)',
    rowKey: 'كل خانة حصةٌ من صفها',
    back: 'رجوع',
    settled: 'استقرت الأوزان بعد جولة واحدة.',
    missing: /أدخل حصة مستهدفة للخيار/,
    veryEffective: 'فعّال جدًا',
    notNumber: /أدخل حصة الخيار «.*فعّال جدًا.*» رقمًا من 0 إلى 100/
  }
}

/** A link of the site's menu. */
const navLink = (page, name) => page.locator('#navigation').getByRole('link', { name, exact: true })

/**
 * Each column heading of the page's table of figures: its words and the
 * lines they take (the distinct tops of its text's boxes).
 */
const headingLines = table => table.locator('thead th.govuk-table__header--numeric').evaluateAll(ths => ths.map(th => {
  const range = document.createRange()
  range.selectNodeContents(th)
  const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)))
  const text = th.innerText.trim()
  return { text, words: text.split(/\s+/).length, lines: tops.size }
}))

/** Headings wrap between words onto two lines at most, never a word a line. */
async function assertHeadingsRead (table, lang) {
  for (const h of await headingLines(table)) {
    assert.ok(h.lines <= 2, `${lang}: “${h.text}” takes ${h.lines} lines`)
    assert.ok(h.words < 3 || h.lines < h.words, `${lang}: “${h.text}” has a word a line`)
  }
}

/** How far the page scrolls sideways at the window's own width. */
const pageOverflow = page => page.evaluate(() =>
  document.documentElement.scrollWidth - document.documentElement.clientWidth)

for (const lang of ['en', 'ar']) {
  test(`an analyst reads a crosstab that fits a 1280 pixel window, and weights the results (${lang})`, async t => {
    const server = await startServer()
    t.after(() => server.stop())
    const { context, page: a, problems } = await openPage(browser, {
      locale: 'en-GB', viewport: { width: 1280, height: 900 }
    })
    t.after(() => context.close())
    const w = T[lang]

    // From the home page, signed in, to Manage and the crosstabs.
    await a.goto(`${server.base}/`)
    await follow(a, a.locator('#navigation').getByRole('link', { name: /Sign in/ }))
    await a.locator('input[name="email"]').fill(ANALYST)
    await a.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await follow(a, a.locator('main form button[type="submit"]'))
    if (lang !== 'en') await follow(a, a.getByRole('link', { name: w.language }))
    await follow(a, navLink(a, w.manage))
    const item = a.locator('li.app-consultation').filter({ hasText: OPEN }).first()
    // The consultation's results first, then back to Manage.
    await follow(a, item.getByRole('link', { name: w.results, exact: true }))
    assert.match(a.url(), /\/consultations\/[^/]+\/results$/)
    await checkPage(a, 'results, reached from Manage', { lang })
    await follow(a, navLink(a, w.manage))
    await follow(a, item.getByRole('link', { name: w.crosstabs }))
    assert.match(a.url(), /\/analysis$/)
    await checkPage(a, 'crosstabs, nothing asked yet', { lang })
    const show = a.locator('form.app-filter button[type="submit"]')

    // Sent with nothing chosen: both fields named, linked to them.
    await follow(a, show)
    const summary = a.locator('.govuk-error-summary')
    assert.match(await summary.innerText(), new RegExp(w.noRows))
    assert.match(await summary.innerText(), new RegExp(w.noColumns))
    await checkPage(a, 'crosstabs, sent empty', { lang })

    // Agreement by age band, as shares of each row.
    await a.locator('#rows').selectOption('q1')
    await a.locator('#columns').selectOption('q8')
    await a.locator('input[name="show"][value="row"]').check()
    await follow(a, show)
    assert.match(a.url(), /rows=q1&columns=q8&show=row/)
    const table = a.locator('main table')
    assert.equal(await table.count(), 1)
    assert.equal(await pageOverflow(a), 0, 'the page does not scroll sideways at 1280 pixels')
    const region = a.locator('section.app-table-scroll')
    assert.equal(await region.getAttribute('tabindex'), '0')
    assert.ok((await region.getAttribute('aria-label')).length > 10, 'the box is named')
    const fits = await region.evaluate(r => r.scrollWidth <= r.clientWidth)
    assert.ok(fits, 'nine age bands and a total fit in the column at 1280 pixels')
    await assertHeadingsRead(table, lang)
    // Percentages with their counts; hidden cells as a symbol that the
    // key explains, and words for screen readers.
    const cells = await table.locator('tbody td').allInnerTexts()
    assert.ok(cells.some(c => /^\d+%\s*\(\d+\)$/.test(c.trim())), `a share with its count in ${cells}`)
    const hidden = table.locator('tbody td', { hasText: w.symbol })
    assert.ok(await hidden.count() > 0, 'some cells are too small to show')
    assert.equal(await hidden.first().locator('.govuk-visually-hidden').innerText(), w.hidden)
    const key = await a.locator('.app-figures-key').innerText()
    assert.ok(key.includes(w.symbol) && key.includes(w.rowKey), key)
    await checkPage(a, 'crosstab of agreement by age, row percentages', { lang })

    // The other language keeps the questions and what the cells show.
    await follow(a, a.getByRole('link', { name: w.otherLanguage }))
    assert.match(a.url(), /rows=q1&columns=q8&show=row&lang=/)
    assert.equal(await a.locator('main table').count(), 1)
    assert.equal(await pageOverflow(a), 0)
    const other = a.locator('section.app-table-scroll')
    assert.ok(await other.evaluate(r => r.scrollWidth <= r.clientWidth), 'it fits in the other language too')
    await assertHeadingsRead(a.locator('main table'), w.other)
    await checkPage(a, 'the same crosstab, in the other language', { lang: w.other })
    await follow(a, a.getByRole('link', { name: w.language }))
    assert.equal(await a.locator('main table').count(), 1)

    // Back to Manage, and on to weighting.
    await follow(a, a.getByRole('link', { name: w.back, exact: true }))
    assert.match(a.url(), /\/manage$/)
    await follow(a, item.getByRole('link', { name: w.weighting }))
    await checkPage(a, 'weighting, nothing asked yet', { lang })
    // A question picked from the list, then a share for each option in
    // its own box, labelled by the option.
    const margins = a.locator('form.app-margins')
    await a.locator('#add').selectOption('q4')
    await follow(a, margins.locator('button[value="add"]'))
    await checkPage(a, 'weighting, a question picked', { lang })
    await a.getByLabel(w.veryEffective, { exact: true }).fill('lots')
    await follow(a, margins.locator('button[value="weigh"]'))
    assert.match(await a.locator('.govuk-error-summary').innerText(), w.notNumber)
    assert.equal(await a.locator('#share-q4-1').inputValue(), 'lots', 'what was typed stays')
    await checkPage(a, 'weighting, a share not a number', { lang })
    for (let n = 1; n <= 5; n++) await a.locator(`#share-q4-${n}`).fill('20')
    await follow(a, margins.locator('button[value="weigh"]'))
    assert.ok((await a.getByRole('main').innerText()).includes(w.settled))
    assert.equal(await pageOverflow(a), 0)
    await checkPage(a, 'weighted results', { lang })
    // Typed instead: the lines the form made are there to change.
    await a.locator('.govuk-details__summary').click()
    assert.equal(await a.locator('#margins').inputValue(), 'q4: 20, 20, 20, 20, 20')
    await a.locator('#margins').fill('q8: 4, 14, 17')
    await follow(a, a.locator('form.app-filter button[type="submit"]'))
    assert.match(await a.locator('.govuk-error-summary').innerText(), w.missing)
    await checkPage(a, 'weighting, a typed share missing', { lang })
    assert.deepEqual(problems, [], 'no script errors or CSP violations')
  })
}
