// Community messages in headless Chromium, from the home page as a
// person would: the navigation's "Community messages", "Get community
// messages by email", subscribing in English and in Arabic, opening the
// confirmation link from the email the test's own SMTP server received
// and confirming; then an officer signs in, writes, previews and sends
// a message, and it arrives in the SMTP server with its one-click
// unsubscribe headers. Every page visited is checked with axe-core and
// html-validate, and none needs JavaScript to work.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { startServer, launchBrowser, openPage, follow, checkPage, DEMO_PASSWORD, DEMO_OFFICER } from './support.mjs'

let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** A loopback SMTP server that accepts everything and keeps it. */
async function smtpServer () {
  const received = []
  const server = createServer(socket => {
    let data = null
    let buffer = ''
    let message = { rcpt: [], raw: '' }
    socket.write('220 test ESMTP\r\n')
    socket.on('data', chunk => {
      buffer += chunk.toString('latin1')
      let at
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at)
        buffer = buffer.slice(at + 2)
        if (data !== null) {
          if (line === '.') {
            message.raw = data.join('\r\n')
            received.push(message)
            message = { rcpt: [], raw: '' }
            data = null
            socket.write('250 OK\r\n')
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line)
          }
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO') socket.write('250-test\r\n250 8BITMIME\r\n')
        else if (verb === 'HELO') socket.write('250 test\r\n')
        else if (verb === 'RCPT') { message.rcpt.push(line.match(/<([^>]*)>/)[1]); socket.write('250 OK\r\n') }
        else if (verb === 'DATA') { data = []; socket.write('354 go on\r\n') }
        else if (verb === 'QUIT') { socket.write('221 bye\r\n'); socket.end() }
        else socket.write('250 OK\r\n')
      }
    })
    socket.on('error', () => {})
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `smtp://127.0.0.1:${server.address().port}`, received, close: () => server.close() }
}

/** A message's body, decoded (base64, quoted-printable or as sent). */
function bodyOf (raw) {
  const [head, ...rest] = raw.split('\r\n\r\n')
  const body = rest.join('\r\n\r\n')
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return Buffer.from(body, 'latin1').toString('utf8')
}

/** The newest email to `to`, waited for. */
async function mailTo (smtp, to, count = 1) {
  for (let i = 0; i < 100; i++) {
    const got = smtp.received.filter(m => m.rcpt.includes(to))
    if (got.length >= count) return got[got.length - 1]
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  assert.fail(`no email to ${to}`)
}

/** The confirmation link in an email, pointed at `base`. */
function confirmLink (mail, base) {
  const link = bodyOf(mail.raw).match(/https?:\/\/\S+?\/community-messages\/confirm\?token=\S+/)
  assert.ok(link, bodyOf(mail.raw))
  return link[0].replace(/^https?:\/\/[^/]+/, base)
}

/** Subscribes `email` from the home page in the page's language. */
async function subscribe (p, server, { email, lang, navName, linkName, topic, language, button }) {
  await p.goto(`${server.base}/?lang=${lang}`)
  await checkPage(p, `home (${lang})`, { lang })
  await follow(p, p.locator('.govuk-service-navigation__link', { hasText: navName }).first())
  await checkPage(p, `community messages (${lang})`, { lang })
  await follow(p, p.getByRole('link', { name: linkName }).first())
  await checkPage(p, `subscribe (${lang})`, { lang })
  await p.getByLabel(email.label).fill(email.value)
  await p.getByLabel(topic).check()
  await p.getByRole('checkbox').first().check()
  await p.getByLabel(language, { exact: true }).check()
  await follow(p, p.getByRole('button', { name: button }))
  await checkPage(p, `check your email (${lang})`, { lang })
}

test('residents subscribe in English and Arabic, and an officer sends a message', async t => {
  const smtp = await smtpServer()
  t.after(() => smtp.close())
  const server = await startServer(['--smtp-url', smtp.url])
  t.after(() => server.stop())
  const { context, page: p } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await subscribe(p, server, {
    email: { label: 'Email address', value: 'sam@example.org' },
    lang: 'en',
    navName: 'Community messages',
    linkName: 'Get community messages by email',
    topic: 'Online safety',
    language: 'English',
    button: 'Subscribe'
  })
  assert.ok(await p.getByText('We have sent a link').isVisible())
  await p.goto(confirmLink(await mailTo(smtp, 'sam@example.org'), server.base))
  await checkPage(p, 'confirm', { lang: 'en' })
  await follow(p, p.getByRole('button', { name: 'Confirm' }))
  await checkPage(p, 'confirmed', { lang: 'en' })
  assert.ok(await p.getByRole('heading', { name: 'You are subscribed' }).isVisible())

  await subscribe(p, server, {
    email: { label: 'البريد الإلكتروني', value: 'huda@example.org' },
    lang: 'ar',
    navName: 'الرسائل المجتمعية',
    linkName: 'احصل على الرسائل المجتمعية بالبريد الإلكتروني',
    topic: 'السلامة على الإنترنت',
    language: 'العربية',
    button: 'اشترك'
  })
  await p.goto(confirmLink(await mailTo(smtp, 'huda@example.org'), server.base))
  await checkPage(p, 'confirm in Arabic', { lang: 'ar' })
  await follow(p, p.getByRole('button', { name: 'تأكيد' }))
  await checkPage(p, 'confirmed in Arabic', { lang: 'ar' })

  // An officer writes, previews and sends a message to every area.
  await p.goto(`${server.base}/sign-in?lang=en`)
  await p.getByLabel('Email address').fill(DEMO_OFFICER)
  await p.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(p, p.getByRole('button', { name: 'Sign in' }))
  await p.goto(`${server.base}/manage`)
  await checkPage(p, 'manage', { lang: 'en' })
  await follow(p, p.getByRole('link', { name: 'Write a community message' }).first())
  await checkPage(p, 'write a message', { lang: 'en' })
  await p.getByLabel('Subject').fill('Fake parcel texts')
  await p.getByLabel('Message', { exact: true }).fill('Do not open links in texts about parcels you did not order.')
  await p.getByLabel('English').check()
  await p.getByLabel('All areas').check()
  await p.getByLabel('Online safety').check()
  await follow(p, p.getByRole('button', { name: 'Save' }))
  await checkPage(p, 'the message and its preview', { lang: 'en' })
  assert.ok(await p.getByText('As it arrives in English').isVisible())
  await follow(p, p.getByRole('button', { name: 'Send' }))
  await checkPage(p, 'send?', { lang: 'en' })
  await follow(p, p.getByRole('button', { name: 'Yes, send it' }))
  await checkPage(p, 'sent', { lang: 'en' })

  const mail = await mailTo(smtp, 'sam@example.org', 2)
  assert.match(mail.raw, /List-Unsubscribe: <https?:\/\/\S+\/community-messages\/unsubscribe\?token=/)
  assert.match(mail.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/)
  assert.match(bodyOf(mail.raw), /Do not open links in texts about parcels/)
  const huda = await mailTo(smtp, 'huda@example.org', 2)
  assert.match(bodyOf(huda.raw), /إلغاء الاشتراك/)
})
