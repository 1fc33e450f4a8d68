import { describe, expect, it } from 'vitest'
import id from './id'
import en from './en'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k],
  )
}

describe('locales', () => {
  it('English has every Indonesian key and no other', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort())
  })
  it('no message is empty', () => {
    for (const [name, msgs] of Object.entries({ id, en })) {
      for (const k of keys(msgs)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], msgs)
        expect(v, `${name}: ${k}`).not.toBe('')
      }
    }
  })
})
