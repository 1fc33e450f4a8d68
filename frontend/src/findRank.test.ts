import { describe, expect, it } from 'vitest'
import { bareName, fold, ranked, type Findable } from './findRank'

const region = (name: string, code: string, province: string): Findable =>
  ({ label: name, name: bareName(name), code, hay: fold(`${name} ${code} ${province}`) })

describe('the order of what Ctrl+K finds', () => {
  const all = [
    region('Kabupaten Labuhanbatu', '12.07', 'Sumatera Utara'),
    region('Kabupaten Labuhanbatu Selatan', '12.22', 'Sumatera Utara'),
    region('Kabupaten Labuhanbatu Utara', '12.23', 'Sumatera Utara'),
    region('Kabupaten Batu Bara', '12.19', 'Sumatera Utara'),
    region('Kota Batu', '35.79', 'Jawa Timur'),
    region('Kota Surabaya', '35.78', 'Jawa Timur'),
  ]
  it('puts the exact name first, then names that start with it, then the rest', () => {
    expect(ranked(all, 'Batu').map((f) => f.label)).toEqual([
      'Kota Batu', 'Kabupaten Batu Bara', 'Kabupaten Labuhanbatu', 'Kabupaten Labuhanbatu Selatan', 'Kabupaten Labuhanbatu Utara',
    ])
  })
  it('finds by the whole label and by a code', () => {
    expect(ranked(all, 'kota batu')[0].label).toBe('Kota Batu')
    expect(ranked(all, '35.79')[0].label).toBe('Kota Batu')
  })
  it('needs every word somewhere: a province narrows', () => {
    expect(ranked(all, 'batu jawa').map((f) => f.label)).toEqual(['Kota Batu'])
  })
  it('ignores accents and case', () => {
    expect(ranked([region('Kota Bāṭu', '99.01', 'X')], 'BATU')).toHaveLength(1)
  })
  it('finds nothing for an empty query', () => {
    expect(ranked(all, '  ')).toEqual([])
  })
})
