import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { addChallenge, openMeeting, RENJA, Shell, startBangkaOffice } from './pages.mjs'

const browser = sharedBrowser()

/** Fills the new-meeting drawer and saves it. */
async function createMeeting(page, { title, date }) {
  await page.getByTestId('new-meeting').click()
  await page.getByTestId('meeting-title').locator('textarea').fill(title)
  for (const id of ['meeting-start', 'meeting-end']) {
    const input = page.getByTestId(id).locator('input')
    await input.fill(date.split('-').reverse().join('/'))
    await input.press('Enter')
  }
  await page.getByTestId('meeting-save').click()
  await expect(page.getByTestId('meeting-heading')).toHaveText(title)
}

async function tab(page, name) {
  await page.locator('.n-tabs-tab', { hasText: name }).first().click()
}

test('a rakor: participants by paste, agenda with minutes, a challenge and a decision, carried over to the next rakor', async () => {
  await withApp(browser(), {}, async (page) => {
    await startBangkaOffice(page)
    await new Shell(page).go('Rakor')
    await expect(page.getByText('Belum ada rakor')).toBeVisible()

    await createMeeting(page, { title: 'Rakor Penyusunan Renja 2025', date: '2024-02-23' })
    await expect(page.getByText('Jumat, 23 Februari 2024').first()).toBeVisible()

    // Participants pasted from a document: numbering and the header are skipped,
    // a line without an institution is reported, the rest are added at once.
    await tab(page, 'Peserta')
    await page.getByTestId('participants-paste').locator('textarea').fill([
      'No\tNama\tJabatan\tInstansi',
      '1.\tDrs. Jasmono, M.Si\tKepala Dinas\tDinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung',
      '2.\tRina Marlina\tKepala Bidang UKM\tDinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung',
      '3.\tAndi Pratama\tAnalis Perencanaan\tDinas Koperasi, UKM dan Perdagangan Kabupaten Bangka',
    ].join('\n'))
    await expect(page.getByTestId('participants-preview')).toContainText('Andi Pratama')
    await expect(page.getByText('Pratinjau: 3 peserta terbaca')).toBeVisible()
    await page.getByTestId('participants-add').click()
    await expect(page.getByTestId('participants')).toContainText('Drs. Jasmono, M.Si')
    await expect(page.getByTestId('participants-present')).toHaveText('3 dari 3 hadir')
    await expect(page.getByTestId('by-institution')).toContainText('2/2')
    await shot(page, '40-rakor-participants')

    // An agenda item with minutes, kept after a reload.
    await tab(page, 'Agenda dan notulen')
    await page.getByTestId('agenda-add').click()
    await page.getByTestId('agenda-title').locator('textarea').fill('Pemaparan capaian IKU 2023')
    await page.getByTestId('agenda-presenter').locator('input').fill('Kepala Bidang UKM')
    await page.getByTestId('agenda-start').locator('input').fill('09.00')
    await page.getByTestId('agenda-save').click()
    await expect(page.getByTestId('agenda')).toContainText('Pemaparan capaian IKU 2023')
    // Minutes save while typed, without leaving the box.
    const minutes = page.getByTestId('minutes-1').locator('textarea')
    await minutes.click()
    await page.keyboard.type('Capaian pertumbuhan wirausaha 0,59%.')
    await expect(page.getByTestId('minutes-state-1')).toHaveText('Tersimpan')
    await page.evaluate(() => localStorage.clear()) // from the backend, not a local copy
    await page.reload()
    await expect(minutes).toHaveValue('Capaian pertumbuhan wirausaha 0,59%.')
    // Typed and reloaded at once, before the save: nothing is lost either.
    await minutes.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Tindak lanjut segera.')
    await page.reload()
    await expect(minutes).toHaveValue('Capaian pertumbuhan wirausaha 0,59%. Tindak lanjut segera.')
    // Saved by the closing page or on return; the local copy goes once the backend has it.
    await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('selaras.minutes.')))
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await expect(minutes).toHaveValue('Capaian pertumbuhan wirausaha 0,59%. Tindak lanjut segera.')

    // A challenge and a decision.
    await tab(page, 'Permasalahan')
    await addChallenge(page, 'Pembiayaan', 'Akses permodalan UMKM ke perbankan masih rendah')
    await expect(page.getByTestId('challenge-group')).toContainText('Akses permodalan UMKM')

    await tab(page, 'Kesepakatan')
    await page.getByTestId('decision-add').click()
    await page.getByTestId('decision-text').locator('textarea').fill('Menyusun basis data UMKM terpadu bersama kabupaten/kota')
    await page.getByTestId('decision-save').click()
    await expect(page.getByTestId('decisions')).toContainText('Menyusun basis data UMKM terpadu')
    await page.keyboard.press('Escape')
    await shot(page, '41-rakor-decisions')

    // The next rakor opens with the open decision as its first agenda item.
    await page.getByText('Semua rakor').click()
    await createMeeting(page, { title: 'Rakor Evaluasi Triwulan I', date: '2024-04-18' })
    await expect(page.getByText(/1 kesepakatan terbuka dari rakor sebelumnya/)).toBeVisible()
    await expect(page.locator('[data-agenda="1"]')).toContainText('Tindak lanjut hasil rakor sebelumnya')
    await expect(page.getByTestId('carried')).toContainText('Menyusun basis data UMKM terpadu')
    await shot(page, '42-rakor-carry-over')

    await page.getByText('Semua rakor').click()
    await expect(page.getByTestId('meetings')).toContainText('Rakor Evaluasi Triwulan I')
  })
})

test('the demo rakor of Bangka Belitung with its snapshot; a new snapshot keeps its figures', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await new Shell(page).go('Rakor')
    await expect(page.getByTestId('meetings')).toContainText(RENJA)
    await page.getByTestId('meetings').locator('tr', { hasText: RENJA }).click()
    await expect(page.getByTestId('meeting-heading')).toContainText('Renja')
    await shot(page, '43-rakor-demo-meeting')
    await tab(page, 'Cuplikan angka')
    await page.getByTestId('snapshot-take').click()
    await expect(page.getByText(/Angka dibekukan: \d+ indikator/)).toBeVisible()
    await page.getByTestId('snapshots').locator('tr', { hasText: 'Angka yang ditayangkan' }).last().getByText('Lihat').click()
    await expect(page.getByTestId('snapshot-matrix')).toContainText('17,65%')
    await shot(page, '44-rakor-snapshot')
  })
})

test('the decision register marks overdue decisions; a follow-up closes one; the challenge overview counts by category', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await new Shell(page).go('Rakor')
    await page.getByTestId('rakor-tabs').getByText('Register kesepakatan').click()
    await expect(page.getByTestId('register')).toContainText('Penyusunan Rencana Kerja')
    await page.getByTestId('register-overdue').click()
    await expect(page.locator('[data-testid=register] [data-overdue=true]').first()).toBeVisible()
    const before = Number((await page.getByTestId('register-counts').locator('.n').nth(2).innerText()).trim())
    assert.ok(before > 0, 'the demo has overdue decisions')
    await shot(page, '45-register-overdue')

    // A follow-up that closes the first overdue decision takes it off the list.
    await page.locator('[data-testid=register] tbody tr').first().click()
    await page.getByTestId('fu-progress').locator('textarea').fill('Basis data telah diserahkan ke kementerian')
    await page.getByTestId('fu-status').click()
    await page.locator('.n-base-select-option', { hasText: 'Selesai' }).first().click()
    await page.getByTestId('fu-add').click()
    await expect(page.getByTestId('follow-ups')).toContainText('Basis data telah diserahkan')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('register-counts').locator('.n').nth(2)).toHaveText(String(before - 1))

    await page.getByTestId('rakor-tabs').getByText('Permasalahan').click()
    await expect(page.getByTestId('chart-category').locator('canvas')).toBeVisible()
    await expect(page.getByTestId('challenges')).toContainText('permodalan')
    const total = Number((await page.getByTestId('challenge-counts').locator('.n').first().innerText()).trim())
    await addChallenge(page, 'Digitalisasi', 'Pelaku UMKM belum memanfaatkan pemasaran digital')
    await expect(page.getByTestId('challenge-counts').locator('.n').first()).toHaveText(String(total + 1))
    await expect(page.getByTestId('challenges')).toContainText('pemasaran digital')
    await page.waitForTimeout(500) // the drawer slides out
    await shot(page, '46-challenges-overview')
  })
})

test('the printed Notulen and Berita Acara of the demo rakor', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await openMeeting(page, RENJA)
    await page.getByTestId('print-ba').click()
    await expect(page.getByTestId('ba-opening')).toContainText(
      'Pada hari ini Jumat tanggal dua puluh tiga bulan Februari tahun dua ribu dua puluh empat')
    const doc = page.getByTestId('print-doc')
    for (const heading of ['BERITA ACARA', 'Lampiran I: Daftar Hadir', 'Lampiran II: Kesepakatan', 'Lampiran III: Hal yang Belum Disepakati']) {
      await expect(doc).toContainText(heading)
    }
    await expect(doc).toContainText('Riza Aryani')
    await expect(page.getByTestId('print-demo')).toContainText('CONTOH — data demo')
    // The body numbers the decisions as Lampiran II does, with the same text.
    const body = await page.getByTestId('ba-agreed').locator('li').evaluateAll((lis) => lis.map((li) => `${li.value} ${li.textContent.trim()}`))
    const annex = await page.getByTestId('ba-lampiran-2').locator('tr').evaluateAll((trs) =>
      trs.map((tr) => `${tr.cells[0].textContent.trim()} ${tr.cells[1].textContent.trim()}`))
    assert.ok(body.length >= 5, `agreed decisions in the body: ${body.length}`)
    assert.deepEqual(body, annex)
    assert.deepEqual(body.map((line) => Number(line.split(' ')[0])), body.map((_, i) => i + 1))
    await shot(page, '47-berita-acara')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.toolbar').isVisible(), false, 'the toolbar is not printed')
    await shot(page, '48-berita-acara-print')
    // Printed: the demo band on every page (a table head the browser
    // repeats), the kop from Go's record on the first.
    const pdf = join(mkdtempSync(join(tmpdir(), 'selaras-print-')), 'berita-acara.pdf')
    await page.pdf({ path: pdf, preferCSSPageSize: true })
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f').filter((p) => p.trim())
    assert.ok(pages.length >= 3, `printed pages: ${pages.length}`)
    pages.forEach((p, i) => assert.match(p, /CONTOH — data demo/, `page ${i + 1} of ${pages.length} carries the demo band`))
    assert.match(pages[0], /PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG/)
    await page.emulateMedia({ media: 'screen' })

    await page.getByTestId('print-back').click()
    await page.getByTestId('print-notulen').click()
    await expect(doc).toContainText('NOTULEN')
    await expect(doc).toContainText('Pokok pembahasan')
    await expect(doc).toContainText('1.000 sertifikat halal')
    await shot(page, '49-notulen')
  })
})

test('a decision\'s text saves while typed, and a new one\'s is kept until Simpan', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    await openMeeting(page, RENJA)
    await tab(page, 'Kesepakatan')
    await page.getByTestId('decisions').locator('tr[data-decision="1"]').click()
    const text = page.getByTestId('decision-text').locator('textarea')
    await text.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Paling lambat akhir Maret.')
    await expect(page.getByTestId('decision-save-state')).toHaveText('Tersimpan')
    await shot(page, '58-decision-autosave')
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await tab(page, 'Kesepakatan')
    await expect(page.getByTestId('decisions').locator('tr[data-decision="1"]')).toContainText('Paling lambat akhir Maret.')

    // A new decision cannot be saved before Simpan: its text waits on this computer.
    await page.getByTestId('decision-add').click()
    await page.getByTestId('decision-text').locator('textarea').fill('Draf kesepakatan yang belum disimpan')
    await expect(page.getByTestId('decision-save-state')).toHaveText('Draf tersimpan di komputer ini')
    await page.reload()
    await tab(page, 'Kesepakatan')
    await page.getByTestId('decision-add').click()
    await expect(page.getByTestId('decision-text').locator('textarea')).toHaveValue('Draf kesepakatan yang belum disimpan')
  })
})
