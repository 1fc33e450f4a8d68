import { ref, type Ref } from 'vue'

/**
 * One list the backend holds, kept on the client: fetched once, then served
 * from memory until a write marks it stale. Screens that ask at the same
 * time share one fetch, and a reply overtaken by a newer fetch (or by a
 * reset, when another meeting is opened) is dropped, never shown.
 */
export interface Resource<T> {
  /** The latest value fetched; the initial value until then. Deep-reactive: items may be patched in place. */
  value: Ref<T>
  /** True once a fetch has succeeded since the last reset. */
  loaded: Ref<boolean>
  /** The value, fetched only when it is not fresh. */
  ensure(): Promise<T>
  /** Fetches now, whatever is held. */
  refresh(): Promise<T>
  /** A write changed it: fetched again now if something already showed it, else at the next ensure. */
  touch(): Promise<void>
  /** The next ensure fetches again (a screen was opened anew). */
  stale(): void
  /** Forgets the value (another meeting, another workspace); late replies are dropped. */
  reset(): void
}

export function resource<T>(fetch: () => Promise<T>, initial: () => T): Resource<T> {
  // A plain ref keeps the type T (a ref of T would be typed by its unwrapped form).
  const value = ref(initial()) as Ref<T>
  const loaded = ref(false)
  let fresh = false
  let pending: Promise<T> | null = null
  let seq = 0

  function refresh(): Promise<T> {
    const mine = ++seq
    fresh = true
    const p = fetch().then(
      (v) => {
        if (mine === seq) {
          value.value = v
          loaded.value = true
          pending = null
        }
        return v
      },
      (e: unknown) => {
        if (mine === seq) {
          pending = null
          fresh = false
        }
        throw e
      },
    )
    pending = p
    return p
  }

  function ensure(): Promise<T> {
    if (pending) return pending
    if (fresh) return Promise.resolve(value.value)
    return refresh()
  }

  async function touch() {
    if (loaded.value || pending) await refresh()
    else fresh = false
  }

  function stale() {
    fresh = false
  }

  function reset() {
    seq++
    pending = null
    fresh = false
    value.value = initial()
    loaded.value = false
  }

  return { value, loaded, ensure, refresh, touch, stale, reset }
}
