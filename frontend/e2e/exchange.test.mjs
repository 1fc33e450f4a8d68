import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, toBeOnScreen } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Comparison, openMeeting, RENJA, Shell } from './pages.mjs'
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
    await expect(bangka).toContainText('templat kembali')
    await expect(bangka).toContainText('Templat-Kabupaten-Bangka-2025.xlsx')
    await expect(page.getByTestId('board').locator('tr', { hasText: 'Kota Pangkal Pinang' }).getByTestId('board-returned')).toHaveCount(0)
    await shot(page, '22-submission-board')

    // Something that is not a workbook.
    const bad = join(app.dir, 'rekap.xlsx')
    await writeFile(bad, 'kode;nilai\nKOP.01;17,65\n')
    await page.getByTestId('import-file').setInputFiles(bad)
    await expect(page.getByTestId('import-refused')).toContainText('bukan berkas Excel')
    await shot(page, '21-import-refused')
  })
})

test('the preview of a returned template fits a 1366x768 laptop, its figures written as everywhere else', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    const shell = new Shell(page)
    await shell.go('Ekspor/Impor')
    await page.getByTestId('make-templates').click()
    await expect(page.getByText('7 templat ditulis')).toBeVisible()
    // Since the template went out, the province typed another numerator for Kabupaten Bangka:
    // the template brings back 94,739 / 590 = 16,057458… %.
    await shell.go('Perbandingan Target')
    const cmp = new Comparison(page)
    await cmp.tab('Isian data')
    await page.getByTestId('field-select').click()
    await page.locator('.n-base-select-option', { hasText: 'Pembilang target' }).first().click()
    await cmp.typeInto('19.01', 'KOP.01', '100')
    await expect(cmp.gridCell('19.01', 'KOP.01')).toHaveText('100,00')

    await shell.go('Ekspor/Impor')
    await page.getByTestId('import-file').setInputFiles(join(app.dir, 'ekspor', 'Templat-2025', 'Templat-Kabupaten-Bangka-2025.xlsx'))
    await expect(page.getByTestId('import-summary')).toContainText('Kabupaten Bangka, tahun 2025')
    // The summary and the save button in view, the list of changes between them.
    await toBeOnScreen(page.getByTestId('import-summary'))
    await toBeOnScreen(page.getByTestId('commit-import'))
    const changes = page.getByTestId('import-changes')
    await expect(changes).toContainText('16,95%')
    await expect(changes).toContainText('16,06%')
    const text = await changes.innerText()
    assert.ok(!/\d,\d{3,}/.test(text), `no figure with six decimals: ${text}`)
    // The numerator was typed after the template was made: a conflict, shown with who and when and
    // both values; what was typed is kept unless the template's value is chosen.
    const conflicts = page.getByTestId('import-conflicts')
    await expect(conflicts).toContainText('diisi langsung oleh')
    await expect(conflicts.getByTestId('import-conflict').first()).toContainText('KOP.01')
    assert.equal(await conflicts.getByTestId('conflict-keep').locator('input').isChecked(), true, 'keeping what was typed is the default')
    // The cells kept say so in the list, not "diubah"; the ratio's denominator goes with its numerator.
    const kept = changes.getByTestId('change-kept')
    await expect(kept.first()).toHaveText('dipertahankan')
    const nKept = await kept.count()
    assert.ok(nKept >= 2, `the numerator and what goes with it are kept: ${nKept}`)
    assert.equal(nKept, await conflicts.getByTestId('import-conflict').count(), 'one kept cell per conflict')
    await shot(page, '24-import-preview-1366')
    await conflicts.getByTestId('conflict-take').click()
    await expect(kept).toHaveCount(0)
    await conflicts.getByTestId('conflict-keep').click()
    await expect(kept).toHaveCount(nKept)
    await page.getByTestId('commit-import').click()
    // Nothing written: the file's result counts the cells kept, the ratio's two parts (its target is computed).
    await expect(page.getByTestId('import-result-kept')).toContainText('2 sel isian langsung dipertahankan')
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-outcome', 'recorded')

    // The board names the file in full: wrapped, never cut.
    const file = page.getByTestId('board').locator('tr', { hasText: 'Kabupaten Bangka' }).first().locator('.file')
    await expect(file).toHaveText('Templat-Kabupaten-Bangka-2025.xlsx')
    await expect(file).toHaveAttribute('title', 'Templat-Kabupaten-Bangka-2025.xlsx')
    const cut = await file.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > el.closest('td').getBoundingClientRect().right + 1)
    assert.equal(cut, false, 'the file name is not cut')
    await file.scrollIntoViewIfNeeded()
    await shot(page, '25-board-1366')
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

test('several returned templates at once: each previewed and saved or skipped on its own, a wrong file and a lock file named in the results', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await new Shell(page).go('Ekspor/Impor')
    await page.getByTestId('make-templates').click()
    await expect(page.getByText('7 templat ditulis')).toBeVisible()
    const dir = join(app.dir, 'ekspor', 'Templat-2025')
    const bad = join(app.dir, 'Templat-rusak.xlsx')
    await writeFile(bad, 'bukan buku kerja')
    const lock = join(app.dir, '~$Templat-Kabupaten-Bangka-2025.xlsx')
    await writeFile(lock, 'kunci')
    // The one dialog stays open from the first file to the last: its content changes, it never closes between.
    await page.evaluate(() => {
      window.__previewClosed = 0
      let was = false
      new MutationObserver(() => {
        const is = !!document.querySelector('[data-testid="import-preview"]')
        if (was && !is) window.__previewClosed++
        was = is
      }).observe(document.body, { childList: true, subtree: true })
    })
    await page.getByTestId('import-file').setInputFiles([
      join(dir, 'Templat-Kabupaten-Bangka-2025.xlsx'), bad, join(dir, 'Templat-Kota-Pangkal-Pinang-2025.xlsx'), lock,
      join(dir, 'Templat-Kabupaten-Belitung-2025.xlsx'),
    ])
    // The first file's own preview, the queue's place said.
    await expect(page.getByTestId('queue-position')).toContainText('Berkas 1 dari 5: Templat-Kabupaten-Bangka-2025.xlsx')
    await expect(page.getByTestId('import-summary')).toContainText('Kabupaten Bangka, tahun 2025')
    await page.getByTestId('commit-import').click()
    // The wrong file is refused with its reason; the next one follows.
    await expect(page.getByTestId('queue-position')).toContainText('Berkas 2 dari 5: Templat-rusak.xlsx')
    await expect(page.getByTestId('import-refused')).toContainText('bukan berkas Excel')
    await page.getByTestId('skip-import').click()
    await expect(page.getByTestId('queue-position')).toContainText('Berkas 3 dari 5')
    await expect(page.getByTestId('import-summary')).toContainText('Kota Pangkal Pinang')
    await page.getByTestId('skip-import').click() // not this one
    // The lock file is not read: the fifth comes next.
    await expect(page.getByTestId('queue-position')).toContainText('Berkas 5 dari 5: Templat-Kabupaten-Belitung-2025.xlsx')
    assert.equal(await page.evaluate(() => window.__previewClosed), 0, 'the dialog did not close between files')
    await page.getByTestId('commit-import').click()
    await expect(page.getByTestId('import-tally')).toContainText('5 dari 5 berkas selesai: 2 tersimpan, 1 ditolak atau gagal, 2 dilewati.')
    const results = page.getByTestId('import-result')
    await expect(results.nth(0)).toContainText('Kabupaten Bangka')
    await expect(results.nth(0)).toHaveAttribute('data-outcome', 'recorded')
    await expect(results.nth(1)).toHaveAttribute('data-outcome', 'refused')
    await expect(results.nth(1)).toContainText('bukan berkas Excel')
    await expect(results.nth(2)).toHaveAttribute('data-outcome', 'skipped')
    await expect(results.nth(2)).toContainText('Kota Pangkal Pinang')
    await expect(results.nth(3)).toHaveAttribute('data-outcome', 'skipped')
    await expect(results.nth(3)).toContainText('berkas kunci Excel')
    await expect(results.nth(4)).toContainText('Kabupaten Belitung')
    await expect(page.getByTestId('board-summary')).toContainText('2 dari 7')
    await shot(page, '23-import-several')

  })
})
