import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { onBeforeRouteLeave, useRouter, type RouteLocationRaw } from 'vue-router'

type Answer = 'save' | 'discard' | 'stay'

/**
 * The deck by keyboard: ← → (PageUp/PageDown, Space, Backspace) move,
 * Home/End, I opens the indicator chooser, Enter types a decision, ↑ ↓ scroll
 * the decisions, Esc leaves. Keys typed into a box stay in the box (Esc only
 * leaves it). Leaving with a typed, unsaved decision asks first: Enter saves
 * it, Del throws it away, Esc stays. Also the full screen and the key hint
 * shown for the first seconds.
 */
export function useDeckKeys(o: {
  slideCount: () => number
  onDecisions: () => boolean
  exitTo: () => RouteLocationRaw
  draft: Ref<string>
  saveDraft: () => Promise<boolean>
  typeDecision: () => void
  scrollDecisions: (by: number) => void
  /** Esc in a box: what else closes with it (the reason box). */
  leftBox: () => void
  /** A move to another slide: a save error shown belongs to the last one. */
  moved: () => void
  /** A dialog of its own is open (an edit conflict): the deck's keys rest. */
  paused?: () => boolean
}) {
  const router = useRouter()
  const index = ref(0)
  const choosing = ref(false)
  const hint = ref(true)
  // Where the user was going when asked about the unsaved decision.
  const leaving = ref<RouteLocationRaw | null>(null)

  function go(to: number) {
    index.value = Math.max(0, Math.min(o.slideCount() - 1, to))
    o.moved()
  }

  async function answerLeave(choice: Answer) {
    const to = leaving.value
    if (choice === 'stay' || !to) {
      leaving.value = null
      return
    }
    if (choice === 'save' && !(await o.saveDraft())) {
      leaving.value = null
      return
    }
    if (choice === 'discard') o.draft.value = ''
    leaving.value = null
    router.push(to)
  }
  onBeforeRouteLeave((to) => {
    if (!o.draft.value.trim() || leaving.value) return true
    leaving.value = to.fullPath
    return false
  })

  const answers: Record<string, Answer> = { Enter: 'save', Delete: 'discard', Escape: 'stay' }

  function onKey(ev: KeyboardEvent) {
    if (o.paused?.()) return
    const target = ev.target as HTMLElement | null
    const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')
    if (leaving.value) {
      const answer = answers[ev.key]
      if (answer) {
        answerLeave(answer)
        ev.preventDefault()
      }
      return
    }
    if (typing) {
      if (ev.key === 'Escape') {
        // Esc leaves the box, never the text: an edit is saved (on blur), the draft stays in its box.
        target.blur()
        o.leftBox()
        ev.preventDefault()
      }
      return
    }
    if (choosing.value) {
      if (ev.key === 'Escape' || ev.key === 'i' || ev.key === 'I') {
        choosing.value = false
        ev.preventDefault()
      }
      return
    }
    switch (ev.key) {
      case 'ArrowRight': case 'PageDown': case ' ':
        go(index.value + 1)
        break
      case 'ArrowLeft': case 'PageUp': case 'Backspace':
        go(index.value - 1)
        break
      case 'Home':
        go(0)
        break
      case 'End':
        go(o.slideCount() - 1)
        break
      case 'Escape':
        router.push(o.exitTo())
        break
      case 'i': case 'I':
        choosing.value = true
        break
      case 'Enter':
        if (!o.onDecisions()) return
        o.typeDecision()
        break
      case 'ArrowDown': case 'ArrowUp':
        if (!o.onDecisions()) return
        o.scrollDecisions(ev.key === 'ArrowDown' ? 1 : -1)
        break
      default:
        return
    }
    ev.preventDefault()
  }

  let hintTimer: ReturnType<typeof setTimeout> | undefined
  onMounted(async () => {
    window.addEventListener('keydown', onKey)
    hintTimer = setTimeout(() => (hint.value = false), 6000)
    try {
      await document.documentElement.requestFullscreen?.()
    } catch {
      // The webview or the browser may refuse; the deck works in a window too.
    }
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey)
    clearTimeout(hintTimer)
    if (document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined)
  })

  return { index, choosing, hint, leaving, go, answerLeave }
}
