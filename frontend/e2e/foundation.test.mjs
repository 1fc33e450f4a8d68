import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { ProfileForm, Regions, Shell, Welcome } from './pages.mjs'

const browser = sharedBrowser()

describe('first start', () => {
  test('a new office fills in its profile and lands on its home screen', () =>
    withApp(browser(), {}, async (page) => {
      const welcome = new Welcome(page)
      await expect(welcome.heading).toBeVisible()
      await shot(page, '01-welcome')
      await welcome.startOffice()

      await expect(page.getByRole('heading', { name: 'Lengkapi profil kantor' })).toBeVisible()
      const form = new ProfileForm(page)
      await form.submit()
      await expect(page.getByText('Provinsi wajib diisi.').first()).toBeVisible()

      await form.chooseProvince('Kalimantan Tengah')
      await form.suggestOfficeName()
      assert.equal(await form.officeName.inputValue(), 'Dinas Koperasi dan UKM Provinsi Kalimantan Tengah')
      await form.nip.fill('1970 01')
      await form.submit()
      await expect(page.getByText('NIP kepala dinas tidak valid: NIP terdiri atas 18 angka').first()).toBeVisible()
      // The error stays on its field, red, after the toast has gone, until the NIP changes.
      const nipItem = page.locator('.n-form-item', { has: form.nip })
      await page.waitForTimeout(3500)
      await expect(nipItem.locator('.n-form-item-feedback')).toContainText('NIP terdiri atas 18 angka')
      await expect(nipItem.locator('.n-input')).toHaveAttribute('class', /n-input--error-status/)
      await shot(page, '02-first-start-error')

      await form.nip.fill('19700101 199503 2 001')
      await form.submit()
      await expect(page.getByRole('heading', { name: 'Ruang kerja Dinas Koperasi dan UKM Provinsi Kalimantan Tengah' })).toBeVisible()
      await expect(page.getByText('14', { exact: true })).toBeVisible()
      await shot(page, '03-home-office')

      // The profile and the workspace survive a restart of the page.
      await page.reload()
      await expect(page.getByRole('heading', { name: /Provinsi Kalimantan Tengah/ })).toBeVisible()
      await expect(page.getByTestId('demo-badge')).toHaveCount(0)
    }))

  test('the demo workspace is labelled as demo', () =>
    withApp(browser(), {}, async (page) => {
      await new Welcome(page).openDemo()
      await expect(page.getByTestId('demo-badge')).toBeVisible()
      await expect(page.getByTestId('demo-notice')).toBeVisible()
      await expect(page.getByRole('heading', { name: /Kepulauan Bangka Belitung/ })).toBeVisible()
      await shot(page, '04-home-demo')

      // The demo holds the meetings of the seed reports.
      await new Shell(page).go('Rakor')
      await expect(page.getByTestId('meetings')).toContainText('Rakorda Perencanaan Pusat dan Daerah')
    }))
})

describe('start', () => {
  test('the home screen is drawn whole from the first call, and the page marks its start', () =>
    withApp(browser(), { demo: true }, async (page) => {
      await expect(page.getByRole('heading', { name: /Kepulauan Bangka Belitung/ })).toBeVisible()
      // The province's kab/kota come with the first call (api.workspace.boot).
      await expect(page.getByText(/Kab\. Bangka Barat/).first()).toBeVisible()
      await page.waitForFunction(() => performance.getEntriesByName('selaras:painted').length === 1)
      const marks = await page.evaluate(() => ['script', 'mounted', 'data', 'painted']
        .map((n) => performance.getEntriesByName('selaras:' + n)[0]?.startTime ?? -1))
      assert.ok(marks.every((m) => m >= 0), `every start mark is set: ${marks}`)
      assert.deepEqual([...marks].sort((a, b) => a - b), marks, 'the marks come in start order')
    }))
})

describe('language', () => {
  test('switching to English is remembered', () =>
    withApp(browser(), { demo: true }, async (page) => {
      const shell = new Shell(page)
      await expect(shell.nav.getByRole('link', { name: 'Perbandingan Target' })).toBeVisible()
      await shell.language('en')
      await expect(shell.nav.getByRole('link', { name: 'Target comparison' })).toBeVisible()
      await page.reload()
      await expect(shell.nav.getByRole('link', { name: 'Target comparison' })).toBeVisible()
      await shot(page, '05-home-english')
      await shell.language('id')
      await expect(shell.nav.getByRole('link', { name: 'Beranda' })).toBeVisible()
    }))
})

describe('regions', () => {
  test('searching the official list, home province first', () =>
    withApp(browser(), { demo: true }, async (page) => {
      await new Shell(page).go('Wilayah')
      const regions = new Regions(page)
      await expect(regions.count).toHaveText('552 wilayah')
      await expect(regions.rows.first()).toHaveAttribute('data-code', '19')
      await expect(regions.row('19.01').getByText('Provinsi asal')).toBeVisible()
      await shot(page, '06-regions')

      await regions.search.fill('belitung timur')
      await expect(regions.count).toHaveText('1 wilayah')
      await expect(regions.row('19.06')).toContainText('Kabupaten Belitung Timur')

      await regions.search.fill('35.78')
      await expect(regions.row('35.78')).toContainText('Kota Surabaya')

      await regions.search.fill('atlantis')
      await expect(page.getByText('Tidak ada wilayah yang cocok.')).toBeVisible()
    }))
})
