import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * The items of one axis of a scrolling box that are on screen, plus `overscan`
 * on each side: [start, end). Items are `size` pixels each and begin
 * `before` pixels into the box (frozen columns, a sticky heading), which
 * cover that much of the view.
 */
export function span(scroll: number, view: number, before: number, size: number, count: number, overscan: number): [number, number] {
  if (count <= 0) return [0, 0]
  if (size <= 0 || view <= 0) return [0, Math.min(count, overscan * 2 + 1)]
  const first = Math.floor(Math.max(0, scroll) / size)
  const last = Math.ceil((Math.max(0, scroll) + Math.max(0, view - before)) / size)
  const start = Math.max(0, Math.min(count - 1, first) - overscan)
  return [start, Math.max(start, Math.min(count, last + overscan))]
}

export interface Axis {
  count: () => number
  /** Pixels per item. */
  size: () => number
  /** Pixels before the first item that stay in view (frozen columns, sticky heading). */
  before: () => number
  overscan?: number
}

/**
 * What of a large grid a scrolling box shows, so only that is rendered:
 * the matrix of a province is 38 kab/kota by up to a hundred and fifty
 * indicator-years, of which a screen shows a few dozen cells. The range
 * follows scrolling (once per frame) and the box's size.
 */
export function useWindowed(box: Ref<HTMLElement | null>, rows: Axis, cols: Axis) {
  const r0 = ref(0)
  const r1 = ref(0)
  const c0 = ref(0)
  const c1 = ref(0)
  // Before the box is measured: a screenful at most, never the whole grid.
  const view = { w: window.innerWidth, h: window.innerHeight }

  function update() {
    const el = box.value
    if (el) {
      view.w = el.clientWidth || view.w
      view.h = el.clientHeight || view.h
    }
    const [a, b] = span(el?.scrollTop ?? 0, view.h, rows.before(), rows.size(), rows.count(), rows.overscan ?? 3)
    const [c, d] = span(el?.scrollLeft ?? 0, view.w, cols.before(), cols.size(), cols.count(), cols.overscan ?? 2)
    if (a !== r0.value) r0.value = a
    if (b !== r1.value) r1.value = b
    if (c !== c0.value) c0.value = c
    if (d !== c1.value) c1.value = d
  }

  let frame = 0
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0
      update()
    })
  }
  let observer: ResizeObserver | undefined
  watch(box, (el, old) => {
    old?.removeEventListener('scroll', onScroll)
    observer?.disconnect()
    if (el) {
      el.addEventListener('scroll', onScroll, { passive: true })
      observer = new ResizeObserver(onScroll)
      observer.observe(el)
    }
    update()
  }, { immediate: true, flush: 'post' })
  watch(() => [rows.count(), rows.size(), rows.before(), cols.count(), cols.size(), cols.before()], update, { immediate: true })
  onBeforeUnmount(() => {
    box.value?.removeEventListener('scroll', onScroll)
    observer?.disconnect()
    cancelAnimationFrame(frame)
  })

  /** Scrolls so that row i shows just below the frozen heading. */
  function toRow(i: number) {
    const el = box.value
    if (el) el.scrollTop = Math.max(0, i * rows.size())
    update()
  }
  /** Scrolls so that column i shows beside the frozen columns, one column in. */
  function toCol(i: number) {
    const el = box.value
    if (el) el.scrollLeft = Math.max(0, (i - 1) * cols.size())
    update()
  }
  return { r0, r1, c0, c1, update, toRow, toCol }
}

/**
 * A size of an element as it is laid out (a sticky heading's height whose
 * lines wrap, a box's width), followed while it changes; `initial` until it
 * is measured. Bind `el` as the element's template ref.
 */
export function useMeasured(initial: number, measure: (el: HTMLElement) => number) {
  const el = ref<HTMLElement | null>(null)
  const size = ref(initial)
  let observer: ResizeObserver | undefined
  watch(el, (e) => {
    observer?.disconnect()
    if (!e) return
    observer = new ResizeObserver(() => (size.value = measure(e) || size.value))
    observer.observe(e)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return { el, size }
}
