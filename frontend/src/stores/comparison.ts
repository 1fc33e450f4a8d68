import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { api, type Flag, type Indicator, type Matrix } from '../api'
import { useWorkspace } from './workspace'

// The matrix on screen: which province and years, and the result the Go
// harmonisation engine computed for them. Views only render it.
export const useComparison = defineStore('comparison', () => {
  const ws = useWorkspace()
  const province = ref('')
  const years = ref<number[]>([])
  // Replaced whole on each load, never edited in place: a shallow ref spares
  // Vue from wrapping its thousands of cells in proxies (38 kab/kota x 15 indicators).
  const matrix = shallowRef<Matrix | null>(null)
  const indicators = ref<Indicator[]>([])
  const loading = ref(false)
  const focusIndicator = ref<number | null>(null)
  // A cell to open in the entry grid ("one click from a flag to the cell to fix").
  const fixTarget = ref<{ indicatorId: number; region: string; year: number } | null>(null)
  const tab = ref<'matrix' | 'indicator' | 'entry'>('matrix')
  // A cell of the entry grid is being typed in: a change from another PC waits.
  const typing = ref(false)
  // A kab/kota found with Ctrl+K: the matrix scrolls to it and marks it,
  // until another province is chosen.
  const found = ref('')
  // The agreements in force of the province's kab/kota, by "region|year":
  // their targets are locked (shown with a lock, refused in the entry grid).
  const agreed = computed(() => new Set(matrix.value?.agreed ?? []))
  function isAgreed(region: string, year: number) {
    return agreed.value.has(region + '|' + year)
  }
  watch(province, (p) => {
    if (found.value && !found.value.startsWith(p + '.')) found.value = ''
  })

  /** Opens the matrix of a kab/kota's province, scrolled to it and marked. */
  function show(region: string) {
    province.value = region.slice(0, 2)
    found.value = region.length > 2 ? region : ''
    tab.value = 'matrix'
  }

  function ensureDefaults() {
    // A kab/kota office opens on its own province, in its entry grid.
    if (!province.value && ws.ownRegion) {
      province.value = ws.ownRegion.slice(0, 2)
      tab.value = 'entry'
    }
    if (!province.value) province.value = ws.profile?.provinceCode ?? ''
    if (years.value.length === 0 && ws.profile) years.value = [ws.profile.workingYear]
  }

  /**
   * Loads the matrix of the chosen province and years, and the indicator
   * catalogue when asked (the screen opens, an indicator changed): choosing
   * another province reads the matrix alone.
   */
  async function load(opts: { catalogue?: boolean } = {}) {
    ensureDefaults()
    if (!province.value || years.value.length === 0) return
    loading.value = true
    try {
      const [m, inds] = await Promise.all([
        api.targets.matrix(province.value, [...years.value].sort()),
        opts.catalogue || indicators.value.length === 0 ? api.targets.indicators() : indicators.value,
      ])
      matrix.value = m
      indicators.value = inds
      if (focusIndicator.value === null && inds.length > 0) focusIndicator.value = inds[0].id
    } finally {
      loading.value = false
    }
  }

  const flagCounts = computed(() => (matrix.value?.counts ?? {}) as Record<Flag, number>)

  /** The entry grid on a cell to correct: only where this person types figures. */
  function openFix(indicatorId: number, region: string, year: number) {
    if (!ws.may.values(region)) return
    fixTarget.value = { indicatorId, region, year }
    tab.value = 'entry'
  }

  return { province, years, matrix, typing, found, agreed, isAgreed, indicators, loading, focusIndicator, fixTarget, tab, flagCounts, load, openFix, ensureDefaults, show }
})
