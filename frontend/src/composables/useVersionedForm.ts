import { computed, reactive, ref } from 'vue'
import { useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { useConflict } from './useConflict'
import { useFieldProblem } from './useFieldProblem'
import { useFormAutosave } from './useFormAutosave'
import type { ConflictRow } from '../components/ConflictDialog.vue'

/** A form's values in words, field by field, as the conflict dialog shows them. */
export type Words = Record<string, string>

/**
 * A form about a stored row that others may edit meanwhile, so that no
 * update is lost: it loads the row into the form, saves it on Simpan (the
 * backend's message lands under the field it names) and, for a row that
 * exists, saves its long text a second after the last key. Every save names
 * the version the form is based on and moves it on; a save refused over a
 * newer change holds the conflict for ConflictDialog, whose choices are
 * here: keep mine saves the same values over the newer version (by the
 * door it came through: Simpan again, or the autosave flushed), take theirs
 * puts the stored row in the form.
 */
export function useVersionedForm<T extends { version: number }, F extends object>(opts: {
  /** The row edited, null for a new one. */
  row: T | null
  /** The form's values of a row (of a new one when null). */
  fields: (row: T | null) => F
  /** Saves the form's values based on version; returns the stored row. */
  put: (form: F, version: number) => Promise<T>
  /** After Simpan went through. */
  saved: (row: T) => Promise<void> | void
  /** The values in words, for the dialog; label names a field's key. */
  words: (form: F) => Words
  label: (field: string) => string
  /** Long text saved while typed: its fields and the key its copy on this computer is kept under. */
  autosave?: { key: string; fields: (keyof F & string)[] }
}) {
  const { t } = useI18n()
  const message = useMessage()
  // A form's values are plain data (no refs inside), so unwrapping changes no type.
  const form = reactive(opts.fields(opts.row)) as F
  const version = ref(opts.row?.version ?? 0)
  const field = useFieldProblem()
  const { conflict, busy, catchConflict, choose, close } = useConflict<T>()
  // Which door the refused save came through, so keep mine goes back through it.
  let from: 'submit' | 'auto' = 'submit'

  async function put() {
    const stored = await opts.put(form, version.value)
    version.value = stored.version
    return stored
  }

  async function autoPut() {
    try {
      await put()
    } catch (e) {
      if (catchConflict(e)) from = 'auto'
      throw e // the save state shows the refusal too
    }
  }

  const autosave = opts.autosave
    ? useFormAutosave({ key: opts.autosave.key, form: form as Record<string, unknown>, fields: opts.autosave.fields, save: opts.row ? autoPut : null })
    : null

  /** Simpan: true when the row was stored (false when refused, with the reason shown). */
  function save(): Promise<boolean> {
    let stored: T | null = null
    return field.submit(async () => {
      try {
        stored = await put()
      } catch (e) {
        if (!catchConflict(e)) throw e
        from = 'submit'
        return // the dialog asks
      }
      autosave?.done()
      await opts.saved(stored)
    }).then((ok) => ok && stored !== null)
  }

  /** Puts another row (or a new one) in the form, as if it had just been opened. */
  function load(row: T | null) {
    Object.assign(form, opts.fields(row))
    version.value = row?.version ?? 0
    field.problem.value = { field: '', message: '' }
  }

  const keepMine = () =>
    choose(async (c) => {
      version.value = c.version
      if (from === 'submit') {
        await save()
        return
      }
      // The refused text is still pending: flushing sends it over their version.
      await autosave?.flush()
    })

  const takeTheirs = () =>
    choose((c) => {
      if (!c.theirs) return
      Object.assign(form, opts.fields(c.theirs))
      version.value = c.theirs.version
      message.info(t('conflict.tookTheirs', { who: c.who }))
    })

  /** The fields where mine and theirs differ. */
  const rows = computed<ConflictRow[]>(() => {
    const theirs = conflict.value?.theirs
    if (!theirs) return []
    const mine = opts.words(form)
    const them = opts.words(opts.fields(theirs))
    return Object.keys(mine)
      .filter((k) => (mine[k] ?? '').trim() !== (them[k] ?? '').trim())
      .map((k) => ({ label: opts.label(k), mine: mine[k], theirs: them[k] ?? '' }))
  })

  return {
    form, version, save, load,
    saving: field.saving, problem: field.problem, fb: field.fb, st: field.st,
    autosaveState: () => autosave?.state(), autosaveError: () => autosave?.error(),
    conflict, busy, rows, keepMine, takeTheirs, close,
  }
}
