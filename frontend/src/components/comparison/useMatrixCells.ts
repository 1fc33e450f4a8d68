import { useI18n } from 'vue-i18n'
import type { MatrixCell, MatrixRow } from '../../api'
import { useWorkspace } from '../../stores/workspace'
import { formatNumber, formatPercent, formatValue } from '../../format'
import type { Dense } from './geometry'

/**
 * How a matrix cell reads, shared by the three layouts of the matrix. A
 * compact matrix writes money as "Rp23,44 M"; the hover title has it in full.
 */
export function useMatrixCells(dense: () => Dense = () => 'roomy') {
  const { t } = useI18n()
  const ws = useWorkspace()
  const fmt = (r: MatrixRow, v: number | null | undefined) => formatValue(r.indicator, v, ws.lang, dense() === 'compact' ? 'compact' : true)
  const gap = (r: MatrixRow) =>
    r.indicator.kind === 'rupiah' ? fmt(r, r.gap) : r.gap == null ? '–' : formatNumber(r.gap, r.indicator.decimals, ws.lang)
  const pct = (v: number | null | undefined) => formatPercent(v, 0, ws.lang)
  /** The line under a kab/kota figure: its realisation and achievement. */
  const real = (r: MatrixRow, c: MatrixCell | undefined) =>
    c?.realisation != null ? `${fmt(r, c.realisation)} · ${pct(c.achievement)}` : ''

  function title(r: MatrixRow, c: MatrixCell | undefined, name: string) {
    if (!c) return name
    const parts = [`${r.indicator.name} · ${name} · ${r.year}`]
    parts.push(`${t('cmp.target')}: ${formatValue(r.indicator, c.target, ws.lang)}`)
    if (c.realisation != null) parts.push(`${t('cmp.realisation')}: ${formatValue(r.indicator, c.realisation, ws.lang)}`)
    if (c.achievement != null) parts.push(`${t('cmp.achievement')}: ${formatPercent(c.achievement, 1, ws.lang)}`)
    for (const f of c.flags) parts.push('• ' + t('flags.' + f))
    if (c.source === 'demo') parts.push('(' + t('cmp.demoValue') + ')')
    return parts.join('\n')
  }
  /** Sets a cell's tooltip when the pointer reaches it, not for every cell up front. */
  function hint(ev: Event, text: () => string) {
    const el = ev.currentTarget as HTMLElement | null
    if (el) el.title = text() // anew each time: the figures may have changed since
  }
  return { fmt, gap, pct, real, title, hint }
}
