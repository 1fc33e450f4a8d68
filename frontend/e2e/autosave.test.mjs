import { test } from 'node:test'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { openMeeting, RENJA } from './pages.mjs'

const browser = sharedBrowser()

test('an agenda title and the meeting theme save while typed; a new item\'s title waits on this computer', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await openMeeting(page, RENJA)
    // An existing item's title: saved a second after the last key, without Simpan.
    await page.locator('[data-agenda="1"]').getByRole('button', { name: 'Ubah' }).click()
    const title = page.getByTestId('agenda-title').locator('textarea')
    await title.fill('Pembukaan dan arahan Kepala Dinas')
    await expect(page.getByTestId('agenda-title-state')).toHaveText('Tersimpan')
    await shot(page, '59-agenda-title-autosave')
    await page.evaluate(() => localStorage.clear()) // from the backend, not a local copy
    await page.reload()
    await expect(page.locator('[data-agenda="1"]')).toContainText('Pembukaan dan arahan Kepala Dinas')

    // A new item cannot be saved before Simpan: its title waits on this computer.
    await page.getByTestId('agenda-add').click()
    await page.getByTestId('agenda-title').locator('textarea').fill('Paparan rencana aksi digitalisasi UMKM')
    await expect(page.getByTestId('agenda-title-state')).toHaveText('Draf tersimpan di komputer ini')
    await page.reload()
    await page.getByTestId('agenda-add').click()
    await expect(page.getByTestId('agenda-title').locator('textarea')).toHaveValue('Paparan rencana aksi digitalisasi UMKM')
    await page.getByTestId('agenda-save').click()
    await expect(page.getByTestId('agenda')).toContainText('Paparan rencana aksi digitalisasi UMKM')

    // The theme of the meeting, typed in its drawer, is on the page after a reload.
    await page.getByTestId('meeting-edit').click()
    await page.getByTestId('meeting-theme').locator('textarea').fill('Sinergi data UMKM untuk Renja 2025')
    await expect(page.getByTestId('meeting-theme-state')).toHaveText('Tersimpan')
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await expect(page.locator('.theme')).toHaveText('Sinergi data UMKM untuk Renja 2025')
  })
})
