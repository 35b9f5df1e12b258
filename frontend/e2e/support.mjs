// Shared helpers for the browser tests: start the real binary on a fresh
// database, drive Debian's Chromium, and check pages with axe-core.
import { spawn } from 'node:child_process'
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

/** Fails on script errors and CSP violations, which show as console errors. */
export function watchConsole (page) {
  const problems = []
  page.on('console', msg => { if (msg.type() === 'error') problems.push(msg.text()) })
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
