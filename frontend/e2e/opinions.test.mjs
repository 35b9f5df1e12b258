// A resident votes on statements in headless Chromium: from the home page
// to the open demo discussion by links, signing in, voting agree,
// disagree or pass one statement at a time with the keyboard, in English
// and then in Arabic, and reaching the opinion map. Every page visited is
// checked with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const TOM = 'tom@brightwater.example'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** Votes on `n` statements with the keyboard: focus a button, press Enter. */
async function vote (p, w, lang, n) {
  for (let i = 0; i < n; i++) {
    const choice = [w.agree, w.disagree, w.pass][i % 3]
    const button = p.getByRole('button', { name: choice, exact: true })
    await button.focus()
    await Promise.all([p.waitForEvent('load'), p.keyboard.press('Enter')])
    assert.ok(await p.getByText(w.recorded).isVisible(), `${lang}: vote ${i} recorded`)
  }
  await checkPage(p, `${lang}: after voting`, { lang })
}

test('a resident votes on statements in English and Arabic and sees the map', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await p.goto(server.base)
  await checkPage(p, 'home', { lang: 'en' })
  await follow(p, p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Discussions' }).or(
    p.locator('.govuk-service-navigation__link', { hasText: 'Discussions' })).first())
  await follow(p, p.getByRole('link', { name: /Feeling safe in Brightwater/ }))
  await checkPage(p, 'discussion with statements', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: 'Vote on statements' }))
  await checkPage(p, 'voting, signed out', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: 'Sign in to vote and add statements' }))
  await p.getByLabel('Email address').fill(TOM)
  await p.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: 'Sign in' }))
  assert.match(p.url(), /\/vote$/)
  await checkPage(p, 'voting', { lang: 'en' })
  assert.ok(await p.getByText('You have voted on 0 of 11 statements.').isVisible())

  await vote(p, { agree: 'Agree', disagree: 'Disagree', pass: 'Pass', recorded: 'Your vote has been recorded.' }, 'en', 3)
  assert.ok(await p.getByText('You have voted on 3 of 11 statements.').isVisible())

  await follow(p, p.locator('.app-language-switcher__link[hreflang="ar"]'))
  await checkPage(p, 'voting in Arabic', { lang: 'ar' })
  await vote(p, { agree: 'أوافق', disagree: 'لا أوافق', pass: 'تجاوز', recorded: 'سُجّل صوتك.' }, 'ar', 3)

  await follow(p, p.getByRole('link', { name: 'اطّلع على خريطة الآراء' }))
  await checkPage(p, 'opinion map in Arabic', { lang: 'ar' })
  assert.ok(await p.getByRole('img', { name: /خريطة الآراء/ }).isVisible())
  assert.ok(await p.getByRole('table', { name: 'مجموعات الرأي' }).isVisible())

  await follow(p, p.locator('.app-language-switcher__link[hreflang="en"]'))
  await checkPage(p, 'opinion map', { lang: 'en' })
  assert.ok(await p.getByRole('img', { name: /Opinion map/ }).isVisible())
  assert.ok(await p.getByRole('cell', { name: 'Group A' }).or(p.getByRole('rowheader', { name: 'Group A' })).first().isVisible())
})
