// In the English interface, the refusals a user meets in the meetings area
// (toasts, form feedback, alerts, dialogs) are English sentences: no
// Indonesian reason glued into an English template, no line number said twice.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expect } from './expect.mjs'
import { sharedBrowser, shot, withApp } from './harness.mjs'
import { Shell } from './pages.mjs'

const browser = sharedBrowser()

// Words of an Indonesian sentence that no English message needs. Data shown
// in a message (a title, a region name) is not checked: only the chrome of
// messages is collected, and the refusals provoked here quote no such data.
const indonesian = /\b(tidak|wajib|diisi|pilih|sudah|belum|baris|berkas|untuk|dengan|atau|yang|sebelum|tulis)\b/i

const chrome = '.n-message, .n-form-item-feedback__line, .n-alert, .plain-alert, .n-dialog'

/** Waits for a refusal containing what (a RegExp or text), then records every message on screen. */
async function collect(page, seen, step, what) {
  await expect(page.locator(chrome).filter({ hasText: what }).first()).toBeVisible()
  for (const text of await page.locator(chrome).allInnerTexts()) {
    if (text.trim()) seen.push({ step, text: text.trim() })
  }
}

async function pickDate(page, input, iso) {
  await input.fill(iso.split('-').reverse().join('/'))
  await input.press('Enter')
}

async function tab(page, name) {
  await page.locator('.n-tabs-tab', { hasText: name }).first().click()
}

test('the meetings area in English: every refusal a user can meet is English', async () => {
  await withApp(browser(), { demo: true }, async (page) => {
    const shell = new Shell(page)
    await shell.language('en')
    await shell.go('Meetings')
    const seen = []

    // A meeting that ends before it starts.
    await page.getByTestId('new-meeting').click()
    await page.getByTestId('meeting-title').locator('textarea').fill('Rakor Evaluasi Triwulan I')
    await pickDate(page, page.getByTestId('meeting-start').locator('input'), '2024-03-10')
    await pickDate(page, page.getByTestId('meeting-end').locator('input'), '2024-03-05')
    await page.getByTestId('meeting-save').click()
    await collect(page, seen, 'end date before start', 'End date')
    await shot(page, '90-en-meeting-end-before-start')
    await pickDate(page, page.getByTestId('meeting-end').locator('input'), '2024-03-11')
    await page.getByTestId('meeting-save').click()
    await expect(page.getByTestId('meeting-heading')).toHaveText('Rakor Evaluasi Triwulan I')

    // A pasted attendance list with lines that cannot be read.
    await tab(page, 'Participants')
    await page.getByTestId('participants-paste').locator('textarea').fill([
      'Rina Marlina; Head of SME division; Dinas Koperasi dan UKM',
      'Andi Pratama; Planner; Dinas Koperasi; 99.99',
      'Budi Santoso; Staff; Dinas Koperasi; 19; ketua',
    ].join('\n'))
    await collect(page, seen, 'pasted lines', 'Line 2')
    const lines = await page.getByTestId('participants-errors').innerText()
    await shot(page, '91-en-participant-paste')

    // An agenda item that ends before it starts.
    await tab(page, 'Agenda and minutes')
    await page.getByTestId('agenda-add').click()
    await page.getByTestId('agenda-title').locator('textarea').fill('Opening')
    await page.getByTestId('agenda-start').locator('input').fill('10.00')
    await page.locator('input[placeholder="10.30"]').fill('09.00')
    await page.getByTestId('agenda-save').click()
    await collect(page, seen, 'agenda end before start', 'End time')
    await page.keyboard.press('Escape')

    // A decision without its text.
    await tab(page, 'Decisions')
    await page.getByTestId('decision-add').click()
    await page.getByTestId('decision-save').click()
    await collect(page, seen, 'empty decision', 'Decision text')
    await page.keyboard.press('Escape')

    // A follow-up dated before the meeting that agreed the decision.
    await page.getByText('All meetings').click()
    await page.getByTestId('rakor-tabs').getByText('Decision register').click()
    await page.locator('[data-testid=register] tbody tr').first().click()
    await pickDate(page, page.getByTestId('follow-ups').locator('.n-date-picker input'), '2020-01-02')
    await page.getByTestId('fu-progress').locator('textarea').fill('Data handed over to the ministry')
    await page.getByTestId('fu-add').click()
    await collect(page, seen, 'follow-up before the meeting', 'Follow-up date')
    await shot(page, '92-en-follow-up-before-meeting')

    const mixed = seen.filter((s) => indonesian.test(s.text))
    assert.deepEqual(mixed, [], 'no Indonesian sentence in the English interface')
    assert.doesNotMatch(lines, /Line (\d+): Line \1/, 'the line number is said once')
    for (const step of ['end date before start', 'pasted lines', 'agenda end before start', 'empty decision', 'follow-up before the meeting']) {
      assert.ok(seen.some((s) => s.step === step), `a message was seen for: ${step}`)
    }
  })
})
