// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { i18n } from '../i18n'
import { editConflictCode } from '../api'
import { useVersionedForm } from './useVersionedForm'

// A row as Go stores it and the form that edits it: enough to drive every
// path of the versioned form (Simpan, autosave, both answers to a conflict).
interface Row { id: number; title: string; note: string; version: number }
const stored: Row = { id: 7, title: 'Rakor KUKM', note: 'awal', version: 1 }

/** What a bound method rejects with when the row changed meanwhile (fault.EditConflict). */
function refusal(theirs: Row) {
  return new Error(JSON.stringify({
    code: editConflictCode, field: '', message: 'Diubah oleh Ani',
    conflict: { who: 'Ani', when: 'baru saja', at: '2024-06-11T09:00:00Z', version: theirs.version, theirs },
  }))
}

function mountForm(put: (f: { title: string; note: string }, version: number) => Promise<Row>, saved = vi.fn()) {
  let api!: ReturnType<typeof useVersionedForm<Row, { title: string; note: string }>>
  const Form = defineComponent({
    setup() {
      api = useVersionedForm({
        row: stored,
        fields: (r: Row | null) => ({ title: r?.title ?? '', note: r?.note ?? '' }),
        put,
        saved,
        words: (f) => ({ title: f.title, note: f.note }),
        label: (k) => k,
        autosave: { key: `test.${stored.id}`, fields: ['note'] },
      })
      return () => h('div')
    },
  })
  const wrapper = mount(() => h(NMessageProvider, () => h(Form)), { global: { plugins: [i18n] } })
  return { api, wrapper }
}

/** A put that stores what it is given over the version it names. */
const storing = () => vi.fn(async (f: { title: string; note: string }, version: number) => ({ ...stored, ...f, version: version + 1 }))

describe('a versioned, autosaving form', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('saves long text a second after the last key, based on the version it loaded', async () => {
    const put = storing()
    const { api, wrapper } = mountForm(put)
    api.form.note = 'catatan baru'
    await nextTick()
    expect(api.autosaveState()).toBe('dirty')
    await vi.advanceTimersByTimeAsync(999)
    expect(put).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(put).toHaveBeenCalledTimes(1)
    expect(put.mock.calls[0][1]).toBe(1)
    expect(put.mock.calls[0][0].note).toBe('catatan baru')
    expect(api.version.value).toBe(2)
    expect(api.autosaveState()).toBe('saved')
    wrapper.unmount()
  })

  it('Simpan saves the form over the version it is based on and reports the stored row', async () => {
    const put = storing()
    const saved = vi.fn()
    const { api, wrapper } = mountForm(put, saved)
    api.form.title = 'Rakor KUKM 2025'
    expect(await api.save()).toBe(true)
    expect(put.mock.calls[0][1]).toBe(1)
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ title: 'Rakor KUKM 2025', version: 2 }))
    wrapper.unmount()
  })

  it('a Simpan refused over a newer change shows both values; keep mine saves mine over theirs', async () => {
    const theirs = { ...stored, title: 'Rakor Ani', version: 5 }
    const put = storing()
    put.mockRejectedValueOnce(refusal(theirs))
    const saved = vi.fn()
    const { api, wrapper } = mountForm(put, saved)
    api.form.title = 'Rakor saya'
    expect(await api.save()).toBe(false)
    expect(saved).not.toHaveBeenCalled()
    expect(api.conflict.value?.who).toBe('Ani')
    expect(api.rows.value).toEqual([{ label: 'title', mine: 'Rakor saya', theirs: 'Rakor Ani' }])

    await api.keepMine()
    expect(api.conflict.value).toBeNull()
    expect(put).toHaveBeenCalledTimes(2)
    expect(put.mock.calls[1]).toEqual([expect.objectContaining({ title: 'Rakor saya' }), 5])
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ title: 'Rakor saya', version: 6 }))
    wrapper.unmount()
  })

  it('take theirs puts the stored row in the form and bases the next save on its version', async () => {
    const theirs = { ...stored, title: 'Rakor Ani', note: 'dari Ani', version: 5 }
    const put = storing()
    put.mockRejectedValueOnce(refusal(theirs))
    const { api, wrapper } = mountForm(put)
    api.form.title = 'Rakor saya'
    await api.save()
    await api.takeTheirs()
    expect(api.conflict.value).toBeNull()
    expect(api.form).toEqual({ title: 'Rakor Ani', note: 'dari Ani' })
    expect(api.version.value).toBe(5)
    expect(put).toHaveBeenCalledTimes(1)
    await api.save()
    expect(put.mock.calls[1][1]).toBe(5)
    wrapper.unmount()
  })

  it('an autosave refused over a newer change says so; keep mine saves the text again over theirs', async () => {
    const theirs = { ...stored, note: 'dari Ani', version: 3 }
    const put = storing()
    put.mockRejectedValueOnce(refusal(theirs))
    const { api, wrapper } = mountForm(put)
    api.form.note = 'catatan saya'
    await nextTick()
    await vi.advanceTimersByTimeAsync(1000)
    expect(api.autosaveState()).toBe('error')
    expect(api.rows.value).toEqual([{ label: 'note', mine: 'catatan saya', theirs: 'dari Ani' }])

    await api.keepMine()
    expect(put.mock.calls[1]).toEqual([expect.objectContaining({ note: 'catatan saya' }), 3])
    expect(api.version.value).toBe(4)
    expect(api.autosaveState()).toBe('saved')
    wrapper.unmount()
  })
})
