import { ref, watch } from 'vue'
import { useAutosave, type SaveState } from './useAutosave'

/**
 * Long text in a form saved while typed. A record that exists is saved whole a
 * second after the last key (its Simpan button still closes the form); a new
 * one cannot be saved before its Simpan, so its text is kept on this computer
 * and comes back when the form is opened again. `done` forgets the copy.
 */
export function useFormAutosave<F extends Record<string, unknown>>(opts: {
  key: string // e.g. "decision.12" or "decision.new.3"
  form: F
  fields: (keyof F & string)[]
  save: (() => Promise<void>) | null // null while the record is new
}) {
  const backupKey = `selaras.form.${opts.key}`
  const pick = () => JSON.stringify(Object.fromEntries(opts.fields.map((f) => [f, opts.form[f]])))
  const auto = useAutosave<string>({ save: async () => opts.save?.(), backup: () => backupKey })
  const local = ref(false)

  // A copy left by a closed window or an abandoned form comes back first.
  const left = localStorage.getItem(backupKey)
  if (left && left !== pick()) {
    try {
      Object.assign(opts.form, JSON.parse(left))
      if (opts.save) auto.typed('form', pick())
      else local.value = true
    } catch {
      localStorage.removeItem(backupKey)
    }
  }

  watch(pick, (now) => {
    if (opts.save) auto.typed('form', now)
    else {
      localStorage.setItem(backupKey, now)
      local.value = true
    }
  })

  const state = () => (local.value ? ('local' as const) : (auto.state.form as SaveState | undefined))
  function done() {
    localStorage.removeItem(backupKey)
    local.value = false
  }
  return { state, error: () => auto.errors.form, flush: auto.flush, done }
}
