import { useI18n } from 'vue-i18n'
import type { MatrixCell, MatrixRow } from '../../api'
import { useWorkspace } from '../../stores/workspace'
import { formatNumber, formatPercent, formatValue } from '../../format'

/** How a matrix cell reads, shared by the three layouts of the matrix. */
export function useMatrixCells() {
  const { t } = useI18n()
  const ws = useWorkspace()
  const fmt = (r: MatrixRow, v: number | null | undefined) => formatValue(r.indicator, v, ws.lang, true)
  const gap = (r: MatrixRow) =>
    r.indicator.kind === 'rupiah' ? formatValue(r.indicator, r.gap, ws.lang, true) : r.gap == null ? '–' : formatNumber(r.gap, r.indicator.decimals, ws.lang)
  const pct = (v: number | null | undefined) => formatPercent(v, 0, ws.lang)

  function title(r: MatrixRow, c: MatrixCell, name: string) {
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
  return { fmt, gap, pct, title, hint }
}
