// Shared helpers for the browser tests: start the real binary on a fresh
// database, drive Debian's Chromium, and check pages with axe-core.
import assert from 'node:assert/strict'
import { spawn, execFileSync } from 'node:child_process'
import { mkdtemp, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { chromium } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { HtmlValidate } from 'html-validate'

const here = dirname(fileURLToPath(import.meta.url))
export const artifacts = join(here, '..', 'test-results')

/** The binary under test: COHESION_BIN, else the debug build. */
export function binaryPath () {
  if (process.env.COHESION_BIN) return process.env.COHESION_BIN
  const target = process.env.CARGO_TARGET_DIR || join(here, '..', '..', 'target')
  return join(target, 'debug', 'cohesion')
}

/** Starts `cohesion serve --demo` on a fresh SQLite file and a free port. */
export async function startServer (extraArgs = []) {
  const dir = await mkdtemp(join(tmpdir(), 'cohesion-e2e-'))
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('COHESION_')))
  const child = spawn(binaryPath(), ['--log-level', 'warn', 'serve', '--demo', '--bind', '127.0.0.1:0', ...extraArgs], {
    cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit']
  })
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20000)
    child.on('exit', code => reject(new Error(`server exited with ${code}`)))
    createInterface({ input: child.stdout }).on('line', line => {
      const m = line.match(/^Cohesion is listening on (http:\/\/\S+)/)
      if (m) { clearTimeout(timer); resolve(m[1]) }
    })
  })
  return { base, dir, stop: () => new Promise(resolve => { child.once('exit', resolve); child.kill('SIGTERM') }) }
}

export async function launchBrowser () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/**
 * Collects script errors and CSP violations, which show as console errors,
 * except those matching `expected`.
 */
export function watchConsole (page, expected = null) {
  const problems = []
  page.on('console', msg => {
    if (msg.type() === 'error' && !expected?.test(msg.text())) problems.push(msg.text())
  })
  page.on('pageerror', err => problems.push(String(err)))
  return problems
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** axe-core's WCAG 2.2 A/AA violations on the current page, summarised. */
export async function axeViolations (page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  return results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)
}

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // GOV.UK's hidden "Menu" toggle uses the boolean hidden attribute.
    'attribute-boolean-style': 'off',
    'no-inline-style': 'error'
  }
})

/** html-validate's findings on markup as the server sent it. */
export async function htmlProblems (html) {
  const report = await validator.validateString(html)
  return report.results.flatMap(r => r.messages.map(m => `${m.ruleId} line ${m.line}: ${m.message}`))
}

export async function ensureArtifacts () {
  await mkdir(artifacts, { recursive: true })
  return artifacts
}

/**
 * Shows, at `url`, the response `fetch` returns: how a browser test visits
 * an error page that only a POST or a broken database produces, with the
 * real server's assets around it.
 */
export async function visitResponse (page, url, fetch) {
  const response = await fetch()
  await page.route(url, route => route.fulfill({ response }))
  const shown = await page.goto(url)
  await page.unroute(url)
  return { status: response.status(), html: await response.text(), shown }
}


/** The demo's accounts (`serve --demo`), which share one password. */
export const DEMO_PASSWORD = 'harbour lanterns glow at dusk'
export const DEMO_OFFICER = 'helen@brightwater.example'
export const DEMO_ANALYST = 'li@brightwater.example'
export const DEMO_RESIDENT = 'tom@brightwater.example'

/** The direction each language is written in. */
export const DIR = { en: 'ltr', ar: 'rtl' }

/** Every main-frame document each page received, for `checkPage`. */
const documents = new WeakMap()

/**
 * A browser context and page of their own (so that tests never share
 * cookies), watching for script errors and keeping each document the
 * server sent so that `checkPage` validates the markup as served.
 */
export async function openPage (browser, options = {}) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  // A form sent with mistakes is answered 422 (or 401 for a wrong
  // password) with the form and its errors: Chromium logs that status as a
  // console error, but it is the designed answer, not a problem.
  const problems = watchConsole(page, /^Failed to load resource: the server responded with a status of (401|422) /)
  const seen = []
  page.on('response', response => {
    const request = response.request()
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) seen.push(response)
  })
  documents.set(page, seen)
  return { context, page, problems }
}

/**
 * Clicks something that loads a new document (a link or a form's button,
 * including a POST answered at the same address) and waits for it.
 */
export async function follow (page, locator) {
  await Promise.all([page.waitForEvent('load'), locator.click()])
}

/** The HTML the server sent for the page's current document. */
async function servedHtml (page) {
  const seen = documents.get(page)
  assert.ok(seen, 'checkPage needs a page from openPage')
  const url = page.url().replace(/#.*$/, '')
  const response = seen.findLast(r => r.url() === url && (r.status() < 300 || r.status() >= 400))
  assert.ok(response, `no document received for ${url}`)
  return response.text()
}

/**
 * How far the page scrolls sideways when 320 CSS pixels wide (a 1280
 * pixel window zoomed to 400%). WCAG 1.4.10 (Reflow) wants 0; axe-core
 * does not check it.
 */
export async function overflowAt320 (page) {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 320, height: size.height })
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth)
  await page.setViewportSize(size)
  return overflow
}

/** Unicode's directional isolation characters (LRI, RLI, FSI, PDI). */
const ISOLATION_MARKS = /[\u2066-\u2069]/

/**
 * The checks every page visited gets: no axe-core violations (WCAG 2.2
 * A/AA), no sideways scrolling at 320 CSS pixels, valid HTML as served,
 * no invisible isolation marks in the title and main heading (what
 * people copy and bookmark: values there are isolated by markup) and,
 * given `lang`, the right language and direction on <html>.
 */
export async function checkPage (page, label, { lang } = {}) {
  if (lang) {
    assert.equal(await page.getAttribute('html', 'lang'), lang, `lang of ${label}`)
    assert.equal(await page.getAttribute('html', 'dir'), DIR[lang], `dir of ${label}`)
  }
  assert.doesNotMatch(await page.title(), ISOLATION_MARKS, `<title> of ${label}`)
  for (const h1 of await page.locator('h1').allTextContents()) {
    assert.doesNotMatch(h1, ISOLATION_MARKS, `<h1> of ${label}`)
  }
  assert.deepEqual(await axeViolations(page), [], `axe on ${label}`)
  assert.equal(await overflowAt320(page), 0, `${label} scrolls sideways at 320 CSS pixels (WCAG 1.4.10)`)
  assert.deepEqual(await htmlProblems(await servedHtml(page)), [], `HTML of ${label}`)
}

/**
 * The link to `path` in the newest email to `to` (there is no mail server
 * in tests: email waits in the outbox table), pointed at `server`.
 */
export function outboxLink (server, to, path) {
  const quoted = `'${to.replaceAll("'", "''")}'`
  const body = execFileSync('sqlite3', [join(server.dir, 'cohesion.db'),
    `SELECT body FROM outbox WHERE to_address = ${quoted} ORDER BY created_at DESC, id DESC LIMIT 1`]).toString()
  const link = body.match(new RegExp(`https?://\\S+?${path.replace(/[.?]/g, '\\$&')}\\?token=\\S+`))
  assert.ok(link, `no ${path} link in the last email to ${to}`)
  return link[0].replace(/^https?:\/\/[^/]+/, server.base)
}
