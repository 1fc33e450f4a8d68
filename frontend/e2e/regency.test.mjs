// Regency offices type into the province's shared workspace: two regency
// roles (19.01 Bangka, 19.02 Belitung) and the secretariat, three backends
// (`selaras serve --db postgres://…`) on one PostgreSQL database. A value
// typed by 19.01 shows on the secretariat's matrix and return board; 19.01
// cannot change 19.02's figures from the app nor from raw SQL, nor its own
// once the secretariat has agreed them in a meeting. Needs the test cluster
// (SELARAS_TEST_PG); skipped without it unless SELARAS_REQUIRE_PG is set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, startApp } from './harness.mjs'
import { Comparison, openMeeting, RENJA, Shell } from './pages.mjs'
import { bin, office, skip } from './office.mjs'

const browser = sharedBrowser()
/** The demo on a fresh database, made a shared workspace with three people. */
const regencyOffice = () => office('regency', { bangka: ['kabkota', '19.01'], belitung: ['kabkota', '19.02'], sek: ['sekretariat', ''] })

/** Runs sql as a person straight on the server: the database's own answer. */
function raw(url, sql) {
  return spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' })
}

test('two regency offices and the secretariat on one database', { skip }, async (t) => {
  const o = regencyOffice()
  const apps = []
  const pages = []
  try {
    for (const who of ['bangka', 'belitung', 'sek']) apps.push(await startApp({ args: ['--db', o.urls[who]] }))
    const bangka = await openPage(browser(), apps[0].url)
    const belitung = await openPage(browser(), apps[1].url)
    const sek = await openPage(browser(), apps[2].url, { width: 1920, height: 1080 })
    pages.push(bangka, belitung, sek)

    // A regency office opens on its own region's entry grid: its row only.
    for (const [{ page }, code, name] of [[bangka, '19.01', 'Bangka'], [belitung, '19.02', 'Belitung']]) {
      await expect(page.getByTestId('own-region-badge')).toContainText(name)
      await expect(page.getByTestId('regency-banner')).toBeVisible()
      await expect(page.locator(`td[data-cell^="${code}|"]`).first()).toBeVisible()
      assert.equal(await page.locator('td[data-cell]:not([data-cell^="' + code + '|"])').count(), 0, 'only its own row is offered')
      // Nothing it may not do is in the menu.
      assert.doesNotMatch(await page.locator('nav').innerText(), /Ekspor|Indikator/)
    }
    await shot(bangka.page, 'regency-entry-1366x768')

    // 19.01 types a figure: the secretariat's matrix and return board show it.
    const cmp = new Comparison(bangka.page)
    await cmp.typeInto('19.01', 'KOP.01', '18,5%')
    await expect(cmp.gridCell('19.01', 'KOP.01')).toContainText('18,5')
    await new Shell(sek.page).go('Perbandingan Target')
    const sekCmp = new Comparison(sek.page)
    await expect(sekCmp.matrixCell('KOP.01', '19.01')).toContainText('18,50')
    await shot(sek.page, 'regency-secretariat-matrix-1920x1080')
    // The secretariat sends 19.03 its template (`selaras template`, on its
    // own login): the board counts from then on, and says since when.
    execFileSync(bin, ['template', '--db', o.urls.sek, '--region', '19.03', '--out', mkdtempSync(join(tmpdir(), 'kirim-'))])
    await new Shell(sek.page).go('Ekspor')
    const row = sek.page.locator('[data-board-region="19.01"]')
    await expect(row.getByTestId('board-direct')).toContainText('diisi langsung')
    await expect(sek.page.getByTestId('board').locator('[data-testid="board-direct-by"]').first()).toContainText('_bangka')
    const today = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date())
    await expect(sek.page.locator('[data-board-region="19.03"]').getByTestId('board-nothing')).toContainText('belum mengisi apa pun sejak templat dikirim ' + today)
    await expect(sek.page.locator('[data-board-region="19.04"]').getByTestId('board-nothing')).toHaveText('belum mengisi apa pun')
    await shot(sek.page, 'regency-board-1920x1080')

    // 19.01 cannot change 19.02's figures from raw SQL: refused, naming it.
    let r = raw(o.urls.bangka, "UPDATE indicator_value SET target = 1 WHERE region_code = '19.02'")
    assert.notEqual(r.status, 0, 'refused')
    assert.match(r.stderr, /19\.02/)
    r = raw(o.urls.bangka, "INSERT INTO target_agreement(region_code, year, agreed_at) VALUES ('19.01', 2025, 'x')")
    assert.notEqual(r.status, 0, 'a regency does not agree its own targets')

    // The secretariat agrees 19.01's targets in the Renja rakor.
    await openMeeting(sek.page, RENJA)
    await sek.page.locator('.n-tabs-tab', { hasText: 'Target disepakati' }).first().click()
    const line = sek.page.locator('[data-agreement="19.01"]')
    await line.getByTestId('agree').click()
    await sek.page.locator('.n-popconfirm').getByRole('button', { name: 'Setuju' }).click()
    await expect(line.getByTestId('agreement-status')).toContainText('Disepakati')
    await shot(sek.page, 'regency-agreed-1920x1080')

    // Locked for 19.01: the grid marks it, the database refuses it.
    await expect(bangka.page.getByTestId('row-locked')).toBeVisible()
    await expect(cmp.gridCell('19.01', 'KOP.01')).toHaveAttribute('class', /off/)
    r = raw(o.urls.bangka, "UPDATE indicator_value SET target = 1 WHERE region_code = '19.01' AND year = 2025")
    assert.notEqual(r.status, 0, 'agreed targets are refused')
    assert.match(r.stderr, /agreed/)
    await shot(bangka.page, 'regency-locked-1366x768')
    // Its plan lines of the year are agreed with the targets.
    await new Shell(bangka.page).go('Program')
    const totals = bangka.page.getByTestId('program-totals')
    const lines = totals.locator('.tot', { hasText: 'Baris rencana' }).locator('.value')
    await expect(lines).toBeVisible()
    const all = (await lines.innerText()).trim()
    assert.notEqual(all, '0', 'Bangka has plan lines for the year')
    const status = async (label) => {
      await bangka.page.locator('.filters .n-select').filter({ hasText: /Semua status|Usulan|Disepakati/ }).click()
      await bangka.page.locator('.n-base-select-option', { hasText: label }).first().click()
    }
    await status('Usulan')
    await expect(lines).toHaveText('0')
    await status('Disepakati')
    await expect(lines).toHaveText(all)
    await shot(bangka.page, 'regency-plan-agreed-1366x768')
    // 19.02 is not locked, and still types its own.
    const cmp2 = new Comparison(belitung.page)
    await cmp2.typeInto('19.02', 'KOP.01', '12%')
    await expect(cmp2.gridCell('19.02', 'KOP.01')).toContainText('12')

    for (const { errors } of pages) assert.deepEqual(errors, [], 'no page errors')
    t.diagnostic('three backends on one database')
  } finally {
    for (const { page } of pages) await page.close()
    for (const app of apps) await app.stop()
    o.drop()
  }
})
