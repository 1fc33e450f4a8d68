// The browser build (`selaras serve`) losing its session: the cookie of the
// run is gone (the server started again, the cookie cleared). The page says
// once, in the user's language, what happened and what to do; the typed text
// stays and is saved once the printed address is opened again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, startApp } from './harness.mjs'
import { RENJA, Shell } from './pages.mjs'

const browser = sharedBrowser()

/**
 * withApp for these tests: the refused calls are logged by the browser as
 * failed loads (403, 500); any other error fails the test.
 */
async function withRefusals(fn) {
  const app = await startApp({ demo: true })
  const { page, errors } = await openPage(browser(), app.url)
  try {
    await fn(page, app)
    // A screen prefetched while the session is lost is refused too; for a
    // stylesheet the browser words that refusal as a wrong MIME type.
    const refused = /Failed to load resource: the server responded with a status of (403|500)|Refused to apply style from '[^']*\/assets\/[^']*\.css' because its MIME type \('text\/plain'\)/
    assert.deepEqual(errors.filter((e) => !refused.test(e)), [], 'no page errors')
  } finally {
    await page.close()
    await app.stop()
  }
}

/** The Renja meeting's agenda tab, in the language of the interface. */
async function openAgenda(page, lang) {
  await new Shell(page).go(lang === 'en' ? 'Meetings' : 'Rakor')
  await page.getByTestId('meetings').locator('tr', { hasText: RENJA }).click()
  await page.locator('.n-tabs-tab', { hasText: lang === 'en' ? 'Agenda and minutes' : 'Agenda dan notulen' }).first().click()
}

/** Every message on screen: toasts, alerts, the banner. */
const messages = (page) => page.locator('.n-message, .n-alert, [role=alert]').allInnerTexts()

for (const lang of ['id', 'en']) {
  test(`a lost session is said once and what was typed is saved when it is back (${lang})`, async () => {
    await withRefusals(async (page, app) => {
      if (lang === 'en') await new Shell(page).language('en')
      await openAgenda(page, lang)
      const minutes = page.getByTestId('minutes-1').locator('textarea')
      await minutes.click()
      await minutes.press('Control+End')
      const typed = (await minutes.inputValue()) + ' Dicatat saat sambungan putus. Lagi.'

      // The session goes: the run's cookie is no longer in this browser.
      const cookies = await page.context().cookies()
      await page.context().clearCookies()
      await minutes.pressSequentially(' Dicatat saat sambungan putus.', { delay: 20 })
      const banner = page.getByTestId('session-banner')
      await expect(banner).toContainText(lang === 'en' ? 'no longer valid' : 'tidak berlaku lagi')
      await expect(banner).toContainText('selaras serve')
      await expect(banner).toContainText(lang === 'en' ? 'Open the address' : 'Buka lagi alamat')
      await shot(page, `80-session-lost-${lang}`)
      // Typing on and moving about calls the bridge again: still one message, no parser error.
      await minutes.pressSequentially(' Lagi.', { delay: 20 })
      await page.waitForTimeout(1500)
      await expect(banner).toHaveCount(1)
      const shown = await messages(page)
      assert.deepEqual(shown.filter((m) => /JSON|Unexpected token|Gagal menyimpan|Could not save/.test(m)), [], shown.join(' | '))
      assert.equal(shown.filter((m) => /selaras serve/.test(m)).length, 1, shown.join(' | '))

      // The printed address is opened again: the page is back, and the minutes are saved.
      await page.context().addCookies(cookies)
      await expect(banner).toContainText(lang === 'en' ? 'Connected again' : 'Tersambung lagi')
      await expect(page.getByTestId('minutes-state-1')).toHaveText(lang === 'en' ? 'Saved' : 'Tersimpan')
      await page.evaluate(() => localStorage.clear()) // from the backend, not a local copy
      await page.goto(app.url)
      await openAgenda(page, lang)
      await expect(page.getByTestId('minutes-1').locator('textarea')).toHaveValue(typed)
    })
  })
}

test('an answer of the bridge that is no JSON is a message, never a parser error', async () => {
  await withRefusals(async (page) => {
    // The server answers with a plain-text error page where the meetings are read.
    await page.route('**/bridge/call/app.Rakor.Meetings', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }))
    await new Shell(page).go('Rakor')
    await expect(page.locator('.n-message')).toContainText('tidak terduga (HTTP 500)')
    const shown = await messages(page)
    assert.deepEqual(shown.filter((m) => /JSON|Unexpected token|Internal Server Error/.test(m)), [], shown.join(' | '))
    await shot(page, '81-bridge-answer')
    await page.unroute('**/bridge/call/app.Rakor.Meetings')
  })
})
