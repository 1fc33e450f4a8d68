import { describe, expect, it } from 'vitest'
import { formatDate, formatDateRange, formatDayOf, formatNip, formatNumber, formatPercent, formatRupiah, formatRupiahCompact, formatRupiahShort, formatSize, meetingDays, parseIndonesian } from './format'

describe('Indonesian formats', () => {
  it.each([
    [1234.5, undefined, '1.234,5'],
    [1234567.891, 2, '1.234.567,89'],
    [1311, 0, '1.311'],
    [0.625, 3, '0,625'],
  ])('formatNumber(%s, %s) = %s', (n, d, want) => {
    expect(formatNumber(n, d)).toBe(want)
  })

  it('formats percentages and missing values', () => {
    expect(formatPercent(17.65)).toBe('17,65%')
    expect(formatPercent(0.59)).toBe('0,59%')
    expect(formatPercent(null)).toBe('–')
    expect(formatNumber(Number.NaN)).toBe('–')
  })

  it('formats Rupiah', () => {
    expect(formatRupiah(222000000)).toBe('Rp222.000.000')
    expect(formatRupiah(-1500)).toBe('-Rp1.500')
    expect(formatRupiahShort(222_000_000_000)).toBe('Rp 222 miliar')
    expect(formatRupiahShort(1_250_000_000)).toBe('Rp 1,25 miliar')
    expect(formatRupiahShort(950_000)).toBe('Rp950.000')
  })

  it('formats Rupiah for a narrow column in three figures at most', () => {
    expect(formatRupiahCompact(968_360_000_000)).toBe('Rp968 M')
    expect(formatRupiahCompact(30_320_000_000)).toBe('Rp30,3 M')
    expect(formatRupiahCompact(1_250_000_000)).toBe('Rp1,25 M')
    expect(formatRupiahCompact(30_000_000_000)).toBe('Rp30 M')
    expect(formatRupiahCompact(450_000_000)).toBe('Rp450 jt')
    expect(formatRupiahCompact(1_500_000_000_000_000)).toBe('Rp1.500 T')
    expect(formatRupiahCompact(-18_360_000_000)).toBe('-Rp18,4 M')
    expect(formatRupiahCompact(950_000)).toBe('Rp950.000')
    expect(formatRupiahCompact(23_440_000_000, 'en')).toBe('Rp23.4 bn')
    expect(formatRupiahCompact(null)).toBe('–')
  })

  it('reads numbers as Go writes them for people', () => {
    expect(parseIndonesian('16,057458')).toBeCloseTo(16.057458)
    expect(parseIndonesian('1.311')).toBe(1311)
    expect(parseIndonesian('1.234.567,5')).toBe(1234567.5)
    expect(parseIndonesian('-2,5')).toBe(-2.5)
    expect(parseIndonesian('12')).toBe(12)
    expect(parseIndonesian('')).toBeNull()
    expect(parseIndonesian('Kabupaten Bangka')).toBeNull()
    expect(parseIndonesian('1,2,3')).toBeNull()
  })

  it('formats dates with the weekday', () => {
    expect(formatDate('2024-02-23')).toBe('Jumat, 23 Februari 2024')
    expect(formatDate('2025-02-25')).toBe('Selasa, 25 Februari 2025')
    expect(formatDate('2024-02-23', 'en')).toBe('Friday, 23 February 2024')
    expect(formatDate('')).toBe('–')
  })

  it('formats the day of a logged moment on this computer\'s calendar', () => {
    // Midday UTC is the same day from UTC-11 to UTC+11.
    expect(formatDayOf('2024-02-23T12:00:00.000Z')).toBe('Jumat, 23 Februari 2024')
    expect(formatDayOf('2024-02-23T12:00:00.000Z', 'en')).toBe('Friday, 23 February 2024')
    const late = new Date('2024-02-23T20:30:00.000Z')
    const day = late.getDate() === 23 ? 'Jumat, 23 Februari 2024' : 'Sabtu, 24 Februari 2024'
    expect(formatDayOf(late.toISOString())).toBe(day)
    expect(formatDayOf('')).toBe('–')
  })

  it('formats the dates of a meeting of one or several days', () => {
    expect(formatDateRange('2024-02-23', '2024-02-23')).toBe('Jumat, 23 Februari 2024')
    expect(formatDateRange('2024-02-23', '')).toBe('Jumat, 23 Februari 2024')
    expect(formatDateRange('2024-02-26', '2024-02-28')).toBe('Senin, 26 Februari 2024 – Rabu, 28 Februari 2024')
  })

  it('formats in English when asked', () => {
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5')
  })
})

describe('formatValue', () => {
  const pct = { kind: 'ratio', unit: '%', decimals: 2, scale: 100 }
  it('formats by the indicator kind', async () => {
    const { formatValue, shortRegion } = await import('./format')
    expect(formatValue(pct, 17.65)).toBe('17,65%')
    expect(formatValue({ kind: 'rupiah', unit: 'Rp', decimals: 0, scale: 1 }, 222e9, 'id', true)).toBe('Rp 222 miliar')
    expect(formatValue({ kind: 'count', unit: 'unit', decimals: 0, scale: 1 }, 1311)).toBe('1.311')
    expect(formatValue(pct, null)).toBe('–')
    expect(shortRegion('Kabupaten Bangka Barat')).toBe('Kab. Bangka Barat')
  })
})

describe('formatSize', () => {
  it.each([
    [512, 'id', '512 B'],
    [840_000, 'id', '840 kB'],
    [1_634_304, 'id', '1,6 MB'],
    [12_400_000, 'en', '12.4 MB'],
    [2_500_000_000, 'id', '2,5 GB'],
  ] as const)('%d bytes in %s is %s', (n, lang, want) => {
    expect(formatSize(n, lang)).toBe(want)
  })
})

describe('meetingDays', () => {
  it('lists a meeting’s days, first to last', () => {
    expect(meetingDays('2024-06-11', '2024-06-13')).toEqual(['2024-06-11', '2024-06-12', '2024-06-13'])
    expect(meetingDays('2024-02-23', '2024-02-23')).toEqual(['2024-02-23'])
    expect(meetingDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
    expect(meetingDays('2024-02-23', '')).toEqual(['2024-02-23'])
    expect(meetingDays('', '')).toEqual([])
  })
})

describe('formatNip', () => {
  it('writes a NIP in its parts', () => {
    expect(formatNip('198503122010011005')).toBe('19850312 201001 1 005')
    expect(formatNip('12345')).toBe('12345')
  })
})
