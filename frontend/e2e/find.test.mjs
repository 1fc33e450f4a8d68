import { test } from 'node:test'
import { expect, toBeOnScreen } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Shell } from './pages.mjs'

const browser = sharedBrowser()

async function find(page, text) {
  await page.keyboard.press('Control+k')
  await expect(page.getByTestId('find')).toBeVisible()
  await page.getByTestId('find-input').fill(text)
}

for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`Ctrl+K finds an indicator, a region, a meeting, a decision and a sub-kegiatan at ${viewport.width}x${viewport.height}`, async () => {
    await withApp(browser(), { demo: true, viewport }, async (page) => {
      await new Shell(page).go('Rakor')

      // An indicator: to its chart.
      await find(page, 'pdrb.01')
      await expect(page.getByTestId('find-hits')).toContainText('PDRB.01')
      await shot(page, `70-find-${viewport.width}`)
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('indicator-select')).toContainText('PDRB.01')

      // A region: to its province's matrix.
      await find(page, 'kota surabaya')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('matrix')).toBeVisible()
      await expect(page.getByTestId('cmp-province')).toContainText('Jawa Timur')

      // A meeting, and a decision on its decisions tab.
      await find(page, 'renja')
      await page.getByTestId('find-hits').locator('li', { hasText: 'Rakor' }).first().click()
      await expect(page.getByTestId('meeting-heading')).toContainText('Renja')
      await find(page, 'pedoman pelatihan')
      await page.getByTestId('find-hits').locator('li', { hasText: 'Kesepakatan' }).first().click()
      await expect(page.getByTestId('decisions')).toBeVisible()

      // A sub-kegiatan: its row in the program tree, marked and in view.
      await find(page, '2.17')
      const sub = page.getByTestId('find-hits').locator('li', { hasText: 'Sub-kegiatan' }).first()
      await sub.click()
      await expect(page.locator('.found-row')).toBeVisible()
      await toBeOnScreen(page.locator('.found-row td').first()) // the row is wider than the table's view; its code cell is fixed
      await shot(page, `71-find-sub-${viewport.width}`)
    })
  })
}
