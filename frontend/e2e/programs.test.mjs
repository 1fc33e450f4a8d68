import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Shell, startBangkaOffice } from './pages.mjs'

const browser = sharedBrowser()

/** Expands a row of the program tree by its code. */
async function expand(page, code) {
  const row = page.locator('[data-testid=program-tree] tr', { hasText: code }).first()
  await row.locator('.n-data-table-expand-trigger').click()
}

/** The hover title of the province cell of an indicator in the comparison matrix. */
function provinceCell(page, code) {
  return page.locator(`[data-testid=matrix] tr[data-indicator="${code}"] td.ref.cell`)
}

test('a sub-kegiatan with a plan line updates the totals and the flags; a code that does not fit its kegiatan is refused', async () => {
  await withApp(browser(), {}, async (page) => {
    await startBangkaOffice(page)
    await new Shell(page).go('Program')
    await expect(page.getByTestId('program-totals')).toContainText('Rp0')

    await expand(page, '2.17.08')
    await page.getByTestId('add-sub-2.17.08.1.01').click()
    // A regency code (L = 2) under a province kegiatan is refused with the reason.
    await page.getByTestId('sub-code').locator('input').fill('2.17.08.2.01.0001')
    await page.getByTestId('sub-name').locator('input').fill('Fasilitasi Sertifikasi Halal bagi Usaha Kecil')
    await page.getByTestId('sub-save').click()
    await expect(page.getByText('Kode sub-kegiatan').first()).toBeVisible()
    await expect(page.locator('.n-form-item-feedback--error').first()).toBeVisible()
    await shot(page, '30-sub-code-refused')

    await page.getByTestId('sub-code').locator('input').fill('2.17.08.1.01.0001')
    await page.getByTestId('sub-indicators').click()
    await page.keyboard.type('UKM.05')
    await page.locator('.n-base-select-option', { hasText: 'UKM.05' }).first().click()
    await page.keyboard.press('Escape')
    await page.getByTestId('sub-save').click()
    await expect(page.getByTestId('add-line-2.17.08.1.01.0001')).toBeVisible()

    await page.getByTestId('add-line-2.17.08.1.01.0001').click()
    await page.getByTestId('plan-output').locator('input').fill('Sertifikat halal yang diterbitkan')
    await page.getByTestId('plan-target').locator('input').fill('1.000')
    await page.getByTestId('plan-pagu').locator('input').fill('Rp 1,5 miliar')
    await page.getByTestId('plan-save').click()
    await expect(page.getByText('Satuan wajib diisi.').first()).toBeVisible()
    await page.getByTestId('plan-unit').locator('input').fill('sertifikat')
    await page.getByTestId('plan-save').click()
    await expect(page.getByTestId('program-totals')).toContainText('Rp1.500.000.000')
    await expect(page.getByTestId('by-fund')).toContainText('APBD Provinsi')
    await shot(page, '31-program-tree')

    // The indicator the sub-kegiatan serves loses its "no program" flag; the others keep it.
    await new Shell(page).go('Perbandingan Target')
    await expect(provinceCell(page, 'KOP.01')).toHaveAttribute('title', /Belum ada program yang mendukung/)
    const halal = await provinceCell(page, 'UKM.05').getAttribute('title')
    assert.doesNotMatch(halal, /Belum ada program/)
    assert.match(halal, /Sertifikat halal/)
  })
})

test('the demo crosswalk opens on a planned indicator and shows what each level plans', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await new Shell(page).go('Program')
    await expect(page.getByTestId('program-totals')).toContainText('Rp')
    await page.locator('.n-tabs-tab', { hasText: 'Sinkronisasi pusat' }).click()
    const province = page.locator('[data-testid=crosswalk] [data-region="19"]')
    await expect(province).toBeVisible()
    assert.equal(await province.evaluate((el) => el.classList.contains('missing')), false, 'the province plans for it')
    assert.doesNotMatch(await province.locator('.pagu').innerText(), /^Rp0$/)
    // A level without a plan is marked, not hidden.
    assert.ok(await page.locator('[data-testid=crosswalk] .col.missing').count() > 0)
    await shot(page, '32-crosswalk')

    // By central program: the ministry's program with the regional plans that support it.
    await page.getByTestId('cross-by').getByText('Per program pusat').click()
    await expect(page.getByTestId('cross-central')).toContainText('KEMENKOP-01')
    await expect(page.locator('[data-testid=crosswalk] .col').first()).toContainText('Program Pemberdayaan dan Modernisasi Koperasi')
    await expect(page.locator('[data-testid=crosswalk] [data-region="19"]')).toBeVisible()
    await expect(page.locator('[data-testid=cross-by] .n-radio-button--checked')).toHaveText('Per program pusat')
    await shot(page, '32b-crosswalk-central')

    // A central output added by hand, with what the ministry plans this year.
    await page.locator('.n-tabs-tab', { hasText: 'Program pusat' }).click()
    await page.getByTestId('central-add').click()
    await page.getByTestId('central-code').locator('input').fill('KRO.QDB')
    await page.getByTestId('central-name').locator('textarea').fill('Fasilitasi sertifikasi halal usaha mikro')
    await page.getByTestId('central-pagu').locator('input').fill('12.500.000.000')
    await page.getByTestId('central-save').click()
    await expect(page.getByTestId('central')).toContainText('KRO.QDB')
    await expect(page.getByTestId('central')).toContainText('Rp12.500.000.000')
    await shot(page, '33-central')

    // And deleted again, after a confirmation.
    await page.getByTestId('central').locator('tr', { hasText: 'KRO.QDB' }).click()
    await page.getByTestId('central-delete').click()
    await page.locator('.n-popconfirm').getByRole('button', { name: 'Setuju' }).click()
    await expect(page.getByTestId('central').locator('tr', { hasText: 'KRO.QDB' })).toHaveCount(0)
  })
})
