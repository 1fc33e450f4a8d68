import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

// Projector readability: large type and high contrast, remembered on this computer.
export const useDisplay = defineStore('display', () => {
  const large = ref(localStorage.getItem('selaras.large') === '1')
  const contrast = ref(localStorage.getItem('selaras.contrast') === '1')
  watch(large, (v) => localStorage.setItem('selaras.large', v ? '1' : '0'))
  watch(contrast, (v) => localStorage.setItem('selaras.contrast', v ? '1' : '0'))
  return { large, contrast }
})
