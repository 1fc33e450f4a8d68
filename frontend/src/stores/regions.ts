import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, type Region } from '../api'

// The province list is fixed for a build: load it once.
export const useRegions = defineStore('regions', () => {
  const provinces = ref<Region[]>([])
  async function ensureProvinces() {
    if (provinces.value.length === 0) provinces.value = await api.regions.provinces()
    return provinces.value
  }
  function provinceName(code: string | undefined) {
    return provinces.value.find((p) => p.code === code)?.name ?? code ?? ''
  }
  return { provinces, ensureProvinces, provinceName }
})
