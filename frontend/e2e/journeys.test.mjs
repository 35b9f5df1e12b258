// Whole journeys through the account, administration and your-data pages,
// as people take them, in English and Arabic, in headless Chromium. Every
// page visited is checked with axe-core and html-validate.
//
// Each journey has a server (and so a database and sign-in throttle) of its
// own, and a browser context of its own for each person in it, so journeys
// can run in any order.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import {
  startServer, launchBrowser, openPage, follow, checkPage, outboxLink, DEMO_PASSWORD
} from './support.mjs'

let browser

before(async () => { browser = await launchBrowser() })
after(async () => { await browser?.close() })

/** A fresh demo server for one test, stopped when the test ends. */
async function serverFor (t) {
  const server = await startServer()
  t.after(() => server.stop())
  return server
}

/** Signs in from the sign-in page already shown, in English. */
async function signIn (page, email, password) {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  await follow(page, page.getByRole('button', { name: 'Sign in' }))
}

/** The "Signed in as …" link in the header. */
const accountLink = page => page.locator('.app-account__name')

const signedInAs = page => accountLink(page).innerText()

test('a resident signs up in English, confirms, switches the account to Arabic and signs out', async t => {
  const server = await serverFor(t)
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())
  const email = 'robin@example.org'
  const password = 'quiet rivers carry old songs'

  await page.goto(`${server.base}/sign-up`)
  await checkPage(page, 'sign-up form', { lang: 'en' })
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Display name').fill('Robin Ellis')
  await page.getByLabel('Password').fill(password)
  await follow(page, page.getByRole('button', { name: 'Create account' }))
  assert.match(page.url(), /\/sign-up\/check-email$/)
  await checkPage(page, 'check your email', { lang: 'en' })

  // No mail server: an administrator reads the message in the outbox.
  const admin = await openPage(browser, { locale: 'en-GB' })
  t.after(() => admin.context.close())
  await admin.page.goto(`${server.base}/sign-in`)
  await signIn(admin.page, 'nadia@brightwater.example', DEMO_PASSWORD)
  await admin.page.goto(`${server.base}/admin/outbox`)
  await checkPage(admin.page, 'email outbox', { lang: 'en' })
  const row = admin.page.getByRole('row').filter({ hasText: email })
  assert.match(await row.innerText(), /Confirm your email address/)
  const link = (await row.innerText()).match(/https?:\/\/\S+\/verify-email\?token=\S+/)[0]
  assert.deepEqual(admin.problems, [])

  await page.goto(link.replace(/^https?:\/\/[^/]+/, server.base))
  assert.equal(await page.locator('h1').innerText(), 'Email address confirmed')
  await checkPage(page, 'address confirmed', { lang: 'en' })
  await follow(page, page.getByRole('main').getByRole('link', { name: 'Sign in' }))
  await checkPage(page, 'sign-in form', { lang: 'en' })
  await signIn(page, email, password)
  assert.equal(page.url(), `${server.base}/`)
  assert.equal(await signedInAs(page), 'Signed in as Robin Ellis')
  await checkPage(page, 'home, signed in', { lang: 'en' })

  await follow(page, accountLink(page))
  assert.equal(await page.locator('h1').innerText(), 'Your account')
  await checkPage(page, 'your account', { lang: 'en' })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar')
  await follow(page, page.getByRole('button', { name: 'Save language' }))
  assert.match(page.url(), /\/account\?done=language$/)
  // The same page, now in Arabic and right-to-left.
  assert.equal(await page.locator('h1').innerText(), 'حسابك')
  assert.match(await page.getByRole('alert').innerText(), /تم حفظ لغتك/)
  assert.equal(await page.locator('select[name="language"]').inputValue(), 'ar')
  assert.equal(await signedInAs(page), 'مسجّل الدخول باسم Robin Ellis')
  await checkPage(page, 'your account, in Arabic', { lang: 'ar' })

  await follow(page, page.locator('.app-account').getByRole('button', { name: 'تسجيل الخروج' }))
  assert.equal(page.url(), `${server.base}/`)
  assert.equal(await accountLink(page).count(), 0)
  assert.equal(await page.getByRole('link', { name: 'تسجيل الدخول' }).count(), 1)
  await checkPage(page, 'home, signed out, in Arabic', { lang: 'ar' })
  // Signed out, the account page sends people to sign in again, and back.
  await page.goto(`${server.base}/account`)
  assert.match(page.url(), /\/sign-in\?next=%2Faccount$/)
  await checkPage(page, 'sign-in, after signing out', { lang: 'ar' })
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})

test('an administrator makes a resident a moderator, and the audit log and the resident see it', async t => {
  const server = await serverFor(t)
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())

  await page.goto(`${server.base}/sign-in`)
  await checkPage(page, 'sign-in form', { lang: 'en' })
  await signIn(page, 'nadia@brightwater.example', DEMO_PASSWORD)
  assert.equal(await signedInAs(page), 'Signed in as Nadia Haddad')
  await follow(page, accountLink(page))
  await checkPage(page, 'your account, as an administrator', { lang: 'en' })

  await follow(page, page.getByRole('link', { name: 'People', exact: true }))
  assert.match(page.url(), /\/admin\/people$/)
  await checkPage(page, 'people', { lang: 'en' })
  await page.getByLabel('Name or email address').fill('tom@')
  await follow(page, page.getByRole('button', { name: 'Filter' }))
  assert.match(page.url(), /\/admin\/people\?q=tom%40/)
  const results = page.getByRole('table')
  assert.equal(await results.locator('tbody tr').count(), 1, 'only Tom matches')
  assert.match(await results.innerText(), /tom@brightwater\.example/)
  await checkPage(page, 'people, filtered', { lang: 'en' })

  await follow(page, results.getByRole('link', { name: 'Tom Fletcher' }))
  const person = page.url()
  assert.match(person, /\/admin\/people\/[0-9a-f-]{36}$/)
  await checkPage(page, 'a person', { lang: 'en' })
  // Granting a role asks first, saying what the role allows.
  await follow(page, page.getByRole('button', { name: 'Make them a moderator', exact: true }))
  assert.match(page.url(), /\/roles\?role=moderator&grant=true$/)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Make Tom Fletcher a moderator?')
  assert.match(await page.locator('main').innerText(), /hide, restore and review reported content/)
  await checkPage(page, 'granting a role: are you sure?', { lang: 'en' })
  await follow(page, page.getByRole('button', { name: 'Yes, make them a moderator', exact: true }))
  assert.equal(page.url(), `${person}?done=role-granted&role=moderator`)
  assert.match(await page.getByRole('alert').innerText(), /Tom Fletcher is now a moderator/)
  // The role is now held: the button takes it away instead.
  assert.equal(await page.getByRole('button', { name: 'Withdraw the moderator role', exact: true }).count(), 1)
  assert.equal(await page.getByRole('button', { name: 'Make them a moderator', exact: true }).count(), 0)
  await checkPage(page, 'a person, role granted', { lang: 'en' })

  await follow(page, page.getByRole('link', { name: 'People', exact: true }).first())
  await page.getByLabel('Name or email address').fill('tom@')
  await follow(page, page.getByRole('button', { name: 'Filter' }))
  assert.match(await page.getByRole('row').filter({ hasText: 'Tom Fletcher' }).innerText(), /Moderator/)
  await checkPage(page, 'people, after the grant', { lang: 'en' })

  await page.goto(person)
  await checkPage(page, 'a person, again', { lang: 'en' })
  await follow(page, page.getByRole('link', { name: 'See the audit log for this person' }))
  assert.match(page.url(), /\/admin\/audit\?subject=/)
  const entry = page.getByRole('row').filter({ hasText: 'Gave a role' })
  assert.equal(await entry.count(), 1)
  assert.match(await entry.innerText(), /Role: Moderator/)
  await checkPage(page, 'audit log for a person', { lang: 'en' })
  await page.getByLabel('Action').selectOption({ label: 'Gave a role' })
  await follow(page, page.getByRole('button', { name: 'Filter' }))
  assert.equal(await page.getByRole('row').filter({ hasText: 'Gave a role' }).count(), 1)
  await checkPage(page, 'audit log, filtered by action', { lang: 'en' })
  assert.deepEqual(problems, [], 'no script errors or CSP violations')

  // Tom, on his own device, sees the new role on his account page.
  const tom = await openPage(browser, { locale: 'en-GB' })
  t.after(() => tom.context.close())
  await tom.page.goto(`${server.base}/sign-in`)
  await signIn(tom.page, 'tom@brightwater.example', DEMO_PASSWORD)
  await follow(tom.page, accountLink(tom.page))
  const roles = tom.page.locator('.govuk-summary-list__row').filter({ hasText: 'Roles' })
  assert.match(await roles.locator('dd').innerText(), /Moderator/)
  await checkPage(tom.page, 'your account, as a new moderator', { lang: 'en' })
  assert.deepEqual(tom.problems, [])
})

test('a resident downloads and reads their data, then deletes the account keeping what they wrote', async t => {
  const server = await serverFor(t)
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' })
  t.after(() => context.close())
  const email = 'amina@brightwater.example'

  await page.goto(`${server.base}/sign-in`)
  await signIn(page, email, DEMO_PASSWORD)
  await follow(page, accountLink(page))
  await checkPage(page, 'your account', { lang: 'en' })

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your data (JSON)' }).click()
  ])
  assert.equal(download.suggestedFilename(), 'cohesion-your-data.json')
  const data = JSON.parse(await readFile(await download.path(), 'utf8'))
  assert.equal(data.account.email, email)
  assert.equal(data.account.display_name, 'Amina Yusuf')
  assert.ok(data.sessions.length >= 1, 'the current session is listed')

  await follow(page, page.getByRole('link', { name: 'See your data' }))
  assert.match(page.url(), /\/account\/data$/)
  const summary = await page.locator('.govuk-summary-list').innerText()
  assert.match(summary, /amina@brightwater\.example/)
  assert.match(summary, /Amina Yusuf/)
  await checkPage(page, 'your data', { lang: 'en' })

  await follow(page, page.getByRole('link', { name: 'Back' }))
  await checkPage(page, 'your account, again', { lang: 'en' })
  await follow(page, page.getByRole('link', { name: 'Delete your account' }))
  assert.match(page.url(), /\/account\/delete$/)
  await checkPage(page, 'delete your account', { lang: 'en' })
  await page.getByLabel(/^Keep it/).check()
  await page.getByLabel('Password').fill('not my password at all')
  await follow(page, page.getByRole('button', { name: 'Delete my account' }))
  const errors = page.locator('.govuk-error-summary')
  assert.match(await errors.innerText(), /There is a problem/)
  assert.equal(await errors.getByRole('link').count(), 1)
  assert.equal(await errors.getByRole('link').getAttribute('href'), '#password')
  assert.equal(await page.getByLabel(/^Keep it/).isChecked(), true, 'the choice is kept')
  await checkPage(page, 'delete your account, wrong password', { lang: 'en' })

  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await follow(page, page.getByRole('button', { name: 'Delete my account' }))
  assert.equal(await page.locator('h1').innerText(), 'Your account has been deleted')
  assert.equal(await accountLink(page).count(), 0)
  await checkPage(page, 'account deleted', { lang: 'en' })

  await page.goto(`${server.base}/sign-in`)
  await signIn(page, email, DEMO_PASSWORD)
  assert.match(page.url(), /\/sign-in$/)
  assert.match(await page.locator('.govuk-error-summary').innerText(), /The email address or password is not right/)
  await checkPage(page, 'sign-in refused after deletion', { lang: 'en' })
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})

test('a demo account resets a forgotten password, all in Arabic', async t => {
  const server = await serverFor(t)
  const { context, page, problems } = await openPage(browser, { locale: 'ar-EG' })
  t.after(() => context.close())
  const email = 'fatima@brightwater.example'
  const fresh = 'نجوم الصحراء تلمع فوق الواحة'
  const signInAr = async password => {
    await page.getByLabel('البريد الإلكتروني').fill(email)
    await page.getByLabel('كلمة المرور').fill(password)
    await follow(page, page.getByRole('button', { name: 'تسجيل الدخول' }))
  }

  await page.goto(`${server.base}/sign-in`)
  await checkPage(page, 'sign-in form', { lang: 'ar' })
  await follow(page, page.getByRole('link', { name: 'هل نسيت كلمة المرور؟' }))
  assert.match(page.url(), /\/password-reset$/)
  await checkPage(page, 'reset request', { lang: 'ar' })
  await page.getByLabel('البريد الإلكتروني').fill(email)
  await follow(page, page.getByRole('button', { name: 'أرسل الرابط' }))
  assert.match(page.url(), /\/password-reset\/sent$/)
  await checkPage(page, 'reset link sent', { lang: 'ar' })

  await page.goto(outboxLink(server, email, '/password-reset/new'))
  assert.equal(await page.locator('h1').innerText(), 'اختر كلمة مرور جديدة')
  await checkPage(page, 'new password form', { lang: 'ar' })
  await page.getByLabel('كلمة المرور الجديدة').fill(fresh)
  await follow(page, page.getByRole('button', { name: 'حفظ كلمة المرور الجديدة' }))
  assert.equal(await page.locator('h1').innerText(), 'تم تغيير كلمة المرور')
  await checkPage(page, 'password changed', { lang: 'ar' })

  await follow(page, page.getByRole('main').getByRole('link', { name: 'تسجيل الدخول' }))
  await signInAr(DEMO_PASSWORD)
  assert.match(page.url(), /\/sign-in$/, 'the old password no longer works')
  assert.match(await page.locator('.govuk-error-summary').innerText(), /البريد الإلكتروني أو كلمة المرور غير صحيحة/)
  await checkPage(page, 'sign-in refused with the old password', { lang: 'ar' })

  await signInAr(fresh)
  assert.equal(page.url(), `${server.base}/`)
  assert.equal(await signedInAs(page), 'مسجّل الدخول باسم فاطمة نور')
  await checkPage(page, 'home, signed in', { lang: 'ar' })
  assert.deepEqual(problems, [], 'no script errors or CSP violations')
})
