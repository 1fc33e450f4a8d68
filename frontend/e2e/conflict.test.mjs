import { test } from 'node:test'
import { expect } from './expect.mjs'
import { openPage, sharedBrowser, shot, withApp } from './harness.mjs'
import { Comparison, openMeeting, RENJA, Shell } from './pages.mjs'

const browser = sharedBrowser()

async function openDecision(page, number) {
  await openMeeting(page, RENJA)
  await page.locator('.n-tabs-tab', { hasText: 'Kesepakatan' }).first().click()
  await page.getByTestId('decisions').locator(`tr[data-decision="${number}"]`).click()
  await expect(page.getByTestId('decision-form')).toBeVisible()
}

// Two desks open the same decision; desk B saves first. Desk A's Simpan is
// refused with who and when, both values side by side, and "Simpan punya
// saya" saves A's values over B's.
test('an edit over a newer change shows both values, and keep mine saves', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await openDecision(page, 1)
    const textA = await page.getByTestId('decision-text').locator('textarea').inputValue()

    const other = await openPage(browser(), app.url)
    try {
      await openDecision(other.page, 1)
      const textB = other.page.getByTestId('decision-text').locator('textarea')
      await textB.click()
      await other.page.keyboard.press('End')
      await other.page.keyboard.type(' (meja B)')
      await expect(other.page.getByTestId('decision-save-state')).toHaveText('Tersimpan')
    } finally {
      await other.page.close()
    }

    // Desk A, still on the old version, changes a field and saves.
    await page.getByTestId('decision-unit').locator('input').fill('Bidang UKM (meja A)')
    await page.getByTestId('decision-save').click()
    const dialog = page.getByTestId('conflict-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Diubah oleh')
    await expect(dialog).toContainText(' pukul ')
    await expect(page.getByTestId('conflict-table')).toContainText('(meja B)')
    await expect(page.getByTestId('conflict-table')).toContainText('Bidang UKM (meja A)')
    await shot(page, '80-conflict-dialog')

    await page.getByTestId('conflict-keep').click()
    await expect(page.getByTestId('conflict-dialog')).toHaveCount(0)
    const row = page.getByTestId('decisions').locator('tr[data-decision="1"]')
    await expect(row).toContainText(textA.slice(0, 40))
    await page.reload()
    await page.locator('.n-tabs-tab', { hasText: 'Kesepakatan' }).first().click()
    await page.getByTestId('decisions').locator('tr[data-decision="1"]').click()
    await expect(page.getByTestId('decision-unit').locator('input')).toHaveValue('Bidang UKM (meja A)')
    const saved = await page.getByTestId('decision-text').locator('textarea').inputValue()
    if (saved.includes('(meja B)')) throw new Error('keep mine left their text: ' + saved)
  })
})

async function openGrid(page) {
  await new Shell(page).go('Perbandingan Target')
  const cmp = new Comparison(page)
  await expect(cmp.matrix).toBeVisible()
  await cmp.tab('Isian data')
  await expect(cmp.grid).toBeVisible()
  return cmp
}

// A value typed into a cell that another grid changed since: the dialog
// shows their figure beside mine; "Pakai punya mereka" drops mine and the
// grid shows theirs, and the next edit of the cell saves.
test('a cell changed meanwhile: take theirs, then edit again', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    const cmp = await openGrid(page)
    const other = await openPage(browser(), app.url)
    try {
      const theirs = await openGrid(other.page)
      await theirs.typeInto('19.01', 'KOP.01', '20')
      await expect(theirs.gridCell('19.01', 'KOP.01')).toHaveText('20,00%')
    } finally {
      await other.page.close()
    }

    await cmp.typeInto('19.01', 'KOP.01', '21')
    await expect(page.getByTestId('conflict-dialog')).toBeVisible()
    await expect(page.getByTestId('conflict-dialog')).toContainText('Diubah oleh Sekretariat (demo) pada ')
    await expect(page.getByTestId('conflict-dialog')).toContainText(' pukul ')
    await expect(cmp.gridCell('19.01', 'KOP.01')).toContainText('Diubah oleh Sekretariat (demo)')
    await expect(page.getByTestId('conflict-theirs')).toHaveText('20,00%')
    await expect(page.getByTestId('conflict-mine')).toHaveText('21')
    await shot(page, '81-conflict-cell')
    await page.getByTestId('conflict-take').click()
    await expect(cmp.gridCell('19.01', 'KOP.01')).toHaveText('20,00%')

    await cmp.typeInto('19.01', 'KOP.01', '22')
    await expect(cmp.gridCell('19.01', 'KOP.01')).toHaveText('22,00%')
    await expect(page.getByTestId('conflict-dialog')).toHaveCount(0)
  })
})

async function openFirstLine(page) {
  await new Shell(page).go('Programs')
  for (const code of ['2.17.05.1.01', '2.17.05.1.01.0001']) {
    const row = page.locator('[data-testid=program-tree] tr', { hasText: code }).first()
    await row.locator('.n-data-table-expand-trigger').click()
  }
  await page.getByTestId('program-tree').getByRole('button', { name: 'Edit indicator' }).first().click()
  await expect(page.getByTestId('plan-pagu')).toBeVisible()
}

// In English: a plan line saved over another PC's change says who and when
// in English, and "Keep mine" saves the form as it is.
test('a plan line changed meanwhile, in English: keep mine', async () => {
  await withApp(browser(), { demo: true }, async (page, app) => {
    await new Shell(page).language('en')
    await expect(page.getByRole('navigation')).toContainText('Programs')
    await openFirstLine(page)
    const pagu = await page.getByTestId('plan-pagu').locator('input').inputValue()

    const other = await openPage(browser(), app.url)
    try {
      await openFirstLine(other.page)
      await other.page.getByTestId('plan-pagu').locator('input').fill('Rp 2 miliar')
      await other.page.getByTestId('plan-save').click()
      await expect(other.page.getByText('Saved').first()).toBeVisible()
    } finally {
      await other.page.close()
    }

    await page.getByTestId('plan-target').locator('input').fill('999')
    await page.getByTestId('plan-save').click()
    const dialog = page.getByTestId('conflict-dialog')
    await expect(dialog).toContainText('Changed by Sekretariat (demo) at ')
    await expect(page.getByTestId('conflict-table')).toContainText('2.000.000.000')
    await expect(page.getByTestId('conflict-table')).toContainText('999')
    await shot(page, '82-conflict-plan-line-en')
    await page.getByRole('button', { name: 'Keep mine' }).click()
    await expect(page.getByTestId('conflict-dialog')).toHaveCount(0)
    await expect(page.getByTestId('plan-pagu')).toHaveCount(0)

    await page.getByTestId('program-tree').getByRole('button', { name: 'Edit indicator' }).first().click()
    await expect(page.getByTestId('plan-pagu').locator('input')).toHaveValue(pagu)
    const target = await page.getByTestId('plan-target').locator('input').inputValue()
    if (!/^999([.,]0*)?$/.test(target)) throw new Error('keep mine did not save my target: ' + target)
  })
})
