import { nextTick, onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * Which items of a scrolling list are on screen ("6–9 of 9"), and a way to
 * bring the newest one into view. The deck's decisions grow while the room
 * watches; the newest must never sit below the fold.
 */
export function useVisibleRange(list: Ref<HTMLElement | null>) {
  const first = ref(0)
  const last = ref(0)

  function measure() {
    const el = list.value
    if (!el) return
    const box = el.getBoundingClientRect()
    const items = [...el.children] as HTMLElement[]
    let lo = 0
    let hi = 0
    items.forEach((it, i) => {
      const r = it.getBoundingClientRect()
      // Counted when at least half of it shows: a sliver is not "on screen".
      const shown = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top)
      if (shown >= Math.min(r.height, box.height) / 2) {
        if (!lo) lo = i + 1
        hi = i + 1
      }
    })
    first.value = lo
    last.value = hi
  }

  async function toEnd() {
    await nextTick()
    const el = list.value
    if (!el) return
    el.scrollTop = el.scrollHeight
    measure()
  }

  function page(by: number) {
    const el = list.value
    if (!el) return
    el.scrollBy({ top: by * el.clientHeight * 0.9 })
    measure()
  }

  let observer: ResizeObserver | undefined
  watch(list, (el, old) => {
    if (old) old.removeEventListener('scroll', measure)
    observer?.disconnect()
    if (!el) return
    el.addEventListener('scroll', measure, { passive: true })
    observer = new ResizeObserver(measure)
    observer.observe(el)
    toEnd()
  })
  onBeforeUnmount(() => {
    list.value?.removeEventListener('scroll', measure)
    observer?.disconnect()
  })
  return { first, last, measure, toEnd, page }
}
