import { useMessage } from 'naive-ui'
import { toApiError } from '../api'

/**
 * Runs a load or a write whose refusal needs no field of a form: the
 * backend's message is said in a toast. Resolves true when it went through.
 */
export function useAttempt() {
  const message = useMessage()
  return async function attempt(fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await fn()
      return true
    } catch (e) {
      message.error(toApiError(e).message)
      return false
    }
  }
}
