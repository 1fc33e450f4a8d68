// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'
import { i18n } from '../../i18n'
import { matrixFrom } from '../../api'
import { useComparison } from '../../stores/comparison'
import MatrixTable from './MatrixTable.vue'

// A province as offices have it: 38 kab/kota and a few indicators, one of
// them in Rupiah. Each layout must show its rows and its headings from the
// one matrix computed in Go, and the chosen layout is kept for next time.
const regencies = Array.from({ length: 38 }, (_, i) => ({
  code: `35.${String(i + 1).padStart(2, '0')}`, name: `Kabupaten Contoh ${i + 1}`, level: 'kabupaten', provinceCode: '35',
}))
const indicator = (id: number, name: string, kind = 'percent') => ({
  id, code: `I${id}`, name, unit: kind === 'rupiah' ? 'Rp' : '%', kind, aggregation: 'mean', polarity: 'higher', decimals: 2, scale: 1,
  numeratorLabel: '', denominatorLabel: '', category: '', definition: '', dataSource: '', nationalRef: '', sortOrder: id,
})
const cell = (region: string, target: number) => ({ region, target, rank: 0, flags: [], source: '', note: '', version: 1 })
const row = (id: number, name: string, kind?: string) => ({
  indicator: indicator(id, name, kind), year: 2025, national: cell('', 70), province: cell('35', 72),
  regencies: regencies.map((r, i) => cell(r.code, 60 + i / 2)), rollUp: { target: 69, reported: 38, expected: 38, complete: true },
  gap: 3, flags: [], rankedBy: '',
})
const matrix = matrixFrom({
  province: { code: '35', name: 'Jawa Timur', level: 'provinsi', provinceCode: '35' }, years: [2025], regencies,
  rows: [row(1, 'Persentase koperasi aktif'), row(2, 'Rasio wirausaha'), row(3, 'Volume usaha koperasi', 'rupiah')], counts: {},
})

async function mountMatrix() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useComparison().matrix = matrix
  const wrapper = mount(() => h(NMessageProvider, () => h(MatrixTable)), { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('the matrix layouts', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} })
    // The window's Wails runtime, which the stores subscribe to for other PCs' changes.
    vi.stubGlobal('runtime', { EventsOnMultiple: () => () => undefined })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('indicators as rows: each indicator a row, the kab/kota on screen as columns', async () => {
    const w = await mountMatrix()
    const text = w.text()
    for (const r of matrix.rows) expect(text).toContain(r.indicator.name)
    expect(text).toContain('Contoh 1')
    // Only what is on screen is rendered: never all 38 columns at once.
    expect(text).not.toContain('Contoh 38')
    w.unmount()
  })

  it('kab/kota as rows: the kab/kota on screen as rows, the indicators as columns; the choice is remembered', async () => {
    const w = await mountMatrix()
    const regions = w.findAll('[data-testid=matrix-layout] input').find((i) => (i.element as HTMLInputElement).value === 'regions')
    expect(regions).toBeDefined()
    await regions!.setValue(true)
    await flushPromises()
    expect(localStorage.getItem('selaras.matrix.layout')).toBe('regions')
    const text = w.text()
    expect(text).toContain('Contoh 1')
    expect(text).toContain('Persentase koperasi aktif')
    expect(text).not.toContain('Contoh 38')
    w.unmount()
  })

  it('the projector shows one indicator large, with every kab/kota of the province', async () => {
    localStorage.setItem('selaras.matrix.layout', 'projector')
    const w = await mountMatrix()
    const text = w.text()
    expect(text).toContain('Persentase koperasi aktif')
    expect(text).not.toContain('Rasio wirausaha')
    expect(w.find('[data-testid=flag-filter]').exists()).toBe(false)
    w.unmount()
  })
})
