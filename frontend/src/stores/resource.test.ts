import { describe, expect, it } from 'vitest'
import { resource } from './resource'

/** A fetch the test answers by hand, counting how often it was called. */
function backend() {
  const calls: ((v: string[]) => void)[] = []
  const fails: ((e: Error) => void)[] = []
  const fetch = () => new Promise<string[]>((resolve, reject) => {
    calls.push(resolve)
    fails.push(reject)
  })
  return { fetch, calls, answer: (i: number, v: string[]) => calls[i](v), fail: (i: number) => fails[i](new Error('database busy')) }
}

describe('a list the meeting store holds', () => {
  it('is fetched once however many screens ask at the same time, then served from memory', async () => {
    const b = backend()
    const r = resource(b.fetch, () => [])
    const asks = [r.ensure(), r.ensure(), r.ensure()]
    expect(b.calls).toHaveLength(1)
    b.answer(0, ['Agenda 1'])
    expect(await Promise.all(asks)).toEqual([['Agenda 1'], ['Agenda 1'], ['Agenda 1']])
    expect(await r.ensure()).toEqual(['Agenda 1'])
    expect(b.calls).toHaveLength(1)
    expect(r.loaded.value).toBe(true)
  })

  it('is fetched again after it went stale (a screen was entered anew)', async () => {
    const b = backend()
    const r = resource(b.fetch, () => [])
    const first = r.ensure()
    b.answer(0, ['a'])
    await first
    r.stale()
    const second = r.ensure()
    expect(b.calls).toHaveLength(2)
    b.answer(1, ['a', 'b'])
    expect(await second).toEqual(['a', 'b'])
    expect(r.value.value).toEqual(['a', 'b'])
  })

  it('after a write, is fetched at once when shown, and only at the next ask when not', async () => {
    const b = backend()
    const shown = resource(b.fetch, () => [])
    const p = shown.ensure()
    b.answer(0, ['old'])
    await p
    const touched = shown.touch()
    expect(b.calls).toHaveLength(2)
    b.answer(1, ['new'])
    await touched
    expect(shown.value.value).toEqual(['new'])

    const c = backend()
    const hidden = resource(c.fetch, () => [])
    await hidden.touch()
    expect(c.calls).toHaveLength(0)
    const later = hidden.ensure()
    expect(c.calls).toHaveLength(1)
    c.answer(0, ['x'])
    expect(await later).toEqual(['x'])
  })

  it('never shows a reply overtaken by a newer fetch or by another meeting', async () => {
    const b = backend()
    const r = resource(b.fetch, () => [])
    const slow = r.refresh()
    const fast = r.refresh()
    b.answer(1, ['newer'])
    await fast
    b.answer(0, ['older'])
    await slow
    expect(r.value.value).toEqual(['newer'])

    const late = r.refresh()
    r.reset() // another meeting was opened
    b.answer(2, ['the previous meeting'])
    await late
    expect(r.value.value).toEqual([])
    expect(r.loaded.value).toBe(false)
  })

  it('is fetched again at the next ask when a fetch failed, and the failure reaches the caller', async () => {
    const b = backend()
    const r = resource(b.fetch, () => [])
    const failed = r.ensure()
    b.fail(0)
    await expect(failed).rejects.toThrow('database busy')
    const retry = r.ensure()
    expect(b.calls).toHaveLength(2)
    b.answer(1, ['ok'])
    expect(await retry).toEqual(['ok'])
  })
})
