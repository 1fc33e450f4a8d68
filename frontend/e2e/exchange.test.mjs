import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { openMeeting, RENJA, Shell } from './pages.mjs'
import { sheetNames } from './xlsx.mjs'

const browser = sharedBrowser()

test('templates go out, a returned template is previewed, a wrong file is refused with the reason', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await new Shell(page).go('Ekspor/Impor')
    await page.getByTestId('make-templates').click()
    await expect(page.getByText('7 templat ditulis')).toBeVisible()
    const dir = join(app.dir, 'ekspor', 'Templat-2025')
    const files = (await readdir(dir)).sort()
    assert.equal(files.length, 7)
    assert.ok(files.includes('Templat-Kabupaten-Bangka-2025.xlsx'))

    // A returned template, unchanged: the preview lists nothing to save.
    await page.getByTestId('import-file').setInputFiles(join(dir, 'Templat-Kabupaten-Bangka-2025.xlsx'))
    await expect(page.getByTestId('import-summary')).toContainText('Kabupaten Bangka, tahun 2025')
    await expect(page.getByTestId('import-summary')).toContainText('0 baru, 0 diubah')
    // What undoes it is said before it is confirmed: a file is backed up first.
    await expect(page.getByTestId('import-undo')).toContainText('ruang kerja ini dicadangkan (Pengaturan > Cadangan')
    await shot(page, '20-import-preview')

    // Recording it marks the regency as returned on the board.
    await expect(page.getByTestId('board-summary')).toContainText('0 dari 7')
    await page.getByTestId('commit-import').click()
    await expect(page.getByText('dicatat sebagai sudah kembali')).toBeVisible()
    await expect(page.getByTestId('board-summary')).toContainText('1 dari 7')
    const bangka = page.getByTestId('board').locator('tr', { hasText: 'Kabupaten Bangka' }).first()
    await expect(bangka).toContainText('Sudah kembali')
    await expect(bangka).toContainText('Templat-Kabupaten-Bangka-2025.xlsx')
    await expect(page.getByTestId('board').locator('tr', { hasText: 'Kota Pangkal Pinang' })).toContainText('Belum kembali')
    await shot(page, '22-submission-board')

    // Something that is not a workbook.
    const bad = join(app.dir, 'rekap.xlsx')
    await writeFile(bad, 'kode;nilai\nKOP.01;17,65\n')
    await page.getByTestId('import-file').setInputFiles(bad)
    await expect(page.getByTestId('import-refused')).toContainText('bukan berkas Excel')
    await shot(page, '21-import-refused')
  })
})

test('one workbook with the matrices and a meeting\'s record, from the Exchange area and from the meeting', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await new Shell(page).go('Ekspor/Impor')
    const sheets = page.getByTestId('export-sheets')
    await sheets.getByText('Berita Acara').click()
    await expect(page.getByText('memerlukan satu rapat')).toBeVisible()
    await expect(page.getByTestId('export-button')).toBeDisabled()
    await page.getByTestId('export-meeting').click()
    await page.locator('.n-base-select-option', { hasText: RENJA }).click()
    await expect(page.getByTestId('export-button')).toHaveText('Ekspor 4 lembar')
    await shot(page, '23-export-workbook')
    await page.getByTestId('export-button').click()
    await expect(page.getByText('Berkas Excel disimpan')).toBeVisible()
    const book = join(app.dir, 'ekspor', 'Selaras-Kepulauan-Bangka-Belitung-2025.xlsx')
    assert.deepEqual(await sheetNames(book), ['Matriks Target 2025', 'Matriks Program 2025', 'Sinkronisasi 2025', 'Berita Acara'])

    // The meeting page exports its own record.
    await openMeeting(page, RENJA)
    await page.getByRole('button', { name: 'Ekspor Excel' }).click()
    // The first export's notice may still be on screen: wait for the file itself,
    // which appears whole (written under a temporary name, then renamed).
    let files = []
    let rakor
    for (let i = 0; i < 100 && !rakor; i++) {
      files = await readdir(join(app.dir, 'ekspor'))
      rakor = files.find((f) => f.startsWith('Rakor-2024-02-23-'))
      if (!rakor) await page.waitForTimeout(100)
    }
    assert.ok(rakor, files.join())
    assert.deepEqual(await sheetNames(join(app.dir, 'ekspor', rakor)), ['Daftar Hadir', 'Kesepakatan', 'Permasalahan', 'Berita Acara'])
  })
})
