import { test } from 'node:test'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, withApp } from './harness.mjs'
import { openMeeting, RENJA } from './pages.mjs'

const browser = sharedBrowser()

async function openDecision(page, number) {
  await openMeeting(page, RENJA)
  await page.locator('.n-tabs-tab', { hasText: 'Kesepakatan' }).first().click()
  await page.getByTestId('decisions').locator(`tr[data-decision="${number}"]`).click()
  await expect(page.getByTestId('decision-form')).toBeVisible()
}

// Two desks open the same decision; desk B saves first. Desk A's Simpan is
// refused with who and when, both values side by side, and "Simpan punya
// saya" saves A's values over B's.
test('an edit over a newer change shows both values, and keep mine saves', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await openDecision(page, 1)
    const textA = await page.getByTestId('decision-text').locator('textarea').inputValue()

    const other = await openPage(browser(), app.url)
    try {
      await openDecision(other.page, 1)
      const textB = other.page.getByTestId('decision-text').locator('textarea')
      await textB.click()
      await other.page.keyboard.press('End')
      await other.page.keyboard.type(' (meja B)')
      await expect(other.page.getByTestId('decision-save-state')).toHaveText('Tersimpan')
    } finally {
      await other.page.close()
    }

    // Desk A, still on the old version, changes a field and saves.
    await page.getByTestId('decision-unit').locator('input').fill('Bidang UKM (meja A)')
    await page.getByTestId('decision-save').click()
    const dialog = page.getByTestId('conflict-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Diubah oleh')
    await expect(dialog).toContainText(' pukul ')
    await expect(page.getByTestId('conflict-table')).toContainText('(meja B)')
    await expect(page.getByTestId('conflict-table')).toContainText('Bidang UKM (meja A)')
    await shot(page, '80-conflict-dialog')

    await page.getByTestId('conflict-keep').click()
    await expect(page.getByTestId('conflict-dialog')).toHaveCount(0)
    const row = page.getByTestId('decisions').locator('tr[data-decision="1"]')
    await expect(row).toContainText(textA.slice(0, 40))
    await page.reload()
    await page.locator('.n-tabs-tab', { hasText: 'Kesepakatan' }).first().click()
    await page.getByTestId('decisions').locator('tr[data-decision="1"]').click()
    await expect(page.getByTestId('decision-unit').locator('input')).toHaveValue('Bidang UKM (meja A)')
    const saved = await page.getByTestId('decision-text').locator('textarea').inputValue()
    if (saved.includes('(meja B)')) throw new Error('keep mine left their text: ' + saved)
  })
})
