/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { i18n } from './i18n'
import { hidden, historyLines, tableLabel } from './history'
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
    { name: 'a reopening of agreed targets, with its reason', e: entry('update', { reopened_by: '', reopen_reason: '' }, { reopened_by: 'sari', reopen_reason: 'Pagu APBD-P berubah' }),
      want: ['Dibuka kembali oleh: – → sari', 'Alasan dibuka kembali: – → Pagu APBD-P berubah'] },
    { name: 'an addition by what it says', e: entry('insert', null, { id: 9, text: 'Menyusun basis data UMKM', number: 3 }), want: ['Isi: Menyusun basis data UMKM'] },
  ])('$name', ({ e, want }) => {
    expect(historyLines(e, 'id', t, te)).toEqual(want)
  })
  it('names tables as a user knows them', () => {
    expect(tableLabel('import_log', t, te)).toBe('Impor templat')
    expect(tableLabel('plan_line', t, te)).toBe('Baris rencana')
    expect(tableLabel('decision', t, te)).toBe('Kesepakatan')
    expect(tableLabel('target_agreement', t, te)).toBe('Kesepakatan target kabupaten/kota')
  })
})

// Every column of the workspace's tables is either named for people in both
// languages or left out of the history as bookkeeping: a new column must not
// reach the Settings page as "version: 1 → 2".
describe('the columns the history can show', () => {
  // The schema as the store's SQLite migrations declare it (Vitest runs in frontend/).
  const dir = resolve(process.cwd(), '../backend/store/migrations/sqlite')
  const columns = new Set<string>()
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql'))) {
    const sql = readFileSync(join(dir, f), 'utf8').replace(/--.*$/gm, '')
    for (const m of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\)/g)) {
      // generation: a counter the catalogue's triggers bump, never audited.
      if (['audit_log', 'meta', 'snapshot_matrix', 'attendance_signature', 'generation'].includes(m[1])) continue
      for (const line of m[2].split('\n')) {
        const col = /^\s*([a-z_]+)\s+(INTEGER|TEXT|REAL|BLOB|NUMERIC)/.exec(line)
        if (col) columns.add(col[1])
      }
    }
    for (const m of sql.matchAll(/ALTER TABLE \w+ ADD COLUMN (\w+)/g)) columns.add(m[1])
  }
  it('reads the schema', () => {
    expect(columns.has('pagu')).toBe(true)
    expect(columns.has('version')).toBe(true)
  })
  it('names every column people see, in both languages', () => {
    const unnamed = [...columns].filter((c) => !hidden(c) && !(te('audit.fields.' + c, 'id') && te('audit.fields.' + c, 'en')))
    expect(unnamed).toEqual([])
  })
  it('leaves the version out of a change', () => {
    const e = entry('update', { id: 3, version: 1, pagu: 1 }, { id: 3, version: 2, pagu: 2 })
    expect(historyLines(e, 'id', t, te)).toEqual(['Pagu indikatif: Rp1 → Rp2'])
  })
})
