import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { launchBrowser, openPage, shot, startApp } from './harness.mjs'
import { Shell } from './pages.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

test('templates go out, a returned template is previewed, a wrong file is refused with the reason', async () => {
  const app = await startApp({ demo: true })
  const { page, errors } = await openPage(browser, app.url)
  try {
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
    await shot(page, '20-import-preview')

    // Something that is not a workbook.
    const bad = join(app.dir, 'rekap.xlsx')
    await writeFile(bad, 'kode;nilai\nKOP.01;17,65\n')
    await page.getByTestId('import-file').setInputFiles(bad)
    await expect(page.getByTestId('import-refused')).toContainText('bukan berkas Excel')
    await shot(page, '21-import-refused')
    assert.deepEqual(errors, [])
  } finally {
    await page.close()
    await app.stop()
  }
})
