// Backups and recovery from the app alone: Pengaturan lists the backups,
// makes one, restores one after a confirmation (undoable), saves a copy to
// move; a damaged workspace is recovered from the welcome screen.
import { describe, test } from 'node:test'
import { execFileSync } from 'node:child_process'
import { open, mkdtemp, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { ProfileForm, Shell, Welcome } from './pages.mjs'

const bin = process.env.SELARAS_BIN ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../build/e2e/selaras')

const browser = sharedBrowser()

for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  const size = `${viewport.width}x${viewport.height}`
  describe(`backups at ${size}`, () => {
    test('make a backup, see it listed, restore it after confirmation, undo the restore', () =>
      withApp(browser(), { demo: true, viewport }, async (page) => {
        await new Shell(page).go('Pengaturan')
        const panel = page.getByTestId('backup-panel')
        await expect(panel).toContainText('Belum ada cadangan.')

        await page.getByTestId('backup-now').click()
        await expect(page.getByText(/Cadangan dibuat: demo-manual-/)).toBeVisible()
        await expect(panel.locator('tbody tr')).toHaveCount(1)
        await expect(panel).toContainText('Manual')

        // A change made after the backup ...
        const form = new ProfileForm(page)
        const original = await form.officeName.inputValue()
        await form.officeName.fill('Kantor sesudah cadangan')
        await page.locator('.profile-form').getByRole('button', { name: 'Simpan', exact: true }).click()
        await expect(page.locator('.office', { hasText: 'Kantor sesudah cadangan' })).toBeVisible()

        // ... is undone by restoring it, after a confirmation.
        await page.getByTestId('restore-backup').first().click()
        const dialog = page.getByRole('dialog')
        await expect(dialog).toContainText('Keadaan sekarang dicadangkan lebih dulu')
        await shot(page, `backup-confirm-${size}`)
        await dialog.getByRole('button', { name: 'Pulihkan' }).click()
        await expect(page.getByText(/Ruang kerja dipulihkan dari cadangan/)).toBeVisible()
        await expect(page.locator('.office', { hasText: original })).toBeVisible()
        await expect(form.officeName).toHaveValue(original)
        await expect(panel.locator('tbody tr')).toHaveCount(2)
        await expect(panel).toContainText('Sebelum pemulihan')
        await page.getByTestId('backup-panel').scrollIntoViewIfNeeded()
        await shot(page, `backup-panel-${size}`)

        // The state the restore replaced is itself a backup: restoring it undoes the restore.
        await panel.locator('tbody tr', { hasText: 'Sebelum pemulihan' }).getByTestId('restore-backup').click()
        await page.getByRole('dialog').getByRole('button', { name: 'Pulihkan' }).click()
        await expect(page.locator('.office', { hasText: 'Kantor sesudah cadangan' })).toBeVisible()
      }))
  })
}

describe('moving and recovering a workspace', () => {
  test('a copy saved here opens on another PC from the welcome screen', () =>
    withApp(browser(), { demo: true }, async (page, app) => {
      await new Shell(page).go('Pengaturan')
      await page.getByTestId('save-copy').click()
      await expect(page.getByText(/Salinan ruang kerja disimpan: .*Ruang-kerja-Selaras-.*\.db/)).toBeVisible()
      const copy = (await page.getByText(/Salinan ruang kerja disimpan: /).first().innerText()).replace(/^.*disimpan: /, '').trim()
      await stat(copy)

      // Another PC: a fresh backend, nothing open yet.
      await withApp(browser(), {}, async (other) => {
        await expect(new Welcome(other).heading).toBeVisible()
        await other.getByTestId('open-file-path').locator('input').fill(copy)
        await shot(other, 'welcome-open-file')
        await other.getByTestId('open-file').click()
        await expect(other.getByTestId('demo-badge')).toBeVisible()
        await expect(other.getByRole('heading', { name: /Kepulauan Bangka Belitung/ })).toBeVisible()
      })
      void app
    }))

  test('a damaged workspace is refused in plain words and restored from its newest backup', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selaras-damaged-'))
    try {
      const db = join(dir, 'kantor.db')
      execFileSync(bin, ['demo', '--db', db])
      execFileSync(bin, ['backup', '--db', db])
      const f = await open(db, 'r+')
      const { size } = await f.stat()
      await f.write(randomBytes(8192), 0, 8192, Math.floor(size / 2))
      await f.close()

      await withApp(browser(), { args: ['--db', db] }, async (page) => {
        const alert = page.getByTestId('damaged')
        await expect(alert).toContainText('Berkas ruang kerja')
        await expect(alert).toContainText('rusak')
        await shot(page, 'welcome-damaged')
        await page.getByTestId('recover').click()
        await expect(page.getByTestId('demo-badge')).toBeVisible()
        await expect(page.getByTestId('damaged')).toHaveCount(0)
        await new Shell(page).go('Pengaturan')
        await expect(page.getByTestId('backup-panel')).toContainText('Berkas rusak (disimpan)')
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
