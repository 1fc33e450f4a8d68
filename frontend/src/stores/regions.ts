import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, type Region } from '../api'

// The region list is fixed for a build: load it once.
export const useRegions = defineStore('regions', () => {
  const provinces = ref<Region[]>([])
  const all = ref<Region[]>([])
  // The kab/kota of a province, by its code, as asked for.
  const regencyLists = new Map<string, Region[]>()
  async function ensureProvinces() {
    if (provinces.value.length === 0) provinces.value = await api.regions.provinces()
    return provinces.value
  }
  /** Loads every province and kab/kota (552 rows) for name look-ups and region pickers. */
  async function ensureAll() {
    if (all.value.length === 0) all.value = await api.regions.search({ text: '', province: '', level: '' })
    return all.value
  }
  /** The kab/kota of a province; loaded once. */
  async function ensureRegencies(province: string) {
    let list = regencyLists.get(province)
    if (!list) regencyLists.set(province, (list = await api.regions.regencies(province)))
    return list
  }
  /** The kab/kota of a province if already loaded (the first screen draws them at once). */
  const loadedRegencies = (province: string) => regencyLists.get(province)
  /** Takes what the first call brought (api.workspace.boot): no second round trip for the home screen. */
  function seed(p: Region[], province: string | undefined, regencies: Region[]) {
    if (p.length > 0) provinces.value = p
    if (province) regencyLists.set(province, regencies)
  }
  function provinceName(code: string | undefined) {
    return provinces.value.find((p) => p.code === code)?.name ?? code ?? ''
  }
  const byCode = computed(() => new Map(all.value.map((r) => [r.code, r])))
  /** The name of any region once ensureAll has run; the code itself until then. */
  function name(code: string): string {
    return byCode.value.get(code)?.name ?? provinceName(code)
  }
  /** Options for a region select: provinces, each followed by its kab/kota. */
  const options = computed(() => all.value.map((r) => ({ label: `${r.code} ${r.name}`, value: r.code })))
  return { provinces, all, ensureProvinces, ensureAll, ensureRegencies, loadedRegencies, seed, provinceName, name, options }
})
