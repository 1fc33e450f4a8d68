// In the English UI, the refusals a user can meet in the office profile,
// indicators, programs, the entry grid and the import screen speak English:
// no message chrome (toasts, form feedback, alerts, dialogs, grid errors)
// carries an Indonesian sentence. Data such as region or indicator names may
// be Indonesian; the provoked refusals below name none of it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Comparison, Shell } from './pages.mjs'

const browser = sharedBrowser()

// Words of Indonesian sentences that no English message needs.
const indonesian = /\b(tidak|wajib|diisi|pilih|sudah|belum|berkas|untuk|dengan|atau|yang|bukan|harus|ditulis|dipakai|angka|terdiri|adalah|dikenali|pemisah|lebih)\b/i

const chrome = '.n-message, .n-form-item-feedback--error, .n-alert, .plain-alert, .n-dialog, [data-testid=grid-errors]'

/** Every visible message on the page now, with the step that provoked it. */
async function collect(page, step, seen) {
  for (const text of await page.locator(chrome).allInnerTexts()) {
    const t = text.trim()
    if (t) seen.push({ step, text: t })
  }
}

test('the refusals of the English UI are English', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    const shell = new Shell(page)
    await shell.language('en')
    await expect(shell.nav.getByRole('link', { name: 'Settings' })).toBeVisible()
    const seen = []

    // Settings: a NIP of 17 digits.
    await shell.go('Settings')
    await page.getByTestId('head-nip').locator('input').fill('19700101199503200')
    await page.getByTestId('head-nip').locator('xpath=ancestor::form').getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.locator('.n-form-item-feedback--error').first()).toBeVisible()
    await collect(page, 'profile NIP', seen)
    assert.ok(seen.some((m) => m.step === 'profile NIP' && /NIP/.test(m.text)), 'the NIP is refused')
    await shot(page, '90-english-nip')

    // Indicators: a code another indicator has.
    await shell.go('Indicators')
    await page.getByRole('button', { name: 'Add indicator' }).click()
    const inputs = page.locator('.n-drawer .n-input input')
    await inputs.nth(0).fill('KOP.01')
    await inputs.nth(1).fill('Duplicate')
    await page.locator('.n-drawer').getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.locator('.n-drawer .n-form-item-feedback--error').first()).toBeVisible()
    await collect(page, 'indicator code', seen)
    await shot(page, '91-english-indicator')
    await page.keyboard.press('Escape')

    // Programs: a plan line whose budget is a percentage.
    await shell.go('Programs')
    // The demo opens its programs; open a kegiatan of Bangka to reach its sub-kegiatan.
    await page.locator('[data-testid=program-tree] tr', { hasText: '2.17.05.2.01' }).first().locator('.n-data-table-expand-trigger').click()
    await page.getByTestId('add-line-2.17.05.2.01.0001').click()
    await page.getByTestId('plan-output').locator('input').fill('Trained members')
    await page.getByTestId('plan-target').locator('input').fill('10')
    await page.getByTestId('plan-unit').locator('input').fill('people')
    await page.getByTestId('plan-pagu').locator('input').fill('17,65%')
    await page.getByTestId('plan-save').click()
    await expect(page.locator('.n-drawer .n-form-item-feedback--error').first()).toBeVisible()
    await collect(page, 'plan line pagu', seen)
    await shot(page, '92-english-pagu')
    await page.keyboard.press('Escape')

    // Programs: a central item with a code already used.
    await page.locator('.n-tabs-tab', { hasText: 'Central programs' }).click()
    await page.getByTestId('central-add').click()
    await page.getByTestId('central-code').locator('input').fill('KEMENKOP-01')
    await page.getByTestId('central-name').locator('textarea').fill('A second program')
    await page.getByTestId('central-save').click()
    await expect(page.locator('.n-form-item-feedback--error').first()).toBeVisible()
    await collect(page, 'central code', seen)
    await shot(page, '93-english-central')
    await page.keyboard.press('Escape')
    await expect(page.locator('.n-drawer-mask')).toHaveCount(0)

    // The entry grid: a value that is no number.
    await shell.go('Target comparison')
    const cmp = new Comparison(page)
    await cmp.tab('Data entry')
    await cmp.typeInto('19', 'KOP.01', '12,3,4')
    await expect(cmp.gridErrors).toBeVisible()
    await collect(page, 'grid value', seen)
    await shot(page, '94-english-grid')

    // The import screen: a file that is not a workbook.
    await shell.go('Export/Import')
    const bad = join(app.dir, 'rekap.xlsx')
    await writeFile(bad, 'kode;nilai\nKOP.01;17,65\n')
    await page.getByTestId('import-file').setInputFiles(bad)
    await expect(page.getByTestId('import-refused')).toBeVisible()
    await collect(page, 'import', seen)
    await shot(page, '95-english-import')

    for (const step of ['profile NIP', 'indicator code', 'plan line pagu', 'central code', 'grid value', 'import']) {
      assert.ok(seen.some((m) => m.step === step), `a message was shown for ${step}`)
    }
    const mixed = seen.filter((m) => indonesian.test(m.text))
    assert.deepEqual(mixed, [], 'no Indonesian sentence in the English UI')
  })
})

test('Settings in English: no Indonesian sentence, and the change history names no raw field', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    const shell = new Shell(page)
    await shell.language('en')
    await expect(shell.nav.getByRole('link', { name: 'Settings' })).toBeVisible()
    // A figure changed: its version goes from 1 to 2, which the history must not show.
    await shell.go('Target comparison')
    const cmp = new Comparison(page)
    await cmp.tab('Data entry')
    await cmp.typeInto('19.01', 'KOP.04', '140')
    await expect(cmp.gridCell('19.01', 'KOP.04')).toHaveText('140')

    await shell.go('Settings')
    const hint = (await page.getByTestId('shared-remember-hint').innerText()).trim()
    assert.ok(hint, 'the credential store line is shown')
    assert.ok(!indonesian.test(hint) && !/penyimpanan|kredensial|komputer/i.test(hint), `English: ${hint}`)
    const cards = await page.locator('.n-card-header').allInnerTexts()
    assert.deepEqual(cards.filter((c) => indonesian.test(c)), [], cards.join(' | '))
    const history = await page.getByTestId('audit').innerText()
    assert.match(history, /Target: .* → 140/)
    assert.doesNotMatch(history, /\bversion\b|\w_\w/, history)
    await shot(page, '96-english-settings')
  })
})
