import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent } from 'echarts/components'
import type { Matrix, MatrixRow, Region } from '../api'
import { formatValue, shortRegion, type Lang } from '../format'
import { axisMax, barLabels, referenceLines, type Reference } from '../chartAxis'
import { useWorkspace } from '../stores/workspace'

use([CanvasRenderer, BarChart, GridComponent, MarkLineComponent])

/** The deck's indicator slides: a figure as the room reads it, and the bar chart of a row of the matrix shown. */
export function useDeckCharts(matrix: Ref<Matrix | null>) {
  const { t } = useI18n()
  const ws = useWorkspace()
  const fmt = (r: MatrixRow, v: number | null | undefined) => formatValue(r.indicator, v, ws.lang, true)
  const chartOption = (r: MatrixRow) =>
    deckChartOption(r, matrix.value?.regencies ?? [], ws.lang, { national: t('deck.national'), provincial: t('deck.provincial'), missing: t('deck.notReported') })
  /** True when no kab/kota has a figure for the row: the slide says so instead of an empty chart. */
  const noBars = (r: MatrixRow) => !r.regencies.some((c) => c.target != null)
  return { fmt, chartOption, noBars }
}

/** The bar chart of one indicator on the projector: a bar per kab/kota and the reference lines. */
export function deckChartOption(r: MatrixRow, regs: Region[], lang: Lang, names: { national: string; provincial: string; missing: string }) {
  const fmt = (v: number | null | undefined) => formatValue(r.indicator, v, lang, true)
  // Text on the wall is 16 px at the least (a 1280x720 projector), 22 at most.
  const big = Math.round(Math.max(18, Math.min(24, window.innerWidth / 80)))
  // A summed indicator's provincial target is the regencies' total, not a
  // level each regency should reach: no reference lines then.
  const rate = r.indicator.aggregation !== 'sum'
  const refs: Reference[] = []
  if (rate && r.province.target != null) refs.push({ name: names.provincial, value: r.province.target, color: '#fbbf24' })
  if (rate && r.national.target != null) refs.push({ name: names.national, value: r.national.target, color: '#f472b6', dashed: true })
  const lines = referenceLines(refs, fmt, big - 2, 3)
  const right = refs.length ? Math.max(190, lines.right) : 30
  // The plot is the slide (less its padding) less the axis and the line labels.
  const plot = window.innerWidth * 0.92 - right - 100
  const labels = barLabels(regs.map((g) => shortRegion(g.name)), plot, big)
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    grid: { left: 20, right, top: 30, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: regs.map((g) => shortRegion(g.name)), axisLabel: { color: '#e5e7eb', ...labels } },
    // Axis ticks without decimals: "20%" reads faster than "20,00%" from the back of the room.
    yAxis: {
      type: 'value', splitLine: { lineStyle: { color: '#334155' } },
      max: axisMax([...r.regencies.map((c) => c.target), ...refs.map((l) => l.value)]),
      axisLabel: { color: '#cbd5e1', fontSize: big - 2, formatter: (v: number) => formatValue({ ...r.indicator, decimals: 0 }, v, lang, true) },
    },
    series: [{
      type: 'bar',
      data: r.regencies.map((c) => ({ value: c.target ?? null, itemStyle: { color: c.flags.some((f) => f.startsWith('below')) ? '#f87171' : '#2dd4bf' } })),
      label: { show: regs.length <= 12, position: 'top', color: '#f8fafc', fontSize: big - 2, formatter: (p: { value: number }) => fmt(p.value) },
      markLine: {
        symbol: 'none',
        label: { position: 'end', color: '#f8fafc', fontSize: big - 2, lineHeight: Math.round((big - 2) * 1.3) },
        data: lines.data,
      },
    }, {
      // A kab/kota with no figure says so where its bar would stand, upright from the axis.
      type: 'bar', barGap: '-100%', silent: true,
      data: r.regencies.map((c) => (c.target == null ? 0 : null)),
      label: {
        show: true, position: 'insideBottom', rotate: 90, align: 'left', verticalAlign: 'middle', distance: 8,
        color: '#fca5a5', fontSize: big - 2, fontWeight: 600, formatter: (p: { value: number | null }) => (p.value === 0 ? names.missing : ''),
      },
    }],
  }
}
