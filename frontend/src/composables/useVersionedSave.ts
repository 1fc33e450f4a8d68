import { computed, ref } from 'vue'
import { useConflict } from './useConflict'
import type { ConflictRow } from '../components/ConflictDialog.vue'

/**
 * The saves of a form about a stored row that others may edit meanwhile
 * (so no update is lost): each save names the version the form is
 * based on and moves it on; a save refused over a newer change holds the
 * conflict for ConflictDialog, whose choices run here. Both the form's
 * Simpan (`submitPut`, null when refused) and its autosave (`autoPut`,
 * rethrows so the save state shows the refusal) go through `put`.
 */
export function useVersionedSave<T extends { version: number }, V extends Record<string, string>>(opts: {
  version: number
  /** Saves the form's values based on version; returns the stored row. */
  put: (version: number) => Promise<T>
  /** Puts their stored values (who changed them) into the form. */
  take: (theirs: T, who: string) => void
  /** After "keep mine": Simpan again (the form closes), or the autosave flushed. */
  resubmit: () => Promise<void>
  reflush: () => Promise<unknown>
  /** The form and their row in words, field by field, for the dialog. */
  mine: () => V
  theirs: (t: T) => V
  label: (field: string) => string
}) {
  const version = ref(opts.version)
  const { conflict, busy, catchConflict, choose, close } = useConflict<T>()
  let from: 'submit' | 'auto' = 'submit'

  async function put() {
    const saved = await opts.put(version.value)
    version.value = saved.version
    return saved
  }
  async function autoPut() {
    try {
      await put()
    } catch (e) {
      if (catchConflict(e)) from = 'auto'
      throw e
    }
  }
  async function submitPut(): Promise<T | null> {
    try {
      return await put()
    } catch (e) {
      if (!catchConflict(e)) throw e
      from = 'submit'
      return null
    }
  }

  /** Keep mine: the same values saved again over the newer version. */
  const keepMine = () =>
    choose(async (c) => {
      version.value = c.version
      if (from === 'submit') return opts.resubmit()
      await put().catch((e) => catchConflict(e) || Promise.reject(e))
      await opts.reflush()
    })
  /** Take theirs: the form shows the stored row and is based on its version. */
  const takeTheirs = () =>
    choose((c) => {
      if (!c.theirs) return
      opts.take(c.theirs, c.who)
      version.value = c.theirs.version
    })

  /** The fields where mine and theirs differ. */
  const rows = computed<ConflictRow[]>(() => {
    const theirs = conflict.value?.theirs
    if (!theirs) return []
    const mine = opts.mine()
    const them = opts.theirs(theirs)
    return Object.keys(mine)
      .filter((k) => (mine[k] ?? '').trim() !== (them[k] ?? '').trim())
      .map((k) => ({ label: opts.label(k), mine: mine[k], theirs: them[k] }))
  })

  return { version, conflict, busy, rows, close, put, autoPut, submitPut, keepMine, takeTheirs }
}
