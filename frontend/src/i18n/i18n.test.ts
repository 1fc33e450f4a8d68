import { describe, expect, it } from 'vitest'
import id from './id'
import en from './en'
import { i18n } from './index'
import catalog from '../../../backend/fault/catalog.json'

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

describe('counts', () => {
  it('one cell is singular in English, and Indonesian has one form', () => {
    const { t, locale } = i18n.global
    locale.value = 'en'
    expect(t('cmp.refused', { n: 1 }, 1)).toMatch(/^One cell is not valid/)
    expect(t('cmp.refused', { n: 3 }, 3)).toMatch(/^3 cells are not valid/)
    expect(t('cmp.savedCells', { n: 1 }, 1)).toBe('One value saved')
    locale.value = 'id'
    expect(t('cmp.refused', { n: 1 }, 1)).toMatch(/^1 sel tidak valid/)
    expect(t('cmp.refused', { n: 3 }, 3)).toMatch(/^3 sel tidak valid/)
  })
})

describe('field labels', () => {
  it('are the backend catalogue\'s, in both languages', () => {
    const { t, locale } = i18n.global
    for (const [key, l] of Object.entries(catalog.labels)) {
      if (key.split('.').length > 2) continue // a value's word, below
      locale.value = 'id'
      expect(t('field.' + key)).toBe(l.id)
      locale.value = 'en'
      expect(t('field.' + key)).toBe(l.en)
    }
    locale.value = 'id'
    expect(t('shared.host')).toBe(catalog.labels['shared.host'].id)
  })

  it('word roles, statuses and severities as the backend\'s documents do', () => {
    const { t, locale } = i18n.global
    const keys: [string, string][] = [
      ['participant.role', 'rakor.role'],
      ['decision.status', 'record.status'],
      ['challenge.status', 'record.challengeStatus'],
      ['challenge.severity', 'record.severity'],
    ]
    for (const [field, at] of keys) {
      const values = Object.keys(catalog.labels).filter((k) => k.startsWith(field + '.')).map((k) => k.slice(field.length + 1))
      expect(values.length).toBeGreaterThan(2)
      for (const v of values) {
        const l = catalog.labels[`${field}.${v}` as keyof typeof catalog.labels]
        locale.value = 'id'
        expect(t(`${at}.${v}`)).toBe(l.id)
        locale.value = 'en'
        expect(t(`${at}.${v}`)).toBe(l.en)
      }
    }
    locale.value = 'en'
    expect(t('rakor.role.notulis')).toBe('Minute-taker')
    expect(t('record.challengeStatus.selesai')).toBe('Resolved')
    locale.value = 'id'
    expect(t('record.status.dibatalkan')).toBe('Dibatalkan')
  })
})
