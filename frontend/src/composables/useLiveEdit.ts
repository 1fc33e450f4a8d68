import { computed, nextTick, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { toApiError, type Data, type Decision } from '../api'
import { useMeeting } from '../stores/meeting'
import { useConflict } from './useConflict'
import type { ConflictRow } from '../components/ConflictDialog.vue'

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
  const { t } = useI18n()
  // An edit of a decision another desk changed since this deck loaded it.
  const { conflict, busy: conflictBusy, catchConflict, choose, close: closeConflict } = useConflict<Decision>()
  let refused: Partial<Decision> | null = null

  /** A new decision of this meeting: only its text is typed on the deck. */
  const blank = (): Data<Decision> => ({
    id: 0, meetingId: meetingId(), number: 0, text: '', ownerRegion: '', ownerUnit: '', dueDate: '', status: 'baru', cancelReason: '',
    doneDate: '', notAgreed: false, notAgreedReason: '', note: '', indicatorIds: [], regions: [], programs: [], challengeIds: [], version: 0,
  })

  async function save(d: Partial<Decision>) {
    saveError.value = ''
    try {
      // The store puts it on the wall at once, then fetches the list again (renumbered if needed).
      await store.saveDecision({ ...blank(), ...d })
      return true
    } catch (e) {
      if (catchConflict(e)) refused = d
      else saveError.value = toApiError(e).message
      return false
    }
  }

  /** Keep mine: the refused edit saved again over the newer version. */
  const keepMine = () =>
    choose(async (c) => {
      const d = refused
      if (!d) return
      if (await save({ ...d, version: c.version })) {
        refused = null
        if (editingId.value === d.id) editingId.value = 0
        if (reasonFor.value === d.id) reasonFor.value = 0
      }
    })

  /** Take theirs: the wall shows the stored decision; the edit is dropped. */
  const takeTheirs = () =>
    choose((c) => {
      const theirs = c.theirs
      if (!theirs) return
      store.decisions = store.decisions.map((x) => (x.id === theirs.id ? theirs : x))
      if (editingId.value === theirs.id) editingId.value = 0
      if (reasonFor.value === theirs.id) reasonFor.value = 0
      refused = null
    })

  /** What the refused edit and the stored decision say, where they differ. */
  const conflictRows = computed<ConflictRow[]>(() => {
    const theirs = conflict.value?.theirs
    const d = refused
    if (!theirs || !d) return []
    const view = (x: Partial<Decision>) => ({
      text: x.text ?? '', notAgreed: x.notAgreed ? '✓' : '', notAgreedReason: x.notAgreedReason ?? '',
    })
    const mine = view({ ...theirs, ...d })
    const them = view(theirs)
    return (Object.keys(mine) as (keyof typeof mine)[])
      .filter((k) => mine[k] !== them[k])
      .map((k) => ({ label: t('rakor.form.' + k), mine: mine[k], theirs: them[k] }))
  })

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

  return {
    draft, editingId, editText, reasonFor, reason, saveError, addDraft, startEdit, finishEdit, toggleNotAgreed, saveReason,
    conflict, conflictBusy, conflictRows, keepMine, takeTheirs, closeConflict,
  }
}
