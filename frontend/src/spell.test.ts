import { describe, expect, it } from 'vitest'
import { spellDate, spellNumber } from './spell'

describe('Indonesian number words', () => {
  it.each([
    [0, 'nol'], [1, 'satu'], [10, 'sepuluh'], [11, 'sebelas'], [12, 'dua belas'], [19, 'sembilan belas'],
    [20, 'dua puluh'], [23, 'dua puluh tiga'], [99, 'sembilan puluh sembilan'], [100, 'seratus'], [101, 'seratus satu'],
    [111, 'seratus sebelas'], [250, 'dua ratus lima puluh'], [1000, 'seribu'], [1001, 'seribu satu'],
    [2024, 'dua ribu dua puluh empat'], [11000, 'sebelas ribu'], [100000, 'seratus ribu'], [1500000, 'satu juta lima ratus ribu'],
  ])('%i is %s', (n, words) => {
    expect(spellNumber(n)).toBe(words)
  })
  it('refuses what it cannot spell', () => {
    expect(() => spellNumber(-1)).toThrow()
    expect(() => spellNumber(1.5)).toThrow()
  })
  it('spells the date of a Berita Acara', () => {
    expect(spellDate('2024-02-23')).toBe('Jumat tanggal dua puluh tiga bulan Februari tahun dua ribu dua puluh empat')
    expect(spellDate('2023-05-25')).toBe('Kamis tanggal dua puluh lima bulan Mei tahun dua ribu dua puluh tiga')
    expect(spellDate('')).toBe('')
  })
})
