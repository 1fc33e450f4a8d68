import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Indicator, MatrixCell, ValueField } from '../../../api'
import { useComparison } from '../../../stores/comparison'
import { useWorkspace } from '../../../stores/workspace'
import { formatValue, shortRegion, type Lang } from '../../../format'

/** A row of the entry grid: national, the province, a kab/kota. */
export interface GridRow { code: string; name: string }

/** The fields the grid types, in the order its selector offers them. */
export const valueFields: ValueField[] = ['target', 'targetNum', 'targetDen', 'realisation', 'realNum', 'realDen', 'baseline', 'note']

/** A ratio's numerator or denominator: a plain count, whatever the indicator's kind. */
export const isPart = (f: string) => f.endsWith('Num') || f.endsWith('Den')

/**
 * A stored figure of a field as the grid writes it ('' for none): a note as
 * typed, a ratio's part as a count, anything else as its indicator says.
 */
export function fieldText(ind: Indicator | undefined, f: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return ''
  if (f === 'note') return String(v)
  if (!ind) return String(v)
  return formatValue(isPart(f) ? { ...ind, kind: 'count', scale: 1 } : ind, Number(v), lang)
}

/**
 * The entry grid's rows, columns and cells for a field and year: what each
 * cell shows, and which cells cannot be typed (a ratio's part of another
 * kind, agreed targets, a region this person does not write).
 */
export function useGridCells(field: Ref<ValueField>, year: Ref<number>) {
  const { t } = useI18n()
  const cmp = useComparison()
  const ws = useWorkspace()

  const rows = computed<GridRow[]>(() => {
    const m = cmp.matrix
    if (!m) return []
    // A kab/kota office types its own row only; the matrix shows the rest.
    if (ws.ownRegion) {
      const own = m.regencies.find((g) => g.code === ws.ownRegion)
      return own ? [{ code: own.code, name: shortRegion(own.name) }] : []
    }
    return [
      { code: 'ID', name: t('cmp.national') },
      { code: m.province.code, name: m.province.name },
      ...m.regencies.map((g) => ({ code: g.code, name: shortRegion(g.name) })),
    ]
  })
  const regencyIndex = computed(() => new Map((cmp.matrix?.regencies ?? []).map((g, i) => [g.code, i])))
  const cols = computed<Indicator[]>(() => {
    const seen = new Set<number>()
    return (cmp.matrix?.rows ?? []).map((r) => r.indicator).filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)))
  })

  function cellAt(r: number, c: number): MatrixCell | null {
    const m = cmp.matrix
    const ind = cols.value[c]
    if (!m || !ind) return null
    const row = m.rows.find((x) => x.indicator.id === ind.id && x.year === year.value)
    if (!row) return null
    const code = rows.value[r]?.code
    if (code === 'ID') return row.national
    if (code === m.province.code) return row.province
    return row.regencies[regencyIndex.value.get(code ?? '') ?? -1] ?? null
  }
  function raw(cell: MatrixCell | null): number | string | null | undefined {
    if (!cell) return null
    return field.value === 'note' ? cell.note : (cell[field.value] as number | null | undefined)
  }
  const shown = (r: number, c: number) => fieldText(cols.value[c], field.value, raw(cellAt(r, c)), ws.lang)

  function disabled(c: number) {
    return isPart(field.value) && cols.value[c]?.kind !== 'ratio'
  }
  // The targets of a kab/kota agreed in a meeting are locked until the
  // secretariat reopens them; realisation goes on.
  function agreedRow(r: number) {
    return field.value.startsWith('target') && cmp.isAgreed(rows.value[r]?.code ?? '', year.value)
  }
  function locked(r: number, c: number) {
    return disabled(c) || agreedRow(r) || !ws.may.values(rows.value[r]?.code ?? '')
  }

  return { rows, cols, cellAt, raw, shown, agreedRow, locked }
}
