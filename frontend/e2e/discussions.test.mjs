// A resident takes part in a discussion, in headless Chromium: from the
// home page to the open demo discussion, signing in, then commenting,
// replying, agreeing and reporting, in English and then in Arabic. Every
// page visited is checked with axe-core and html-validate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD } from './support.mjs'

const AMINA = 'amina@brightwater.example'
let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** The comment (an <article>) whose text holds `text`. */
const comment = (page, text) => page.locator('article.app-comment').filter({ hasText: text })

/** Comments, replies, agrees and reports, with the words of `w`. */
async function takePart (p, w, lang) {
  await p.getByLabel(w.yourComment, { exact: true }).fill(w.said)
  await follow(p, p.getByRole('button', { name: w.post }))
  await checkPage(p, `${lang}: comment posted`, { lang })
  assert.ok(await p.getByText(w.posted).isVisible())
  assert.ok(await comment(p, w.said).isVisible())

  await follow(p, comment(p, w.other).getByRole('link', { name: new RegExp(`^${w.reply}`) }))
  await checkPage(p, `${lang}: reply form`, { lang })
  await p.getByLabel(w.yourReply, { exact: true }).fill(w.replied)
  await follow(p, p.getByRole('button', { name: w.postReply }))
  await checkPage(p, `${lang}: reply posted`, { lang })
  assert.ok(await p.getByText(w.replyPosted).isVisible())
  assert.ok(await comment(p, w.replied).isVisible())

  await follow(p, comment(p, w.other).getByRole('button', { name: new RegExp(`^${w.agree}`) }))
  await checkPage(p, `${lang}: agreed`, { lang })
  assert.ok(await comment(p, w.other).getByRole('button', { name: new RegExp(`^${w.withdraw}`) }).isVisible())

  await follow(p, comment(p, w.other).getByRole('link', { name: new RegExp(`^${w.report}`) }))
  await checkPage(p, `${lang}: report form`, { lang })
  await follow(p, p.getByRole('button', { name: w.send }))
  await checkPage(p, `${lang}: report refused without a reason`, { lang })
  await p.getByLabel(w.reason, { exact: true }).check()
  await follow(p, p.getByRole('button', { name: w.send }))
  await checkPage(p, `${lang}: report thanks`, { lang })
  assert.equal(await p.locator('h1').innerText(), w.thanks)
  await follow(p, p.getByRole('link', { name: w.back }))
}

test('a resident comments, replies, agrees and reports in English and Arabic', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await p.goto(server.base)
  await checkPage(p, 'home', { lang: 'en' })
  await follow(p, p.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Discussions' }).or(
    p.locator('.govuk-service-navigation__link', { hasText: 'Discussions' })).first())
  await checkPage(p, 'discussions', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: /Feeling safe in Brightwater/ }))
  await checkPage(p, 'discussion', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: 'Read the house rules for discussions' }).first())
  await checkPage(p, 'house rules', { lang: 'en' })
  await p.goBack()
  await follow(p, p.getByRole('link', { name: 'Sign in to comment' }))
  await p.getByLabel('Email address').fill(AMINA)
  await p.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: 'Sign in' }))
  assert.match(p.url(), /\/discussions\//)
  await checkPage(p, 'discussion, signed in', { lang: 'en' })

  await takePart(p, {
    yourComment: 'Your comment',
    said: 'Better lighting at the bus station would help everyone.',
    post: 'Post comment',
    posted: 'Your comment has been posted.',
    other: 'I stopped going to the Thursday market',
    reply: 'Reply',
    yourReply: 'Your reply',
    replied: 'Yes, and it could open on Friday evenings.',
    postReply: 'Post reply',
    replyPosted: 'Your reply has been posted.',
    agree: 'Agree',
    withdraw: 'Withdraw agreement',
    report: 'Report',
    send: 'Send report',
    reason: 'Off topic',
    thanks: 'Thank you for your report',
    back: 'Back to the discussion'
  }, 'en')

  await follow(p, p.locator('.app-language-switcher__link[hreflang="ar"]'))
  await checkPage(p, 'discussion in Arabic', { lang: 'ar' })
  await takePart(p, {
    yourComment: 'تعليقك',
    said: 'نحتاج إلى طريقة واضحة لمعرفة ما حدث بعد الإبلاغ.',
    post: 'انشر التعليق',
    posted: 'نُشر تعليقك.',
    other: 'بصفتي عضوًا منتخبًا',
    reply: 'ردّ',
    yourReply: 'ردّك',
    replied: 'شكرًا، متى يجتمع المجلس؟',
    postReply: 'انشر الرد',
    replyPosted: 'نُشر ردّك.',
    agree: 'أؤيد',
    withdraw: 'اسحب تأييدي',
    report: 'أبلغ',
    send: 'أرسل البلاغ',
    reason: 'رسائل مزعجة',
    thanks: 'شكرًا على بلاغك',
    back: 'العودة إلى النقاش'
  }, 'ar')
})

const navLink = (page, name) => page.locator('#navigation').getByRole('link', { name, exact: true })

test('an officer makes a discussion part of a consultation stage; a visitor goes from one to the other', async t => {
  const server = await startServer()
  t.after(() => server.stop())
  const UPCOMING = 'Young people and online hate: what should schools do?'
  const CONSULTATION = 'Youth voices on online hate'

  // The officer, from the home page through Manage to the details form.
  const officer = await openPage(browser, { locale: 'en-GB' })
  t.after(() => officer.context.close())
  const o = officer.page
  await o.goto(server.base)
  await follow(o, o.locator('#navigation').getByRole('link', { name: /Sign in/ }))
  await o.getByLabel('Email address').fill('helen@brightwater.example')
  await o.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(o, o.getByRole('button', { name: 'Sign in' }))
  await follow(o, navLink(o, 'Manage'))
  await follow(o, o.getByRole('link', { name: UPCOMING }))
  await checkPage(o, 'the discussion, officers', { lang: 'en' })
  await follow(o, o.getByRole('link', { name: /Change the details/ }))
  await checkPage(o, 'details form', { lang: 'en' })
  await o.getByLabel('Part of a consultation').selectOption({ label: `${CONSULTATION} — stage 1: Survey opens` })
  await follow(o, o.getByRole('button', { name: 'Save' }))
  await checkPage(o, 'details saved', { lang: 'en' })
  assert.ok(await o.getByText('The details were saved.').isVisible())
  assert.match(await o.locator('main').innerText(), /Youth voices on online hate — stage 1: Survey opens/)
  assert.deepEqual(officer.problems, [], 'no script errors or CSP violations (officer)')

  // A visitor: the discussion names the consultation and its stage and
  // links to it; the consultation's timeline links back, in both languages.
  const visitor = await openPage(browser, { locale: 'en-GB' })
  t.after(() => visitor.context.close())
  const v = visitor.page
  await v.goto(server.base)
  await follow(v, navLink(v, 'Discussions'))
  await follow(v, v.getByRole('link', { name: UPCOMING }))
  const partOf = v.getByRole('link', { name: `Part of the consultation ${CONSULTATION} — stage: Survey opens` })
  await follow(v, partOf)
  await checkPage(v, 'the consultation, reached from the discussion', { lang: 'en' })
  const stage = v.locator('.app-timeline__stage').filter({ hasText: 'Survey opens' })
  assert.ok(await stage.getByText('Discussions at this stage:').isVisible())
  await follow(v, stage.getByRole('link', { name: UPCOMING }))
  await checkPage(v, 'the discussion, reached from the consultation', { lang: 'en' })

  await follow(v, v.locator('.app-language-switcher__link[hreflang="ar"]'))
  await checkPage(v, 'the discussion in Arabic', { lang: 'ar' })
  await follow(v, v.locator('.app-discussion__consultation a'))
  assert.match(await v.locator('.app-discussion__consultation, .app-timeline').first().innerText(), /النقاشات في هذه المرحلة/)
  await checkPage(v, 'the consultation in Arabic', { lang: 'ar' })
  assert.deepEqual(visitor.problems, [], 'no script errors or CSP violations (visitor)')
})
