import { describe, expect, it } from 'vitest'
import { deckChartOption } from './useDeckCharts'
import type { MatrixRow, Region } from '../api'

const cell = (region: string, target: number | null) => ({ region, target, flags: [] as string[] })
const row = {
  indicator: { id: 1, code: 'KOP.01', name: 'Pertumbuhan koperasi', unit: '%', kind: 'ratio', aggregation: 'ratio', decimals: 2, scale: 100 },
  year: 2025,
  national: cell('ID', 15.89), province: cell('19', 12),
  regencies: [cell('19.01', 16.06), cell('19.02', null)],
} as unknown as MatrixRow
const regs = [{ code: '19.01', name: 'Kabupaten Bangka' }, { code: '19.02', name: 'Kabupaten Belitung' }] as Region[]
const names = { national: 'Target nasional', provincial: 'Target provinsi', missing: 'belum lapor' }

describe('the bar chart of an indicator on the wall', () => {
  const o = deckChartOption(row, regs, 'id', names)
  it('says "belum lapor" where a kab/kota has no figure', () => {
    const missing = o.series[1]
    expect(missing.data).toEqual([null, 0])
    const label = missing.label as { formatter: (p: { value: number | null }) => string; fontSize: number }
    expect(label.formatter({ value: 0 })).toBe('belum lapor')
    expect(label.formatter({ value: null })).toBe('')
    expect(label.fontSize).toBeGreaterThanOrEqual(16)
  })
  it('labels the reference lines right of the plot in 16 px or more', () => {
    const lines = o.series[0].markLine?.data as { label: { position: string; fontSize: number } }[]
    expect(lines).toHaveLength(2)
    for (const l of lines) {
      expect(l.label.position).toBe('end')
      expect(l.label.fontSize).toBeGreaterThanOrEqual(16)
    }
  })
})
