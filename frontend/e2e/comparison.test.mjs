import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Comparison, Shell, startBangkaOffice } from './pages.mjs'

const browser = sharedBrowser()

test('entering values by typing and pasting makes flags appear; a bad block saves nothing', async () => {
  await withApp(browser(), {}, async (page) => {
    await startBangkaOffice(page)
    await new Shell(page).go('Perbandingan Target')
    const cmp = new Comparison(page)
    await expect(cmp.matrix).toBeVisible()
    // A new workspace has the starter catalogue and no values: every target is missing.
    await expect(cmp.matrixCell('KOP.01', '19.01')).toContainText('∅')

    await cmp.tab('Isian data')
    await cmp.typeInto('19', 'KOP.01', '17,65%')
    await expect(cmp.gridCell('19', 'KOP.01')).toHaveText('17,65%')
    // Every value keeps its history.
    await cmp.gridCell('19', 'KOP.01').click()
    await page.getByTestId('history-button').click()
    await expect(page.getByText('Target: – → 17,65%')).toBeVisible()
    await page.keyboard.press('Escape')

    // Two regency targets copied from Excel: Indonesian decimals, CRLF, trailing newline.
    await cmp.paste('19.01', 'KOP.01', '18,2\r\n9,5\r\n')
    await expect(cmp.gridCell('19.01', 'KOP.01')).toHaveText('18,20%')
    await expect(cmp.gridCell('19.02', 'KOP.01')).toHaveText('9,50%')
    await shot(page, '10-entry-grid')

    // A block with one bad cell is refused whole and the cell says why.
    await cmp.paste('19.03', 'KOP.01', '12,5\n12,3,4\n')
    await expect(cmp.gridErrors).toBeVisible()
    await expect(cmp.gridCell('19.04', 'KOP.01')).toContainText('12,3,4')
    await expect(cmp.gridCell('19.03', 'KOP.01')).toHaveText('')
    await shot(page, '11-entry-grid-error')

    await cmp.tab('Matriks')
    await cmp.filterFlag('Di bawah target provinsi')
    await expect(cmp.matrixCell('KOP.01', '19.02')).toContainText('P')
    await expect(cmp.matrixCell('KOP.01', '19.01')).toContainText('18,20%')
    const marks = await cmp.matrixCell('KOP.01', '19.01').innerText()
    assert.ok(!marks.includes('P'), 'a regency above the provincial target is not flagged')
    await shot(page, '12-matrix-flag')

    // One click from a flagged cell to the entry grid, focused on that cell.
    await cmp.matrixCell('KOP.01', '19.02').click()
    await expect(page.locator('td.focus[data-cell="19.02|KOP.01"]')).toBeVisible()
  })
})

test('the demo shows the seeded figures with chart and flags', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await new Shell(page).go('Perbandingan Target')
    const cmp = new Comparison(page)
    await expect(cmp.matrix).toBeVisible()
    await expect(page.locator('tr[data-indicator="KOP.01"]')).toContainText('17,65%')
    await expect(page.locator('tr[data-indicator="UKM.05"]')).toContainText('1.000')
    await shot(page, '13-matrix-demo')
    await cmp.tab('Per indikator')
    await expect(page.getByTestId('regency-chart')).toBeVisible()
    await expect(page.getByTestId('indicator-table')).toContainText('Kota Pangkal Pinang')
    await shot(page, '14-indicator-chart')
    await page.getByRole('button', { name: 'Simpan grafik (PNG)' }).click()
    await expect(page.getByText('Grafik disimpan:')).toBeVisible()
    const png = await readFile(join(app.dir, 'ekspor', 'Grafik-KOP.01-Kepulauan Bangka Belitung-2025.png'))
    assert.equal(png.subarray(1, 4).toString(), 'PNG')

    // Export: the bridge has no save dialog and writes into the config folder's "ekspor".
    await page.getByTestId('export-button').click()
    await expect(page.getByText('Berkas Excel disimpan:')).toBeVisible()
    const file = join(app.dir, 'ekspor', 'Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx')
    const head = (await readFile(file)).subarray(0, 2).toString()
    assert.equal(head, 'PK', 'an xlsx is a zip file')
  })
})
