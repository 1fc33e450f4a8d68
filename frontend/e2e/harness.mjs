// End-to-end harness: the real Go backend (`selaras serve`, see app/bridge.go)
// serving the built frontend, driven by Playwright in Debian's Chromium.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = fileURLToPath(new URL('.', import.meta.url))
const bin = process.env.SELARAS_BIN ?? resolve(here, '../../build/e2e/selaras')
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Starts a backend on a fresh config dir; demo opens the demo workspace on first start. */
export async function startApp({ demo = false, args = [] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'selaras-e2e-'))
  const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--config-dir', dir, ...(demo ? ['--demo'] : []), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += d))
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('backend did not start: ' + stderr)), 15000)
    let out = ''
    proc.stdout.on('data', (d) => {
      out += d
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1])
      }
    })
    proc.on('exit', (code) => fail(new Error(`backend exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    dir,
    async stop() {
      proc.kill('SIGINT')
      await new Promise((ok) => (proc.exitCode !== null ? ok() : proc.once('exit', ok)))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

/** One browser for the tests of a spec file, launched before them and closed after: call it at the top of the file. */
export function sharedBrowser() {
  let browser
  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })
  return () => browser
}

/** A page that records every uncaught error and console error, to assert none happened. */
export async function openPage(browser, url, viewport = { width: 1366, height: 768 }) {
  const page = await browser.newPage({ viewport, locale: 'id-ID' })
  const errors = []
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push('console: ' + m.text())
  })
  await page.goto(url)
  return { page, errors }
}

/**
 * Runs fn(page, app) against a fresh backend (startApp options, plus an
 * optional viewport), then asserts the page logged no error, and cleans up.
 */
export async function withApp(browser, { viewport, ...opts }, fn) {
  const app = await startApp(opts)
  const { page, errors } = await openPage(browser, app.url, viewport)
  try {
    await fn(page, app)
    assert.deepEqual(errors, [], 'no page errors')
  } finally {
    await page.close()
    await app.stop()
  }
}

/** Saves a screenshot when SELARAS_SHOTS names a folder (for looking at the UI). */
export async function shot(page, name) {
  const dir = process.env.SELARAS_SHOTS
  if (dir) await page.screenshot({ path: join(dir, name + '.png') })
}
