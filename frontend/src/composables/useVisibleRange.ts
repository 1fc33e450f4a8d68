import { nextTick, onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * Which items of a scrolling list are on screen ("6–9 of 9"), a way to bring
 * the newest one into view, and paging by whole items. The deck's decisions
 * grow while the room watches: the newest must never sit below the fold, and
 * the first one shown is never cut in half under the heading. Items snap to
 * the top of the list (CSS scroll-snap on the list); the list's bottom
 * padding lets the last ones be scrolled up to the top too.
 */
export function useVisibleRange(list: Ref<HTMLElement | null>) {
  const first = ref(0)
  const last = ref(0)

  const items = () => [...(list.value?.children ?? [])] as HTMLElement[]

  function measure() {
    const el = list.value
    if (!el) return
    const box = el.getBoundingClientRect()
    let lo = 0
    let hi = 0
    items().forEach((it, i) => {
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

  // Positions and heights as laid out, fractions included: rounded ones (offsetTop,
  // offsetHeight) add up to a few pixels over thirty items, enough to show a sliver.
  const height = (it: HTMLElement) => it.getBoundingClientRect().height
  /** Where item it starts in the list's scrolled content. */
  function topOf(el: HTMLElement, it: HTMLElement) {
    return it.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientTop + el.scrollTop
  }

  /** The first item from which the rest fit the list's height (the last one alone when it does not fit). */
  function fitFrom(all: HTMLElement[], end: number, room: number): number {
    let sum = 0
    let k = end
    while (k > 0 && sum + height(all[k - 1]) <= room + 0.5) {
      sum += height(all[k - 1])
      k--
    }
    return Math.min(k, Math.max(0, end - 1))
  }

  /** Scrolls so that item k is at the top; the padding below lets the last items get there. */
  function alignTo(k: number) {
    const el = list.value
    const all = items()
    if (!el || !all.length) return
    const from = fitFrom(all, all.length, el.clientHeight)
    const tail = all.slice(from).reduce((s, it) => s + height(it), 0)
    el.style.paddingBottom = Math.max(0, Math.ceil(el.clientHeight - tail) + 1) + 'px'
    el.scrollTop = topOf(el, all[Math.max(0, Math.min(k, all.length - 1))])
    measure()
  }

  let atEnd = true
  async function toEnd() {
    await nextTick()
    const el = list.value
    const all = items()
    if (!el || !all.length) return
    atEnd = true
    alignTo(fitFrom(all, all.length, el.clientHeight))
  }

  /** One screenful on (1) or back (-1), in whole items. */
  function page(by: number) {
    const el = list.value
    const all = items()
    if (!el || !all.length) return
    const top = el.scrollTop
    const firstShown = Math.max(0, all.findIndex((it) => topOf(el, it) + height(it) > top + 1))
    let k: number
    if (by > 0) {
      const next = all.findIndex((it) => topOf(el, it) + height(it) > top + el.clientHeight + 1)
      k = next < 0 ? all.length - 1 : Math.max(next, firstShown + 1)
      k = Math.min(k, fitFrom(all, all.length, el.clientHeight))
    } else {
      k = firstShown > 0 ? fitFrom(all, firstShown, el.clientHeight) : 0
    }
    atEnd = k >= fitFrom(all, all.length, el.clientHeight)
    alignTo(k)
  }

  let observer: ResizeObserver | undefined
  const onResize = () => (atEnd ? void toEnd() : measure())
  watch(list, (el, old) => {
    if (old) old.removeEventListener('scroll', measure)
    observer?.disconnect()
    if (!el) return
    el.addEventListener('scroll', measure, { passive: true })
    observer = new ResizeObserver(onResize)
    observer.observe(el, { box: 'border-box' })
    toEnd()
  })
  onBeforeUnmount(() => {
    list.value?.removeEventListener('scroll', measure)
    observer?.disconnect()
  })
  return { first, last, measure, toEnd, page }
}
