import { computed, ref, type Ref } from 'vue'
import { useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { api, type Edit, type EditConflict, type Indicator } from '../../../api'
import type { ConflictRow } from '../../ConflictDialog.vue'
import { useAttempt } from '../../../composables/useAttempt'
import { useComparison } from '../../../stores/comparison'
import { useWorkspace } from '../../../stores/workspace'
import { fieldText, type GridRow } from './useGridCells'

/** A batch held because cells changed elsewhere: its edits, their cells ("r:c"), and the conflicts. */
interface Refused { edits: Edit[]; cells: string[]; pasted: boolean; conflicts: { index: number; c: EditConflict }[] }

/**
 * Saving typed and pasted cells: each refused cell's reason, and a batch
 * that met cells changed by someone else since the grid loaded them, held
 * (nothing of it written) until the user keeps theirs or takes the others'.
 */
export function useGridSave(rows: Ref<GridRow[]>, cols: Ref<Indicator[]>) {
  const { t } = useI18n()
  const cmp = useComparison()
  const ws = useWorkspace()
  const message = useMessage()
  const attempt = useAttempt()
  const saving = ref(false)
  const errors = ref<Record<string, string>>({}) // "r:c" -> reason
  const refused = ref<Refused | null>(null)

  const conflict = computed(() => refused.value?.conflicts[0]?.c ?? null)
  const conflictRows = computed<ConflictRow[]>(() =>
    (refused.value?.conflicts ?? []).map(({ index, c }) => {
      const e = refused.value!.edits[index]
      const [r, col] = refused.value!.cells[index].split(':').map(Number)
      const ind = cols.value[col]
      const theirs = c.theirs as Record<string, unknown> | null
      const by = refused.value!.conflicts.length > 1 ? ` (${c.who}, ${c.when})` : ''
      return { label: `${ind?.code ?? ''} · ${rows.value[r]?.name ?? ''}${by}`, mine: e.text, theirs: fieldText(ind, e.field, theirs ? theirs[e.field] : null, ws.lang) }
    }),
  )

  async function apply(edits: Edit[], cells: string[], pasted: boolean) {
    if (edits.length === 0) return
    await attempt(async () => {
      const res = await api.targets.apply(edits, pasted)
      if (res.errors.length > 0) {
        const next: Record<string, string> = {}
        for (const e of res.errors) next[cells[e.index]] = e.message
        // A cell changed meanwhile is told in the dialog; the cell only says so.
        const conflicts = (res.conflicts ?? []).map((x) => ({ index: x.index, c: x.conflict as EditConflict }))
        for (const x of conflicts) next[cells[x.index]] = t('conflict.cell', { who: x.c.who })
        errors.value = next
        if (conflicts.length) refused.value = { edits, cells, pasted, conflicts }
        else message.error(t('cmp.refused', { n: res.errors.length }, res.errors.length))
        return
      }
      errors.value = {}
      message.success(t('cmp.savedCells', { n: res.saved }, res.saved))
      await cmp.load()
    }, saving)
  }

  /** Keep mine: the same batch again, each refused cell based on its newer version. */
  async function keepMine() {
    const b = refused.value
    if (!b) return
    refused.value = null
    const edits = b.edits.map((e, i) => {
      const hit = b.conflicts.find((x) => x.index === i)
      return hit ? { ...e, version: hit.c.version } : e
    })
    await apply(edits, b.cells, b.pasted)
  }
  /** Take theirs: the batch is dropped and the grid shows the stored values. */
  async function takeTheirs() {
    const b = refused.value
    refused.value = null
    errors.value = {}
    if (b) message.info(t('conflict.tookTheirs', { who: b.conflicts[0].c.who }))
    await cmp.load()
  }
  const close = () => (refused.value = null)

  return { saving, errors, conflict, conflictRows, apply, keepMine, takeTheirs, close }
}
