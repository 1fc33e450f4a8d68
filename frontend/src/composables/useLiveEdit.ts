import { nextTick, ref, watch } from 'vue'
import { toApiError, type Decision } from '../api'
import { useMeeting } from '../stores/meeting'

/**
 * The decisions typed live on the deck: a draft that survives leaving the
 * box, the slide or the deck (kept per meeting in localStorage until it is
 * saved or thrown away), edits of earlier decisions, and "not agreed".
 */
export function useLiveEdit(meetingId: () => number) {
  const store = useMeeting()
  const draftKey = () => `selaras.deck.${meetingId()}.draft`
  const draft = ref(localStorage.getItem(draftKey()) ?? '')
  watch(draft, (v) => (v ? localStorage.setItem(draftKey(), v) : localStorage.removeItem(draftKey())))

  const editingId = ref(0)
  const editText = ref('')
  const reasonFor = ref(0)
  const reason = ref('')
  const saveError = ref('')

  async function save(d: Partial<Decision>) {
    saveError.value = ''
    try {
      // The store puts it on the wall at once, then fetches the list again (renumbered if needed).
      await store.saveDecision({ id: 0, meetingId: meetingId(), number: 0, status: 'baru', ...d } as Decision)
      return true
    } catch (e) {
      saveError.value = toApiError(e).message
      return false
    }
  }

  async function addDraft() {
    if (!draft.value.trim()) return true
    const ok = await save({ text: draft.value.trim() })
    if (ok) draft.value = ''
    return ok
  }

  async function startEdit(d: Decision) {
    editingId.value = d.id
    editText.value = d.text
    await nextTick()
    ;(document.querySelector('[data-testid=deck-edit]') as HTMLTextAreaElement | null)?.focus()
  }

  /** Saves the edit when its text changed; an emptied text is not saved. */
  async function finishEdit() {
    const d = store.decisions.find((x) => x.id === editingId.value)
    if (d && editText.value.trim() && editText.value !== d.text) {
      if (!(await save({ ...d, text: editText.value.trim() }))) return false
    }
    editingId.value = 0
    return true
  }

  async function toggleNotAgreed(d: Decision) {
    if (d.notAgreed) {
      await save({ ...d, notAgreed: false, notAgreedReason: '' })
      return
    }
    reasonFor.value = d.id
    reason.value = ''
    await nextTick()
    ;(document.querySelector('[data-testid=deck-reason]') as HTMLInputElement | null)?.focus()
  }

  async function saveReason(d: Decision) {
    if (await save({ ...d, notAgreed: true, notAgreedReason: reason.value })) reasonFor.value = 0
  }

  return { draft, editingId, editText, reasonFor, reason, saveError, addDraft, startEdit, finishEdit, toggleNotAgreed, saveReason }
}
