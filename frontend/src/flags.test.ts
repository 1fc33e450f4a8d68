import { describe, expect, it } from 'vitest'
import { band, allFlags, flagStyle } from './flags'
import id from './i18n/id'

describe('flags', () => {
  it('bands achievement', () => {
    expect(band(100)).toBe('good')
    expect(band(99.99)).toBe('mid')
    expect(band(80)).toBe('mid')
    expect(band(79.9)).toBe('low')
    expect(band(null)).toBe('')
  })
  it('every flag has a label', () => {
    for (const f of allFlags) expect(id.flags[f]).toBeTruthy()
  })
  it('the legend lists every flag that has a style, once', () => {
    expect([...allFlags].sort()).toEqual(Object.keys(flagStyle).sort())
  })
})
