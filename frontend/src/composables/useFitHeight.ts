import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * The height that lets a scrolling box end at the bottom of the window, so
 * its own scrollbars (not the page's) move it, and whatever stays frozen in
 * it (headings, reference columns) stays on screen. Measured after the frame
 * is painted, when reading a position costs nothing: measuring while a big
 * table is being laid out forced that layout again and again.
 */
export function useFitHeight(el: Ref<HTMLElement | null>, margin = 16, min = 240) {
  const height = ref('')
  function measure() {
    const box = el.value
    if (!box) return
    const h = Math.max(min, Math.floor(window.innerHeight - box.getBoundingClientRect().top - margin)) + 'px'
    if (h !== height.value) height.value = h
  }
  let frame = 0
  function fit() {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => setTimeout(measure))
  }
  onMounted(() => {
    window.addEventListener('resize', fit)
    fit()
  })
  onBeforeUnmount(() => {
    window.removeEventListener('resize', fit)
    cancelAnimationFrame(frame)
  })
  return { height, fit }
}
