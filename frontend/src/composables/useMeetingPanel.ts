import { useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { useMeeting } from '../stores/meeting'
import { useRegions } from '../stores/regions'
import { useWorkspace } from '../stores/workspace'
import { useAttempt } from './useAttempt'

/**
 * What every screen of a meeting reaches for: messages, the workspace (its
 * language), region names, the toast, the guarded call and the meeting store.
 */
export function useMeetingPanel() {
  const { t, locale } = useI18n()
  return {
    t,
    locale,
    ws: useWorkspace(),
    regions: useRegions(),
    message: useMessage(),
    attempt: useAttempt(),
    store: useMeeting(),
  }
}
