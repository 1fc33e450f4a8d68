import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent } from 'echarts/components'
import type { Matrix, MatrixRow, Region } from '../api'
import { formatValue, shortRegion, type Lang } from '../format'
import { axisMax, barLabels } from '../chartAxis'
import { useWorkspace } from '../stores/workspace'

use([CanvasRenderer, BarChart, GridComponent, MarkLineComponent])

/** The deck's indicator slides: a figure as the room reads it, and the bar chart of a row of the matrix shown. */
export function useDeckCharts(matrix: Ref<Matrix | null>) {
  const { t } = useI18n()
  const ws = useWorkspace()
  const fmt = (r: MatrixRow, v: number | null | undefined) => formatValue(r.indicator, v, ws.lang, true)
  const chartOption = (r: MatrixRow) =>
    deckChartOption(r, matrix.value?.regencies ?? [], ws.lang, { national: t('deck.national'), provincial: t('deck.provincial') })
  /** True when no kab/kota has a figure for the row: the slide says so instead of an empty chart. */
  const noBars = (r: MatrixRow) => !r.regencies.some((c) => c.target != null)
  return { fmt, chartOption, noBars }
}

/** The bar chart of one indicator on the projector: a bar per kab/kota and the reference lines. */
export function deckChartOption(r: MatrixRow, regs: Region[], lang: Lang, names: { national: string; provincial: string }) {
  const fmt = (v: number | null | undefined) => formatValue(r.indicator, v, lang, true)
  const big = Math.round(Math.max(14, Math.min(22, window.innerWidth / 80)))
  const lines: { name: string; yAxis: number; lineStyle: { color: string; width: number; type: string }; label: { formatter: string } }[] = []
  // A summed indicator's provincial target is the regencies' total, not a
  // level each regency should reach: no reference lines then.
  const rate = r.indicator.aggregation !== 'sum'
  const prov = rate ? r.province.target : null
  const nat = rate ? r.national.target : null
  // Both labels sit right of the plot on one line each; the higher one's
  // text goes above its line and the lower one's below, so close targets
  // never print over each other.
  const text = (name: string, v: number, up: boolean) => ({ formatter: up ? `${name} ${fmt(v)}\n ` : ` \n${name} ${fmt(v)}` })
  if (prov != null) lines.push({ name: names.provincial, yAxis: prov, lineStyle: { color: '#fbbf24', width: 3, type: 'solid' }, label: text(names.provincial, prov, prov >= (nat ?? prov)) })
  if (nat != null) lines.push({ name: names.national, yAxis: nat, lineStyle: { color: '#f472b6', width: 3, type: 'dashed' }, label: text(names.national, nat, nat > (prov ?? nat)) })
  // Room right of the plot for the longest line label.
  const right = lines.length ? Math.max(190, Math.ceil(Math.max(...lines.map((l) => l.label.formatter.length)) * (big - 2) * 0.58)) : 30
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
      max: axisMax([...r.regencies.map((c) => c.target), ...lines.map((l) => l.yAxis)]),
      axisLabel: { color: '#cbd5e1', fontSize: big - 2, formatter: (v: number) => formatValue({ ...r.indicator, decimals: 0 }, v, lang, true) },
    },
    series: [{
      type: 'bar',
      data: r.regencies.map((c) => ({ value: c.target ?? null, itemStyle: { color: c.flags.some((f) => f.startsWith('below')) ? '#f87171' : '#2dd4bf' } })),
      label: { show: regs.length <= 12, position: 'top', color: '#f8fafc', fontSize: big - 2, formatter: (p: { value: number }) => fmt(p.value) },
      markLine: {
        symbol: 'none',
        label: { position: 'end', color: '#f8fafc', fontSize: big - 2, lineHeight: Math.round((big - 2) * 1.3) },
        data: lines,
      },
    }],
  }
}
