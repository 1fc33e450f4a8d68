// Two PCs on one shared workspace: two backends (`selaras serve --db
// postgres://…`) on one PostgreSQL database. What is typed at one shows at
// the other without a reload. Needs the test cluster (SELARAS_TEST_PG, see
// scripts/pg-test.sh); skipped without it unless SELARAS_REQUIRE_PG is set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, startApp } from './harness.mjs'
import { Comparison, openMeeting, RENJA, Shell } from './pages.mjs'

const admin = process.env.SELARAS_TEST_PG ?? ''
const skip = !admin && !process.env.SELARAS_REQUIRE_PG ? 'no PostgreSQL test server (SELARAS_TEST_PG)' : false
const bin = process.env.SELARAS_BIN ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../build/e2e/selaras')
const browser = sharedBrowser()

/** A fresh database on the test server holding the demo workspace; returns its URL and how to drop it. */
function demoDatabase() {
  assert.ok(admin, 'SELARAS_REQUIRE_PG is set but SELARAS_TEST_PG is not: start scripts/pg-test.sh')
  const name = 'live_' + randomBytes(5).toString('hex')
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE "${name}"`])
  const url = new URL(admin)
  url.pathname = '/' + name
  execFileSync(bin, ['demo', '--db', url.href])
  return { url: url.href, drop: () => execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]) }
}

/**
 * Two PCs on one fresh demo database: A at 1366x768, B the projector at
 * 1920x1080. fn gets both pages and A's app (its folder holds A's exports);
 * no page error may occur, and everything is closed and dropped afterwards.
 */
async function twoPCs(fn) {
  const db = demoDatabase()
  const apps = []
  const pages = []
  try {
    for (let i = 0; i < 2; i++) apps.push(await startApp({ args: ['--db', db.url] }))
    const a = await openPage(browser(), apps[0].url)
    const b = await openPage(browser(), apps[1].url, { width: 1920, height: 1080 })
    pages.push(a, b)
    await fn(a, b, apps[0])
    for (const { errors } of pages) assert.deepEqual(errors, [], 'no page errors')
  } finally {
    for (const { page } of pages) await page.close()
    for (const app of apps) await app.stop()
    db.drop()
  }
}

test('a decision typed at one PC shows on the deck projected from another, and in its register', { skip }, async (t) => {
  await twoPCs(async (a, b) => {

    // Both open the deck of the Renja rakor; B is the projector.
    for (const { page } of [a, b]) {
      await openMeeting(page, RENJA)
      await page.getByTestId('open-deck').click()
      await expect(page.locator('[data-slide]')).toHaveAttribute('data-slide', 'title')
      await page.keyboard.press('End')
      await expect(page.locator('[data-slide]')).toHaveAttribute('data-slide', 'decisions')
    }

    // Someone at B starts typing a decision of their own.
    await b.page.keyboard.press('Enter')
    await b.page.keyboard.type('Catatan meja B')

    // A types a decision; once A's save is on A's wall, B shows it within 1.5 s.
    const text = 'Dinas kab/kota mengirim data koperasi aktif paling lambat 15 Maret 2024'
    await a.page.keyboard.press('Enter')
    await a.page.keyboard.type(text)
    await a.page.keyboard.press('Enter')
    await expect(a.page.getByTestId('deck-decisions')).toContainText(text)
    const saved = Date.now()
    await expect(b.page.getByTestId('deck-decisions')).toContainText(text)
    const took = Date.now() - saved
    assert.ok(took < 1500, `shown on B's deck ${took} ms after A's save`)
    t.diagnostic(`B's deck: ${took} ms after A's save`)
    await shot(b.page, '80-live-deck-b-1920')
    // What B was typing is still there, not overwritten by the refresh.
    await expect(b.page.getByTestId('deck-draft')).toHaveValue('Catatan meja B')
    await b.page.getByTestId('deck-draft').fill('')
    await b.page.keyboard.press('Escape') // leaves the text box

    // B leaves the deck for the register; A's next decision shows there too.
    await b.page.keyboard.press('Escape')
    await expect(b.page.getByTestId('meeting-heading')).toContainText('Renja')
    await new Shell(b.page).go('Rakor')
    await b.page.getByTestId('rakor-tabs').getByText('Register kesepakatan').click()
    await expect(b.page.getByTestId('register')).toContainText(text)
    // B looks for a decision not yet taken; it appears as A saves it.
    const second = 'Bidang UKM menyusun jadwal pendampingan sertifikasi halal'
    await b.page.getByTestId('register-search').locator('input').fill('sertifikasi halal')
    await expect(b.page.getByTestId('register-counts').locator('.n').first()).toHaveText('0')
    await a.page.keyboard.press('Enter')
    await a.page.keyboard.type(second)
    await a.page.keyboard.press('Enter')
    await expect(a.page.getByTestId('deck-decisions')).toContainText(second)
    const again = Date.now()
    await expect(b.page.getByTestId('register')).toContainText(second)
    await expect(b.page.getByTestId('register-counts').locator('.n').first()).toHaveText('1')
    const tookRegister = Date.now() - again
    assert.ok(tookRegister < 1500, `shown in B's register ${tookRegister} ms after A's save`)
    t.diagnostic(`B's register: ${tookRegister} ms after A's save`)
    await shot(b.page, '81-live-register-b-1920')

  })
})

test("a value typed at one PC moves the other's matrix; a template recorded at one shows on the other's return board", { skip }, async (t) => {
  await twoPCs(async (a, b, appA) => {
    const [ca, cb] = [new Comparison(a.page), new Comparison(b.page)]
    for (const { page } of [a, b]) await new Shell(page).go('Perbandingan Target')
    await expect(cb.matrixCell('KOP.01', '19.01')).toBeVisible()
    assert.ok(!(await cb.matrixCell('KOP.01', '19.01').innerText()).includes('23,45%'))

    // A types Kabupaten Bangka's target in the entry grid; B's matrix follows.
    await ca.tab('Isian data')
    await ca.typeInto('19.01', 'KOP.01', '23,45%')
    await expect(ca.gridCell('19.01', 'KOP.01')).toHaveText('23,45%')
    const saved = Date.now()
    await expect(cb.matrixCell('KOP.01', '19.01')).toContainText('23,45%')
    const took = Date.now() - saved
    // The whole matrix is computed again and drawn (thousands of cells): a looser bound.
    assert.ok(took < 3000, `shown in B's matrix ${took} ms after A's save`)
    t.diagnostic(`B's matrix: ${took} ms after A's save`)
    await shot(b.page, '82-live-matrix-b-1920')

    // B watches the return board; A records a returned template of
    // Kabupaten Bangka: B's board counts it.
    await new Shell(b.page).go('Ekspor/Impor')
    await expect(b.page.getByTestId('board-summary')).toContainText('0 dari 7')
    await new Shell(a.page).go('Ekspor/Impor')
    await a.page.getByTestId('make-templates').click()
    await expect(a.page.getByText('7 templat ditulis')).toBeVisible()
    await a.page.getByTestId('import-file').setInputFiles(join(appA.dir, 'ekspor', 'Templat-2025', 'Templat-Kabupaten-Bangka-2025.xlsx'))
    await expect(a.page.getByTestId('import-summary')).toContainText('Kabupaten Bangka, tahun 2025')
    // A shared workspace is not backed up from the PC: the preview says what records the import instead.
    await expect(a.page.getByTestId('import-undo')).toContainText('tidak dicadangkan dari PC ini sebelum impor')
    await a.page.getByTestId('commit-import').click()
    await expect(a.page.getByTestId('board-summary')).toContainText('1 dari 7')
    const imported = Date.now()
    await expect(b.page.getByTestId('board-summary')).toContainText('1 dari 7')
    const tookBoard = Date.now() - imported
    assert.ok(tookBoard < 1500, `shown on B's board ${tookBoard} ms after A's import`)
    t.diagnostic(`B's board: ${tookBoard} ms after A's import`)
    await expect(b.page.getByTestId('board').locator('tr', { hasText: 'Kabupaten Bangka' }).first()).toContainText('templat kembali')
    await b.page.getByTestId('board-summary').scrollIntoViewIfNeeded()
    await shot(b.page, '83-live-board-b-1920')

  })
})

test('the office profile and the indicator catalogue change at another PC and show without a reload', { skip }, async () => {
  const db = demoDatabase()
  const app = await startApp({ args: ['--db', db.url] })
  const pc = await openPage(browser(), app.url)
  const psql = (q) => execFileSync('psql', [db.url, '-qc', q])
  try {
    const { page } = pc
    // Home shows the head of office from the profile; another PC changes it.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    psql("UPDATE profile SET head_name = 'Dr. Sari Wulandari, M.Si.'")
    await expect(page.getByText('Dr. Sari Wulandari, M.Si.')).toBeVisible()

    // The indicator catalogue, open on this PC, follows a rename made there.
    await new Shell(page).go('Indikator')
    const list = page.getByTestId('indicator-list')
    await expect(list).toContainText('Pertumbuhan koperasi')
    psql("UPDATE indicator SET name = 'Pertumbuhan koperasi aktif' WHERE name = 'Pertumbuhan koperasi'")
    await expect(list).toContainText('Pertumbuhan koperasi aktif')
    assert.deepEqual(pc.errors, [], 'no page errors')
  } finally {
    await pc.page.close()
    await app.stop()
    db.drop()
  }
})
