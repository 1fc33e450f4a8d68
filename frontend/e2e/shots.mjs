// Takes screenshots of the main screens for review: node e2e/shots.mjs OUTDIR
import { launchBrowser, openPage, startApp } from './harness.mjs'
import { Comparison, Shell } from './pages.mjs'

const out = process.argv[2] ?? '.'
const browser = await launchBrowser()
const app = await startApp({ demo: true })
try {
  for (const [w, h] of [[1366, 768], [1920, 1080]]) {
    const { page } = await openPage(browser, app.url, { width: w, height: h })
    await new Shell(page).go('Perbandingan Target')
    const cmp = new Comparison(page)
    await cmp.matrix.waitFor()
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${out}/matrix-${w}.png` })
    await cmp.tab('Per indikator')
    await page.waitForTimeout(800)
    await page.screenshot({ path: `${out}/chart-${w}.png` })
    await page.locator('label.tog', { hasText: 'Huruf besar' }).locator('.n-switch').click()
    await page.locator('label.tog', { hasText: 'Kontras tinggi' }).locator('.n-switch').click()
    await cmp.tab('Matriks')
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${out}/matrix-projector-${w}.png` })
    await page.locator('label.tog', { hasText: 'Huruf besar' }).locator('.n-switch').click()
    await page.locator('label.tog', { hasText: 'Kontras tinggi' }).locator('.n-switch').click()
    await page.close()
  }
} finally {
  await browser.close()
  await app.stop()
}
