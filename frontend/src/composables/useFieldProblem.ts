import { ref } from 'vue'
import { useMessage } from 'naive-ui'
import { toApiError } from '../api'

/**
 * The save state of a form whose backend names the field of a problem:
 * `submit` runs a save, shows the message under that field (`fb`, `st` give
 * a form item its feedback and status by the field's JSON name, as Go's
 * fault.FieldOf gives it) and in a toast.
 */
export function useFieldProblem() {
  const message = useMessage()
  const saving = ref(false)
  const problem = ref({ field: '', message: '' })

  async function submit(save: () => Promise<void>): Promise<boolean> {
    saving.value = true
    problem.value = { field: '', message: '' }
    try {
      await save()
      return true
    } catch (e) {
      const err = toApiError(e)
      problem.value = { field: err.field, message: err.message }
      message.error(err.message)
      return false
    } finally {
      saving.value = false
    }
  }

  const fb = (label: string) => (problem.value.field === label ? problem.value.message : undefined)
  const st = (label: string) => (problem.value.field === label ? ('error' as const) : undefined)
  return { saving, problem, submit, fb, st }
}
