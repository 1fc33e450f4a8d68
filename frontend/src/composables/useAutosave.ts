import { onBeforeUnmount, onMounted, reactive } from 'vue'
import { toApiError } from '../api'

export type SaveState = 'dirty' | 'saving' | 'saved' | 'error'

/**
 * Long text saved while it is typed: a second after the last key (so within
 * two), when the window is hidden or closed, and when the component goes.
 * Until the backend has it, each text is also kept in localStorage under
 * `backup(key)`, so a reload or a crash between keys loses nothing;
 * `restore` hands such a leftover back to the form and saves it.
 */
export function useAutosave<K extends string | number>(opts: {
  save: (key: K, text: string) => Promise<void>
  backup: (key: K) => string
  delay?: number
}) {
  const delay = opts.delay ?? 1000
  const state = reactive({} as Record<string, SaveState>)
  const errors = reactive({} as Record<string, string>)
  const pending = new Map<K, string>()
  const timers = new Map<K, ReturnType<typeof setTimeout>>()

  function typed(key: K, text: string) {
    pending.set(key, text)
    state[String(key)] = 'dirty'
    try {
      localStorage.setItem(opts.backup(key), text)
    } catch {
      // A full storage only loses the backup, not the save.
    }
    clearTimeout(timers.get(key))
    timers.set(key, setTimeout(() => void flushOne(key), delay))
  }

  async function flushOne(key: K) {
    clearTimeout(timers.get(key))
    timers.delete(key)
    if (!pending.has(key)) return
    const text = pending.get(key) as string
    pending.delete(key)
    state[String(key)] = 'saving'
    try {
      await opts.save(key, text)
      // Typed again while saving: that newer text has its own timer.
      if (!pending.has(key)) {
        state[String(key)] = 'saved'
        localStorage.removeItem(opts.backup(key))
      }
      delete errors[String(key)]
    } catch (e) {
      state[String(key)] = 'error'
      errors[String(key)] = toApiError(e).message
      if (!pending.has(key)) pending.set(key, text) // tried again on the next key or flush
    }
  }

  function flush() {
    return Promise.all([...pending.keys()].map((k) => flushOne(k)))
  }

  /** A text left unsaved by an earlier window, if it differs from the saved one. */
  function leftover(key: K, saved: string): string | null {
    const text = localStorage.getItem(opts.backup(key))
    if (text === null || text === saved) {
      if (text !== null) localStorage.removeItem(opts.backup(key))
      return null
    }
    return text
  }

  /** Takes back a leftover: returns the text to show, and saves it. */
  function restore(key: K, saved: string): string {
    const text = leftover(key, saved)
    if (text === null) return saved
    pending.set(key, text)
    void flushOne(key)
    return text
  }

  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush()
  }
  const onUnload = () => void flush()
  onMounted(() => {
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('beforeunload', onUnload)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onHide)
    window.removeEventListener('beforeunload', onUnload)
    void flush()
  })

  return { state, errors, typed, flush, restore }
}
