import type { Ref } from 'vue'
import { useMessage } from 'naive-ui'
import { toApiError } from '../api'

/**
 * Runs a load or a write whose refusal needs no field of a form: the
 * backend's message is said in a toast. Resolves true when it went through.
 * A `busy` flag given is true while it runs (a spinner, a button's loading).
 */
export function useAttempt() {
  const message = useMessage()
  return async function attempt(fn: () => Promise<unknown>, busy?: Ref<boolean>): Promise<boolean> {
    if (busy) busy.value = true
    try {
      await fn()
      return true
    } catch (e) {
      message.error(toApiError(e).message)
      return false
    } finally {
      if (busy) busy.value = false
    }
  }
}
