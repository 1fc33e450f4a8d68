import { getCurrentScope, onScopeDispose } from 'vue'
import { api, type WorkspaceChange } from '../api'

/**
 * Tables a screen shows, by name; a name ending in `*` stands for every
 * table it begins (decision_* : the decision's links and follow-ups).
 */
export type Tables = readonly string[]

/** Whether change concerns a screen showing tables (a resync concerns all). */
export function touches(change: WorkspaceChange, tables: Tables): boolean {
  if (change.resync) return true
  return change.tables.some((t) => tables.some((x) => (x.endsWith('*') ? t.startsWith(x.slice(0, -1)) : t === x)))
}

/**
 * Calls reload when another PC changed one of tables on the shared
 * workspace, once per burst (waiting `wait` ms for more). Only lists and
 * read-only views reload: a form being typed in keeps what is typed (the
 * save names the version it was based on). The listener ends with the
 * calling component or store.
 */
export function onLiveChange(tables: Tables | ((c: WorkspaceChange) => boolean), reload: (c: WorkspaceChange) => unknown, wait = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let gathered: WorkspaceChange | null = null
  const stop = api.onWorkspaceChanged((c) => {
    if (!(typeof tables === 'function' ? tables(c) : touches(c, tables))) return
    gathered = gathered ? { tables: [...new Set([...gathered.tables, ...c.tables])], resync: gathered.resync || c.resync } : c
    clearTimeout(timer)
    timer = setTimeout(() => {
      const g = gathered!
      gathered = null
      void Promise.resolve(reload(g)).catch(() => undefined) // a failed refresh keeps what is shown
    }, wait)
  })
  const off = () => {
    clearTimeout(timer)
    stop()
  }
  if (getCurrentScope()) onScopeDispose(off)
  return off
}
