import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, withApp } from './harness.mjs'
import { openMeeting, RENJA } from './pages.mjs'
import { entryNames, entryText } from './xlsx.mjs'

// The meeting room, tested as a room: the secretariat opens it from the
// meeting, the deck shows its QR code, and phones (a small Android and an
// iPhone, emulated with touch) open the link, fill in the Daftar Hadir,
// sign with a finger and follow the decisions, against the real backend.
// The room listens on loopback here (--room-addr); in a meeting it listens
// on the laptop's Wi-Fi or hotspot address.

const browser = sharedBrowser()

const ANDROID = {
  viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'id-ID',
  userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
}
const IPHONE = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'id-ID',
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
}

/** A phone on the room's network: every request it makes to another host is refused and recorded. */
async function phone(device, url) {
  const context = await browser().newContext(device)
  const host = new URL(url).host
  const elsewhere = []
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url())
    if (u.host === host || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue()
    elsewhere.push(u.href)
    return route.abort()
  })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (404|410)/.test(m.text())) errors.push('console: ' + m.text())
  })
  await page.goto(url)
  return { page, context, elsewhere, errors }
}

/** Draws a signature on the pad with a finger: touch events, as a phone sends them. */
async function sign(page) {
  await page.locator('#pad').scrollIntoViewIfNeeded()
  const box = await page.locator('#pad').boundingBox()
  const cdp = await page.context().newCDPSession(page)
  const at = (t, k) => ({ x: box.x + box.width * (0.12 + 0.76 * t), y: box.y + box.height * (0.55 - 0.3 * Math.sin(t * Math.PI * k) * (1 - t / 2)) })
  for (const [from, to, k] of [[0, 0.55, 7], [0.5, 1, 5]]) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(from, k)] })
    for (let i = 1; i <= 30; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(from + ((to - from) * i) / 30, k)] })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }
  await cdp.detach()
}

/** Fills the phone's Daftar Hadir, signs and sends it. */
async function fillIn(page, { name, nip = '', position = '', institution = '', region = '' }) {
  await page.locator('#name').fill(name)
  await page.locator('#nip').fill(nip)
  await page.locator('#position').fill(position)
  await page.locator('#institution').fill(institution)
  if (region) await page.locator('#region').selectOption(region)
  await sign(page)
}

/** A whole phone page, top to bottom, when SELARAS_SHOTS names a folder. */
async function fullShot(page, name) {
  if (!process.env.SELARAS_SHOTS) return
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(process.env.SELARAS_SHOTS, name + '.png'), fullPage: true })
}

/** The newest workbook the bridge wrote into the config folder's "ekspor". */
async function newestExport(dir) {
  const files = (await readdir(join(dir, 'ekspor'))).filter((f) => f.endsWith('.xlsx'))
  const times = await Promise.all(files.map(async (f) => [(await stat(join(dir, 'ekspor', f))).mtimeMs, f]))
  times.sort((a, b) => b[0] - a[0])
  return join(dir, 'ekspor', times[0][1])
}

test('phones sign the Daftar Hadir of the Bangka Belitung rakor and follow its decisions live', async () => {
  await withApp(browser(), { demo: true, args: ['--room-addr', '127.0.0.1:0'] }, async (page, app) => {
    // The Renja rakor takes place today.
    const today = await page.evaluate(async (title) => {
      const rakor = window.go.app.Rakor
      const list = await rakor.Meetings()
      const m = list.find((x) => x.meeting.title.includes(title)).meeting
      const d = new Date()
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
      await rakor.SaveMeeting({ ...m, startDate: iso, endDate: iso })
      return iso
    }, RENJA)
    await openMeeting(page, RENJA)
    await page.getByTestId('room-button').click()
    await expect(page.getByTestId('room-panel')).toBeVisible()
    await expect(page.getByTestId('room-qr')).toBeVisible()
    const url = (await page.getByTestId('room-url').innerText()).trim()
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/r\/[2-9A-HJKMNP-Z]{6}$/)
    await shot(page, '60-room-panel')
    await page.keyboard.press('Escape')
    await page.locator('.n-tabs-tab', { hasText: 'Peserta' }).first().click()
    await expect(page.getByTestId('participants')).toBeVisible()

    // The deck's slide of the room, at the projector's size.
    const wall = await openPage(browser(), app.url, { width: 1920, height: 1080 })
    await wall.page.goto(app.url.replace(/\/\?.*$/, '/#/rakor'))
    await wall.page.getByTestId('meetings').locator('tr', { hasText: RENJA }).click()
    await wall.page.getByTestId('open-deck').click()
    await expect(wall.page.locator('[data-slide]')).toHaveAttribute('data-slide', 'title')
    await wall.page.keyboard.press('ArrowRight')
    await expect(wall.page.locator('[data-slide]')).toHaveAttribute('data-slide', 'room')
    await expect(wall.page.getByTestId('room-slide-url')).toHaveText(url.replace('http://', ''))
    const qr = await wall.page.getByTestId('room-slide-qr').boundingBox()
    assert.ok(qr.height >= 700, `the QR code fills the wall's height (${qr.height}px)`)
    await shot(wall.page, '61-room-slide-1920x1080')

    // A small Android: a listed participant, found by name; the form checks the NIP.
    const android = await phone(ANDROID, url)
    await expect(android.page.locator('#title')).toContainText('Rencana Kerja')
    await expect(android.page.locator('#day-line')).toContainText('Daftar hadir')
    await fillIn(android.page, {
      name: 'Koko Haryono', nip: '1969 0101 1994', position: 'Sekretaris Deputi Usaha Kecil dan Menengah',
      institution: 'Kementerian Koperasi dan UKM',
    })
    await fullShot(android.page, '62-room-phone-form')
    await android.page.locator('#send').click()
    await expect(android.page.locator('#errors')).toContainText('NIP terdiri atas 18 angka')
    await android.page.locator('#nip').fill('19690101 199403 1 002')
    await android.page.locator('#send').click()
    await expect(android.page.locator('#done')).toContainText('Terima kasih, Koko Haryono')
    await fullShot(android.page, '63-room-phone-done')

    // The secretariat's list shows the signature without a reload.
    const koko = page.getByTestId('participants').locator('tr', { hasText: 'Koko Haryono' })
    await expect(koko.getByTestId('signed-tags')).toContainText('✓')
    await expect(koko).toContainText('NIP 19690101 199403 1 002')
    await expect(wall.page.getByTestId('room-slide-signed')).toHaveText('1')

    // An iPhone: someone not listed, added to the end; then the decisions.
    const iphone = await phone(IPHONE, url)
    await fillIn(iphone.page, {
      name: 'Dra. Maria Latuconsina, M.Si', nip: '197203152000032001', position: 'Kepala Bidang UMKM',
      institution: 'Dinas KUKM Kota Pangkal Pinang', region: '19.71',
    })
    await iphone.page.locator('#send').click()
    await expect(iphone.page.locator('#done')).toContainText('Terima kasih, Dra. Maria Latuconsina, M.Si')
    await expect(page.getByTestId('participants')).toContainText('Dra. Maria Latuconsina, M.Si')
    await page.getByTestId('participants').locator('tr', { hasText: 'Koko Haryono' }).scrollIntoViewIfNeeded()
    await shot(page, '65-room-participants')
    // The page's own words in English on request; the meeting stays in Indonesian.
    await iphone.page.locator('#lang').click()
    await expect(iphone.page.locator('#tab-ikuti')).toHaveText('Agenda & decisions')
    await expect(iphone.page.locator('#done')).toContainText('Thank you, Dra. Maria Latuconsina, M.Si')
    await iphone.page.locator('#lang').click()
    await expect(iphone.page.locator('#tab-ikuti')).toHaveText('Agenda & kesepakatan')
    await iphone.page.locator('#tab-ikuti').click()
    await expect(iphone.page.locator('#decisions')).toContainText('Menyusun matriks sinkronisasi')
    assert.equal(await iphone.page.locator('#decisions').innerText().then((t) => t.includes('Riza Aryani')), false)

    // A decision typed on the laptop reaches the phone live.
    const typed = Date.now()
    await page.evaluate(async (title) => {
      const list = await window.go.app.Rakor.Meetings()
      const m = list.find((x) => x.meeting.title.includes(title)).meeting
      await window.go.app.Rakor.SaveDecision({ meetingId: m.id, text: 'Daftar hadir rakor berikutnya diisi di ponsel.', status: 'baru' })
    }, RENJA)
    await expect(iphone.page.locator('#decisions')).toContainText('Daftar hadir rakor berikutnya diisi di ponsel.')
    assert.ok(Date.now() - typed < 5000)
    await expect(iphone.page.locator('#live')).toBeVisible()

    // Downloads, once the secretariat allows them.
    assert.equal(await iphone.page.locator('#downloads').isVisible(), false)
    await page.getByTestId('room-button').click()
    await page.getByTestId('room-downloads').click()
    await expect(iphone.page.locator('#downloads')).toBeVisible()
    await fullShot(iphone.page, '64-room-phone-decisions')
    const pdf = await iphone.page.evaluate(async () => {
      const r = await fetch(document.querySelector('#pdf').href)
      return { status: r.status, head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) }
    })
    assert.deepEqual(pdf, { status: 200, head: '%PDF-' })

    // The exported Daftar Hadir carries both signatures, in the signature column.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Ekspor Excel' }).click()
    await expect(page.locator('.n-message')).toContainText('.xlsx')
    const book = await newestExport(app.dir)
    const media = (await entryNames(book)).filter((n) => n.startsWith('xl/media/') && n.endsWith('.png'))
    assert.equal(media.length, 2, media.join())
    const drawing = await entryText(book, 'xl/drawings/drawing1.xml')
    const cols = [...drawing.matchAll(/<xdr:oneCellAnchor>\s*<xdr:from>\s*<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => m[1])
    assert.deepEqual(cols, ['7', '7'], 'both in column H, Tanda Tangan')

    // The printed Lampiran I shows them too.
    await page.getByTestId('print-ba').click()
    await expect(page.getByTestId('print-doc')).toBeVisible()
    await expect(page.getByTestId('print-signed')).toHaveCount(2)
    await page.getByTestId('print-signed').first().scrollIntoViewIfNeeded()
    await shot(page, '66-room-lampiran')

    // Closing the room ends the phones' connection: they say so.
    await page.goBack()
    await page.getByTestId('room-button').click()
    await page.getByTestId('room-close').click()
    await page.locator('.n-popconfirm').getByRole('button', { name: /OK|Ya|Konfirmasi/ }).click().catch(async () => {
      await page.locator('.n-popconfirm .n-button--primary-type').click()
    })
    await expect(page.getByTestId('room-closed')).toBeVisible()
    await expect(iphone.page.locator('#closed')).toBeVisible()
    await expect(wall.page.getByTestId('room-slide-open')).toBeVisible()

    for (const p of [android, iphone]) {
      assert.deepEqual(p.elsewhere, [], 'a phone reaches nothing but the room')
      assert.deepEqual(p.errors, [], 'no page errors on the phone')
      await p.context.close()
    }
    assert.deepEqual(wall.errors, [])
    await wall.page.close()
    assert.ok(today)
  })
})
