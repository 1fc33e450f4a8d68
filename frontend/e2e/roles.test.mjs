// Nothing in the interface offers what a role may not do. A reader
// (pembaca), a kab/kota office (19.01) and the secretariat walk every screen
// of one shared workspace (PostgreSQL): the reader and the regency are
// offered no write the database would refuse; the secretariat is offered the
// rakor's, and, as the database decides, not the admin's catalogue. Needs the
// test cluster (SELARAS_TEST_PG); skipped without it unless
// SELARAS_REQUIRE_PG is set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, startApp } from './harness.mjs'
import { office, skip } from './office.mjs'
import { openMeeting, RENJA } from './pages.mjs'

const browser = sharedBrowser()

// Every control that writes, by test id or by role and name. A screen is
// asked which of them it shows.
const writes = [
  ...['new-meeting', 'meeting-edit', 'room-button', 'agenda-add', 'carry-refresh', 'participants-paste', 'decision-add', 'decision-save',
    'fu-add', 'fu-status', 'challenge-add', 'challenge-save', 'snapshot-take', 'agree', 'reopen', 'central-add', 'drop-zone',
    'deck-draft', 'room-slide-open'].map((id) => ({ name: id, find: (p) => p.getByTestId(id) })),
  ...['Ubah', 'Hapus', 'Tambah indikator', 'Ubah indikator', 'Tambah rencana', 'Tambah sub-kegiatan', 'Simpan', 'Tandai belum disepakati']
    .map((n) => ({ name: n, find: (p) => p.getByRole('button', { name: n, exact: true }) })),
  { name: 'minutes editor', find: (p) => p.locator('textarea[data-testid^="minutes-"], [data-testid^="minutes-"] textarea') },
  { name: 'entry tab', find: (p) => p.locator('.n-tabs-tab', { hasText: 'Isian data' }) },
]

/** The write controls the page shows now (visible ones only): their names. */
async function offered(page) {
  const out = []
  for (const w of writes) {
    const n = await w.find(page).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length)
    if (n) out.push(w.name)
  }
  return out.sort()
}

/**
 * Walks every screen, waiting on each until its data shows, and records the
 * write controls offered there: screen → names.
 */
async function walk(page, base, who) {
  const seen = {}
  const at = async (screen, ready) => {
    await expect(ready).toBeVisible()
    // The screen's buttons render with its data; give a late one its chance.
    await page.waitForTimeout(300)
    seen[screen] = await offered(page)
  }
  const go = (hash) => page.goto(base + '#' + hash)

  await go('/rakor')
  await at('meetings', page.getByTestId('meetings').locator('tbody tr').first())
  await openMeeting(page, RENJA)
  const meeting = new URL(page.url()).hash.replace(/^#/, '').replace(/\?.*$/, '')
  for (const [tab, ready] of [
    ['agenda', page.locator('[data-agenda]').first()],
    ['participants', page.getByTestId('participants')],
    ['decisions', page.locator('[data-decision]').first()],
    ['challenges', page.getByTestId('challenge-group').first()],
    ['snapshots', page.getByTestId('snapshots')],
    ['agreements', page.locator('[data-agreement]').first()],
  ]) {
    await go(meeting + '?tab=' + tab)
    await at('meeting ' + tab, ready)
    if (tab === 'decisions') await shot(page, `roles-${who}-decisions-1366x768`)
  }
  // A decision addressed to the kab/kota (1), and one that is not (2).
  await go(meeting + '?tab=decisions')
  for (const n of [1, 2]) {
    await page.locator(`[data-decision="${n}"]`).click()
    await at('decision ' + n, page.getByTestId('follow-ups'))
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('follow-ups')).toHaveCount(0)
  }
  await go(meeting + '?tab=challenges')
  await page.getByTestId('challenge-group').first().locator('.item').first().click()
  await at('challenge', page.locator('.n-drawer'))
  await shot(page, `roles-${who}-challenge-1366x768`)
  await page.keyboard.press('Escape')

  await go('/rakor/kesepakatan')
  await page.getByTestId('register').locator('tbody tr').first().click()
  await at('register decision', page.getByTestId('follow-ups'))
  await shot(page, `roles-${who}-register-1366x768`)
  await page.keyboard.press('Escape')
  await go('/rakor/permasalahan')
  await at('challenges', page.getByTestId('challenges'))
  await shot(page, `roles-${who}-challenges-1366x768`)

  await go(meeting)
  await page.getByTestId('open-deck').click()
  await expect(page.locator('[data-slide]')).toHaveAttribute('data-slide', 'title')
  await page.keyboard.press('End')
  await at('deck decisions', page.locator('[data-slide="decisions"]'))
  await shot(page, `roles-${who}-deck-1366x768`)
  await page.keyboard.press('Escape')
  await page.waitForURL(/#\/rakor\/\d+$/)
  await go(meeting)
  await at('meeting', page.getByTestId('meeting-heading'))
  await shot(page, `roles-${who}-meeting-1366x768`)

  await go('/perbandingan')
  // A kab/kota office opens on its entry grid, everyone else on the matrix.
  await at('comparison', page.locator('[data-testid="matrix"], [data-testid="value-grid"]').filter({ visible: true }).first())
  await shot(page, `roles-${who}-comparison-1366x768`)
  await go('/program')
  await at('programs', page.getByTestId('program-tree').locator('tbody tr').first())
  // Every branch open, down to the plan lines; then the regions of the lines offered for editing.
  const tree = page.getByTestId('program-tree')
  for (let round = 0; round < 4; round++) {
    const closed = tree.locator('.n-data-table-expand-trigger:not(.n-data-table-expand-trigger--expanded)')
    const n = await closed.count()
    if (!n) break
    for (let i = n - 1; i >= 0; i--) await closed.nth(i).click()
  }
  seen.programs = await offered(page)
  seen['edited regions'] = [...new Set(await page.getByTestId('program-tree').locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'Ubah indikator', exact: true }) })
    .locator('[data-line-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line-region'))))].sort()
  await page.locator('.n-tabs-tab', { hasText: 'Program pusat' }).first().click()
  await at('central', page.getByTestId('central'))
  await go('/indikator')
  await at('indicators', page.getByTestId('indicator-list').locator('tbody tr').first())
  await go('/pengaturan')
  await at('settings', page.getByTestId('office-name'))
  await go('/ekspor-impor')
  await at('exchange', page.getByTestId('board').locator('tbody tr').first())
  return seen
}

/** Screens where nothing at all may be offered to the role: each one named when it offers something. */
function nothingOn(seen, screens, allowed = []) {
  const left = Object.fromEntries(screens.map((s) => [s, seen[s].filter((n) => !allowed.includes(n))]).filter(([, v]) => v.length))
  assert.deepEqual(left, {}, 'write controls offered')
}

test('each role is offered only what it may do', { skip }, async (t) => {
  const o = office('roles', { reader: ['pembaca', ''], bangka: ['kabkota', '19.01'], sek: ['sekretariat', ''] })
  try {
    const walked = {}
    for (const who of ['reader', 'bangka', 'sek']) {
      const app = await startApp({ args: ['--db', o.urls[who]] })
      const { page, errors } = await openPage(browser(), app.url)
      try {
        walked[who] = await walk(page, app.url, who)
        assert.deepEqual(errors, [], 'no page errors')
      } finally {
        await page.close()
        await app.stop()
      }
      t.diagnostic(who + ': ' + JSON.stringify(walked[who]))
    }
    const all = Object.keys(walked.sek).filter((s) => s !== 'edited regions')

    // The reader writes nothing anywhere (the history of a value is read in the matrix's entry tab, which it has not).
    nothingOn(walked.reader, all)

    // The kab/kota office: no rakor, catalogue or exchange control; a
    // follow-up note on the decision addressed to it; its own values and
    // plan lines.
    nothingOn(walked.bangka, all.filter((s) => !['decision 1', 'register decision', 'comparison', 'programs'].includes(s)))
    assert.deepEqual(walked.bangka['decision 1'], ['fu-add'])
    assert.deepEqual(walked.bangka.comparison, ['entry tab'])
    assert.deepEqual(walked.bangka.programs.filter((n) => !['Tambah rencana', 'Ubah indikator'].includes(n)), [])
    assert.deepEqual(walked.bangka['edited regions'].filter((r) => r !== '19.01'), [], 'only its own lines are offered for editing')

    // The secretariat: the rakor's writes are offered on every rakor screen.
    const sek = walked.sek
    assert.ok(sek.meetings.includes('new-meeting'))
    for (const n of ['meeting-edit', 'room-button', 'Hapus']) assert.ok(sek.meeting.includes(n), 'meeting: ' + n)
    assert.ok(sek['meeting agenda'].includes('agenda-add') && sek['meeting agenda'].includes('minutes editor'))
    assert.ok(sek['meeting participants'].includes('participants-paste') && sek['meeting participants'].includes('Hapus'))
    assert.ok(sek['meeting decisions'].includes('decision-add'))
    for (const n of [1, 2]) for (const c of ['decision-save', 'fu-add', 'fu-status']) assert.ok(sek['decision ' + n].includes(c), `decision ${n}: ${c}`)
    assert.ok(sek['meeting challenges'].includes('challenge-add'))
    assert.ok(sek.challenge.includes('challenge-save'))
    assert.ok(sek['meeting snapshots'].includes('snapshot-take') && sek['meeting snapshots'].includes('Hapus'))
    assert.ok(sek['meeting agreements'].includes('agree'))
    assert.ok(sek['register decision'].includes('decision-save'))
    assert.ok(sek.challenges.includes('challenge-add'))
    assert.ok(sek['deck decisions'].includes('deck-draft') && sek['deck decisions'].includes('Tandai belum disepakati'))
    assert.ok(sek.comparison.includes('entry tab'))
    assert.ok(sek.programs.includes('Tambah rencana'))
    // The kab/kota's lines, not the province's own.
    assert.ok(sek['edited regions'].length > 0 && sek['edited regions'].every((r) => r.includes('.')), sek['edited regions'].join())
    assert.ok(sek.exchange.includes('drop-zone'))
    // ... and not the admin's catalogue, nor the office profile.
    for (const s of ['indicators', 'central', 'settings']) assert.deepEqual(sek[s], [], s)
    assert.ok(!sek.programs.includes('Tambah sub-kegiatan'))
  } finally {
    o.drop()
  }
})
