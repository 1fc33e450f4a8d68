import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, type RoomState } from '../api'

/**
 * The meeting room open for participants' phones (one at a time, for one
 * meeting): its link, QR code and counts, kept current by the backend's
 * room:state event. The meeting page's button, its panel and the deck's
 * slide all show this one state.
 */
export const useRoom = defineStore('room', () => {
  const state = ref<RoomState | null>(null)
  const busy = ref(false)
  let listening = false

  /** Reads the room's state once and follows it from then on. */
  async function ensure() {
    if (!listening) {
      listening = true
      // The store lives as long as the app: one listener, never removed.
      api.room.onChange((s) => (state.value = s))
    }
    state.value = await api.room.state()
  }

  /** Whether the room is open for this meeting. */
  const openFor = (meetingId: number) => !!state.value?.open && state.value.meetingId === meetingId

  async function run(p: () => Promise<RoomState>) {
    busy.value = true
    try {
      state.value = await p()
    } finally {
      busy.value = false
    }
  }
  const open = (meetingId: number) => run(() => api.room.open(meetingId))
  const close = () => run(() => api.room.close())
  const setDownloads = (allow: boolean) => run(() => api.room.setDownloads(allow))

  return { state, busy, ensure, openFor, open, close, setDownloads }
})
