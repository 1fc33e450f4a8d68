import { describe, expect, it } from 'vitest'
import { i18n } from './i18n'
import { historyLines, tableLabel } from './history'
import type { AuditEntry } from './api'

const { t, te } = i18n.global
const entry = (action: string, oldValues: object | null, newValues: object | null) =>
  ({ id: 1, table: 'plan_line', rowKey: '1', action, oldValues: oldValues ? JSON.stringify(oldValues) : '', newValues: newValues ? JSON.stringify(newValues) : '', changedAt: '', userName: '' }) as AuditEntry

describe('the change history in Indonesian', () => {
  it.each([
    { name: 'money as Rupiah', e: entry('update', { id: 3, pagu: 150000000 }, { id: 3, pagu: 175000000 }), want: ['Pagu indikatif: Rp150.000.000 → Rp175.000.000'] },
    { name: 'an import by its file', e: entry('update', { source: 'ketik', target: 12.5 }, { source: 'impor:Templat-Kabupaten-Bangka-2025.xlsx#0123456789ab', target: 13 }),
      want: ['Asal: diketik → impor dari Templat-Kabupaten-Bangka-2025.xlsx', 'Target: 12,5 → 13'] },
    { name: 'a status and a date', e: entry('update', { status: 'baru', done_date: '' }, { status: 'selesai', done_date: '2024-02-23' }),
      want: ['Status: Baru → Selesai', 'Tanggal selesai: – → Jumat, 23 Februari 2024'] },
    { name: 'a year stays a year; keys are left out', e: entry('update', { year: 2024, meeting_id: 1 }, { year: 2025, meeting_id: 2 }), want: ['Tahun: 2024 → 2025'] },
    { name: 'an addition by what it says', e: entry('insert', null, { id: 9, text: 'Menyusun basis data UMKM', number: 3 }), want: ['Isi: Menyusun basis data UMKM'] },
  ])('$name', ({ e, want }) => {
    expect(historyLines(e, 'id', t, te)).toEqual(want)
  })
  it('names tables as a user knows them', () => {
    expect(tableLabel('import_log', t, te)).toBe('Impor templat')
    expect(tableLabel('plan_line', t, te)).toBe('Baris rencana')
    expect(tableLabel('decision', t, te)).toBe('Kesepakatan')
  })
})
