// Moderation from report to appeal, in headless Chromium, in English and
// then in Arabic: a resident's comment is reported, moderator Grace hides
// it with a public reason, its author Amina sees the outcome and appeals,
// and a second moderator, Karim, decides the appeal. Everyone starts at
// the home page and follows links. Every page visited is checked with
// axe-core and html-validate; the transparency page too.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const AMINA = 'amina@brightwater.example'
const TOM = 'tom@brightwater.example'
const GRACE = 'grace@brightwater.example'
const KARIM = 'karim@brightwater.example'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

const WORDS = {
  en: {
    signIn: 'Sign in',
    email: 'Email address',
    password: 'Password',
    discussions: 'Discussions',
    // The demo discussion's title, translated into Arabic in the demo.
    discussion: /Feeling safe in Brightwater/,
    moderation: 'Moderation',
    yourComment: 'Your comment',
    post: 'Post comment',
    said: 'Buy cheap phones at the harbour market, message me today.',
    report: 'Report',
    spam: 'Spam',
    send: 'Send report',
    hide: 'Hide it from the public',
    decide: 'Record the decision',
    decided: 'Your decision has been recorded.',
    // Her own hidden comment, as she reads it: its text, marked.
    removed: 'Hidden by a moderator. The reason: Spam.',
    appeal: 'Appeal this decision',
    why: 'Why the decision was wrong',
    because: 'I was telling people where the stall is, not selling anything.',
    sendAppeal: 'Send the appeal',
    appealed: 'Your appeal has been sent. Another moderator will look at it.',
    overturn: 'Overturn the decision',
    overturned: 'The appeal has been decided: the decision was overturned.',
    transparency: 'How discussions are moderated: figures by month',
    caption: 'Moderation by month'
  },
  ar: {
    signIn: 'تسجيل الدخول',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    discussions: 'النقاشات',
    discussion: /الشعور بالأمان في برايتووتر/,
    moderation: 'الإشراف',
    yourComment: 'تعليقك',
    post: 'انشر التعليق',
    said: 'اشترِ هواتف رخيصة من سوق الميناء، راسلني اليوم.',
    report: 'أبلغ',
    spam: 'رسائل مزعجة',
    send: 'أرسل البلاغ',
    hide: 'أخفه عن العامة',
    decide: 'سجّل القرار',
    decided: 'سُجّل قرارك.',
    removed: 'أخفاه مشرف. السبب: رسائل مزعجة.',
    appeal: 'اطعن في هذا القرار',
    why: 'لماذا كان القرار خاطئًا',
    because: 'كنت أدلّ الناس على مكان الكشك، لا أبيع شيئًا.',
    sendAppeal: 'أرسل الطعن',
    appealed: 'أُرسل طعنك. سينظر فيه مشرف آخر.',
    overturn: 'ألغِ القرار',
    overturned: 'بُتّ في الطعن: أُلغي القرار.',
    transparency: 'كيف يجري الإشراف على النقاشات: أرقام كل شهر',
    caption: 'الإشراف حسب الشهر'
  }
}

/** A link of the site's navigation. */
const nav = (p, name) => p.locator('.govuk-service-navigation__link', { hasText: name }).first()

/** `email` signs in from the home page, in `lang`; the page, on the home page. */
async function signedIn (server, email, lang, w) {
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  await p.goto(server.base)
  if (lang === 'ar') await follow(p, p.locator('.app-language-switcher__link[hreflang="ar"]'))
  await checkPage(p, `${lang}: home`, { lang })
  await follow(p, p.getByRole('link', { name: w.signIn, exact: true }).first())
  await checkPage(p, `${lang}: sign in`, { lang })
  await p.getByLabel(w.email, { exact: true }).fill(email)
  await p.getByLabel(w.password, { exact: true }).fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: w.signIn, exact: true }))
  if (!p.url().endsWith('/') || (await p.getAttribute('html', 'lang')) !== lang) await p.goto(server.base)
  return { context, p }
}

/** From the home page to the open demo discussion. */
async function toDiscussion (p, lang, w) {
  await follow(p, nav(p, w.discussions))
  await checkPage(p, `${lang}: discussions`, { lang })
  await follow(p, p.getByRole('link', { name: w.discussion }))
  await checkPage(p, `${lang}: discussion`, { lang })
}

/** The comment (an <article>) whose text holds `text`. */
const comment = (p, text) => p.locator('article.app-comment').filter({ hasText: text })

/** From the home page to the queue item of the comment saying `said`. */
async function toItem (p, lang, w) {
  await follow(p, nav(p, w.moderation))
  await checkPage(p, `${lang}: moderation queue`, { lang })
  const card = p.locator('section.app-moderation-item').filter({ hasText: w.said })
  await follow(p, card.locator('h2 a'))
  await checkPage(p, `${lang}: moderation item`, { lang })
}

async function journey (server, lang) {
  const w = WORDS[lang]
  // Amina comments.
  const amina = await signedIn(server, AMINA, lang, w)
  await toDiscussion(amina.p, lang, w)
  await amina.p.getByLabel(w.yourComment, { exact: true }).fill(w.said)
  await follow(amina.p, amina.p.getByRole('button', { name: w.post }))
  await checkPage(amina.p, `${lang}: comment posted`, { lang })

  // Tom reports it.
  const tom = await signedIn(server, TOM, lang, w)
  await toDiscussion(tom.p, lang, w)
  await follow(tom.p, comment(tom.p, w.said).getByRole('link', { name: new RegExp(`^${w.report}`) }))
  await checkPage(tom.p, `${lang}: report form`, { lang })
  await tom.p.getByLabel(w.spam, { exact: true }).check()
  await follow(tom.p, tom.p.getByRole('button', { name: w.send }))
  await checkPage(tom.p, `${lang}: reported`, { lang })
  await tom.context.close()

  // Grace hides it, for spam.
  const grace = await signedIn(server, GRACE, lang, w)
  await toItem(grace.p, lang, w)
  await grace.p.getByLabel(w.hide, { exact: true }).check()
  await grace.p.getByLabel(w.spam, { exact: true }).check()
  await follow(grace.p, grace.p.getByRole('button', { name: w.decide }))
  await checkPage(grace.p, `${lang}: decided`, { lang })
  assert.ok(await grace.p.getByText(w.decided).isVisible())
  await grace.context.close()

  // Amina sees the outcome on her comment and appeals.
  await amina.p.goto(server.base)
  await toDiscussion(amina.p, lang, w)
  // Her comment now says why it was removed, and offers the appeal.
  const hers = amina.p.locator('article.app-comment').filter({ hasText: w.removed })
  assert.ok(await hers.first().isVisible())
  await follow(amina.p, hers.getByRole('link', { name: w.appeal }))
  await checkPage(amina.p, `${lang}: appeal form`, { lang })
  await amina.p.getByLabel(w.why, { exact: true }).fill(w.because)
  await follow(amina.p, amina.p.getByRole('button', { name: w.sendAppeal }))
  await checkPage(amina.p, `${lang}: appealed`, { lang })
  assert.ok(await amina.p.getByText(w.appealed).isVisible())

  // Karim, who did not decide, overturns it.
  const karim = await signedIn(server, KARIM, lang, w)
  await toItem(karim.p, lang, w)
  assert.ok(await karim.p.getByText(w.because).isVisible())
  await follow(karim.p, karim.p.getByRole('button', { name: w.overturn }))
  await checkPage(karim.p, `${lang}: appeal decided`, { lang })
  assert.ok(await karim.p.getByText(w.overturned).isVisible())
  await karim.context.close()

  // The comment is back for everyone; the figures are public.
  await amina.p.goto(server.base)
  await toDiscussion(amina.p, lang, w)
  assert.ok(await comment(amina.p, w.said).isVisible())
  await follow(amina.p, nav(amina.p, w.discussions))
  await follow(amina.p, amina.p.getByRole('link', { name: w.transparency }))
  await checkPage(amina.p, `${lang}: transparency`, { lang })
  assert.ok(await amina.p.locator('caption', { hasText: w.caption }).isVisible())
  await amina.context.close()
}

test('a reported comment is hidden, appealed and overturned by another moderator, in English and Arabic', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  await journey(server, 'en')
  await journey(server, 'ar')
})
