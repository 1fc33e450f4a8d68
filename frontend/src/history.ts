import type { AuditEntry } from './api'
import { formatDate, formatDateTime, formatNumber, formatRupiah, type Lang } from './format'

type T = (key: string, args?: Record<string, unknown>) => string
type Te = (key: string) => boolean

// Columns a user never needs to read: keys, links and bookkeeping (the
// version an edit was based on counts edits; who and when say it better).
const bookkeeping = new Set(['id', 'created_at', 'updated_at', 'sort_order', 'matrix', 'version', 'row_key'])
export const hidden = (k: string) => bookkeeping.has(k) || k.endsWith('_id')
const money = new Set(['pagu', 'pagu_next'])
const dates = new Set(['date', 'day', 'due_date', 'done_date', 'start_date', 'end_date'])
const times = new Set(['imported_at', 'taken_at', 'changed_at', 'signed_at', 'agreed_at', 'reopened_at'])
const flags = new Set(['not_agreed', 'carry_over', 'agreed', 'builtin', 'shipped'])
// Counts and years read as typed: 2025, not 2.025.
const plain = new Set(['year', 'planning_year', 'working_year', 'number', 'position', 'decimals', 'scale', 'headcount'])

/** A column as a user knows it ("Pagu indikatif", not "pagu"). */
export function fieldLabel(column: string, t: T, te: Te): string {
  return te('audit.fields.' + column) ? t('audit.fields.' + column) : column.replace(/_/g, ' ')
}

/** A table as a user knows it ("Baris rencana", not "plan_line"). */
export function tableLabel(table: string, t: T, te: Te): string {
  return te('audit.tables.' + table) ? t('audit.tables.' + table) : table.replace(/_/g, ' ')
}

/** One stored value in Indonesian formats: Rp150.000.000, Jumat, 23 Februari 2024, "impor dari Templat-…". */
export function historyValue(column: string, v: unknown, lang: Lang, t: T, te: Te): string {
  if (v === null || v === undefined || v === '') return '–'
  if (money.has(column)) return formatRupiah(Number(v), lang)
  if (dates.has(column)) return formatDate(String(v), lang)
  if (times.has(column)) return formatDateTime(String(v), lang)
  if (plain.has(column)) return String(v)
  if (flags.has(column)) return Number(v) ? t('audit.yes') : t('audit.no')
  if (column === 'source') {
    const s = String(v)
    if (s.startsWith('impor:')) return t('audit.importFrom', { file: s.slice(6).split('#')[0] })
    return te('audit.source.' + s) ? t('audit.source.' + s) : s
  }
  if (column === 'status' && te('record.status.' + v)) return t('record.status.' + v)
  if (typeof v === 'number') return formatNumber(v, Number.isInteger(v) ? 0 : undefined, lang)
  return String(v)
}

/**
 * The lines of an audit entry: for a change, "Pagu indikatif: Rp150.000.000 →
 * Rp175.000.000" per changed column; for an addition or removal, the columns
 * that say what it was (its text, title, name, file...).
 */
export function historyLines(e: AuditEntry, lang: Lang, t: T, te: Te): string[] {
  const parse = (j: string) => (j ? (JSON.parse(j) as Record<string, unknown>) : {})
  const before = parse(e.oldValues)
  const after = parse(e.newValues)
  const show = (k: string, v: unknown) => historyValue(k, v, lang, t, te)
  if (e.action === 'update') {
    return Object.keys({ ...before, ...after })
      .filter((k) => !hidden(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${fieldLabel(k, t, te)}: ${show(k, before[k])} → ${show(k, after[k])}`)
  }
  const row = e.action === 'delete' ? before : after
  return ['text', 'title', 'name', 'file_name', 'description', 'label', 'code']
    .filter((k) => row[k] !== undefined && row[k] !== '')
    .slice(0, 2)
    .map((k) => `${fieldLabel(k, t, te)}: ${show(k, row[k])}`)
}
