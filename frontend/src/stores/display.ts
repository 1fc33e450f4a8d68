import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

/** How dense the matrix is: chosen to fit the screen, or fixed by the user. */
export type Density = 'fit' | 'compact' | 'roomy'

function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T) {
  const saved = localStorage.getItem(key) as T | null
  const v = ref<T>(saved && allowed.includes(saved) ? saved : fallback)
  watch(v, (x) => localStorage.setItem(key, x))
  return v
}

// Projector readability (large type, high contrast) and how the comparison
// screen is laid out, remembered on this computer.
export const useDisplay = defineStore('display', () => {
  const large = ref(localStorage.getItem('selaras.large') === '1')
  const contrast = ref(localStorage.getItem('selaras.contrast') === '1')
  watch(large, (v) => localStorage.setItem('selaras.large', v ? '1' : '0'))
  watch(contrast, (v) => localStorage.setItem('selaras.contrast', v ? '1' : '0'))
  const density = remembered<Density>('selaras.matrix.density', ['fit', 'compact', 'roomy'], 'fit')
  // The legend above the matrix, and the screen's description: open or folded.
  // The description starts folded on a laptop, where its lines cost rows of the matrix.
  const legend = remembered<'open' | 'closed'>('selaras.matrix.legend', ['open', 'closed'], 'open')
  const intro = remembered<'open' | 'closed'>('selaras.comparison.intro', ['open', 'closed'], window.innerHeight >= 900 ? 'open' : 'closed')
  return { large, contrast, density, legend, intro }
})
