import { describe, expect, it } from 'vitest'
import { axisMax, barLabels, referenceLines } from './chartAxis'

describe('axisMax', () => {
  it.each([
    { name: 'a national target above every bar is inside the axis', values: [10, 12, null, 25], want: 30 },
    { name: 'a reference line below the bars changes nothing', values: [140, 169, 1000], want: 1200 },
    { name: 'fractions', values: [0.4, 0.59], want: 0.8 },
    { name: 'nothing to show: ECharts decides', values: [null, undefined], want: undefined },
    { name: 'only zero or less: ECharts decides', values: [0, -3], want: undefined },
  ])('$name', ({ values, want }) => {
    const got = axisMax(values)
    expect(got).toBe(want)
    if (got !== undefined) for (const v of values) if (v != null) expect(got).toBeGreaterThanOrEqual(v)
  })
})

describe('barLabels', () => {
  it('wraps seven Bangka Belitung names at word boundaries on a laptop', () => {
    const names = ['Kab. Bangka', 'Kab. Belitung', 'Kab. Bangka Selatan', 'Kab. Bangka Tengah', 'Kab. Bangka Barat', 'Kab. Belitung Timur', 'Kota Pangkal Pinang']
    const l = barLabels(names, 960, 17)
    expect(l.rotate).toBe(0)
    expect(l.overflow).toBe('break')
    // The widest word fits its slot, so no word is broken and no label runs into the next.
    expect(9 * l.fontSize * 0.56).toBeLessThanOrEqual(960 / 7 - 8)
  })
  it('stands 38 Jawa Timur names upright, no taller than a slot is wide', () => {
    const names = Array.from({ length: 38 }, (_, i) => `Kab. Probolinggo ${i}`)
    const l = barLabels(names, 866, 17)
    expect(l.rotate).toBe(90)
    expect(l.fontSize).toBeLessThanOrEqual(866 / 38)
    expect(l.overflow).toBe('truncate')
  })
})

describe('referenceLines', () => {
  const fmt = (v: number) => `${v.toFixed(2).replace('.', ',')}%`
  it('labels both lines right of the plot, the higher above and the lower below', () => {
    const { data, right } = referenceLines([
      { name: 'Provinsi', value: 12, color: '#0f766e' },
      { name: 'Nasional', value: 15.89, color: '#b91c1c', dashed: true },
    ], fmt, 12)
    expect(data.map((d) => d.label.position)).toEqual(['end', 'end'])
    expect(data[0].label.formatter).toBe(' \nProvinsi 12,00%')
    expect(data[1].label.formatter).toBe('Nasional 15,89%\n ')
    expect(data[1].lineStyle.type).toBe('dashed')
    // Room for "Nasional 15,89%" at 12 px.
    expect(right).toBeGreaterThanOrEqual(15 * 12 * 0.56)
  })
  it('puts one of two equal targets above and the other below', () => {
    const { data } = referenceLines([
      { name: 'Provinsi', value: 12, color: 'a' },
      { name: 'Nasional', value: 12, color: 'b' },
    ], fmt, 12)
    expect(data[0].label.formatter.startsWith('Provinsi')).toBe(true)
    expect(data[1].label.formatter.startsWith(' \n')).toBe(true)
  })
  it('needs little room without lines', () => {
    expect(referenceLines([], fmt, 12).right).toBe(20)
  })
})
