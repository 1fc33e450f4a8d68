import { ref, shallowRef } from 'vue'
import { editConflictCode, toApiError, type EditConflict } from '../api'

/**
 * The state of an edit refused over a newer change: `catchConflict` takes
 * an error and, when it is such a refusal, holds it for ConflictDialog and
 * returns true (the caller then shows nothing else); any other error is
 * the caller's to show.
 */
export function useConflict<T>() {
  const conflict = shallowRef<EditConflict<T> | null>(null)
  const busy = ref(false)

  function catchConflict(e: unknown): boolean {
    const err = toApiError(e)
    if (err.code !== editConflictCode || !err.conflict) return false
    conflict.value = err.conflict as EditConflict<T>
    return true
  }

  /** Runs the user's choice with the dialog busy, then closes it. */
  async function choose(fn: (c: EditConflict<T>) => Promise<void> | void) {
    const c = conflict.value
    if (!c) return
    busy.value = true
    try {
      conflict.value = null
      await fn(c)
    } finally {
      busy.value = false
    }
  }

  return { conflict, busy, catchConflict, choose, close: () => (conflict.value = null) }
}
