import { defineAsyncComponent } from 'vue'

// Naive UI is off the first screen's path (see components/NaiveRoot.vue):
// its providers load as a component of their own, fetched after the first
// paint or when a screen that needs them opens first.
const loadRoot = () => import('./components/NaiveRoot.vue')
export const NaiveRoot = defineAsyncComponent(loadRoot)
/** Fetches Naive UI with its providers while the app is idle. */
export const prefetchNaive = () => loadRoot().then(() => undefined)

/**
 * Says a refusal in a toast from a plain part of the shell (one outside
 * NaiveRoot's providers); Naive UI is loaded for it then.
 */
export function toastError(text: string) {
  void import('./toast').then((t) => t.error(text))
}
