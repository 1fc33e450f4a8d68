// Numbers, money, percentages and dates as Indonesians write them:
// 1.234.567,89 · 17,65% · Rp222.000.000 · Rp 222 miliar · Jumat, 23 Februari 2024.
// Every screen formats through this module so the conventions live in one place.

export type Lang = 'id' | 'en'

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' }

/** A plain number with a fixed count of decimals (default: as many as needed, up to 2). */
export function formatNumber(n: number | null | undefined, decimals?: number, lang: Lang = 'id'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–'
  const key = `${lang}|${decimals ?? ''}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: decimals ?? 0, maximumFractionDigits: decimals ?? 2 })
    numberFormats.set(key, f)
  }
  return f.format(n)
}
// Building an Intl.NumberFormat costs far more than using one: a matrix of
// 38 kab/kota formats thousands of numbers, so each kind is made once.
const numberFormats = new Map<string, Intl.NumberFormat>()

/** A percentage given in percent units: 17.65 -> "17,65%". */
export function formatPercent(n: number | null | undefined, decimals = 2, lang: Lang = 'id'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–'
  return formatNumber(n, decimals, lang) + '%'
}

/** Rupiah without decimals: 222000000 -> "Rp222.000.000". */
export function formatRupiah(n: number | null | undefined, lang: Lang = 'id'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–'
  const sign = n < 0 ? '-' : ''
  return sign + 'Rp' + formatNumber(Math.abs(Math.round(n)), 0, lang)
}

const scales: Array<[number, string, string]> = [
  [1e12, 'triliun', 'trillion'],
  [1e9, 'miliar', 'billion'],
  [1e6, 'juta', 'million'],
]

/** Rupiah in words for headlines: 222000000000 -> "Rp 222 miliar", 1250000000 -> "Rp 1,25 miliar". */
export function formatRupiahShort(n: number | null | undefined, lang: Lang = 'id'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–'
  for (const [size, id, en] of scales) {
    if (Math.abs(n) >= size) return 'Rp ' + formatNumber(n / size, undefined, lang) + ' ' + (lang === 'id' ? id : en)
  }
  return formatRupiah(n, lang)
}

const compactScales: Array<[number, string, string]> = [
  [1e12, 'T', 'tn'],
  [1e9, 'M', 'bn'],
  [1e6, 'jt', 'm'],
]

/**
 * Rupiah for a narrow matrix column, as office spreadsheets shorten it:
 * 23440000000 -> "Rp23,4 M" (miliar), 450000000 -> "Rp450 jt"; in English "Rp23.4 bn".
 */
export function formatRupiahCompact(n: number | null | undefined, lang: Lang = 'id'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–'
  for (const [size, id, en] of compactScales) {
    const x = Math.abs(n) / size
    // Three figures at most: Rp968 M, Rp30,3 M, Rp1,25 M.
    const d = x >= 100 ? 1 : x >= 10 ? 10 : 100
    if (Math.abs(n) >= size) return (n < 0 ? '-' : '') + 'Rp' + formatNumber(Math.round(x * d) / d, undefined, lang) + ' ' + (lang === 'id' ? id : en)
  }
  return formatRupiah(n, lang)
}

// Like number formats, a date format is made once per kind: the change
// history formats a hundred dates at a time.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
function dateFormat(lang: Lang, kind: 'long' | 'time'): Intl.DateTimeFormat {
  const key = lang + kind
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], kind === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    dateFormats.set(key, f)
  }
  return f
}

/** A long date with the weekday: "Jumat, 23 Februari 2024". Accepts Date or ISO "2024-02-23". */
export function formatDate(d: Date | string | null | undefined, lang: Lang = 'id'): string {
  if (!d) return '–'
  const date = typeof d === 'string' ? parseISODate(d) : d
  if (!date || Number.isNaN(date.getTime())) return '–'
  return dateFormat(lang, 'long').format(date)
}

/**
 * The dates of an event: one day as formatDate, several as "Senin, 26 Februari 2024 – Rabu, 28 Februari 2024".
 * Intl's range formatting is not used: it drops the weekday of the second date in some engines.
 */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined, lang: Lang = 'id'): string {
  if (!end || end === start) return formatDate(start, lang)
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`
}

/** Date and time for logs: "23 Februari 2024 14.05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'id'): string {
  if (!iso) return '–'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '–'
  return dateFormat(lang, 'time').format(date)
}

/**
 * The day of a moment (an ISO time in UTC, as the log writes it) on this
 * computer's calendar, long: "Jumat, 23 Februari 2024". An evening send in
 * UTC is already the next day in WIB.
 */
export function formatDayOf(iso: string | null | undefined, lang: Lang = 'id'): string {
  if (!iso) return '–'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '–'
  return formatDate(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())), lang)
}

function parseISODate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  if (!m) return new Date(s)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

/**
 * An indicator value in its own unit: percentages with %, money in Rupiah,
 * counts with separators. Short money reads "Rp 23,44 miliar"; compact, for
 * narrow columns, "Rp23,44 M".
 */
export function formatValue(
  ind: { kind: string; unit: string; decimals: number; scale: number },
  v: number | null | undefined,
  lang: Lang = 'id',
  short: boolean | 'compact' = false,
): string {
  if (v === null || v === undefined) return '–'
  if (ind.kind === 'percent' || (ind.kind === 'ratio' && ind.scale === 100)) return formatPercent(v, ind.decimals, lang)
  if (ind.kind === 'rupiah') return short === 'compact' ? formatRupiahCompact(v, lang) : short ? formatRupiahShort(v, lang) : formatRupiah(v, lang)
  return formatNumber(v, ind.decimals, lang)
}

/**
 * A number as Go writes it for people (backend/number.Format): "16,057458",
 * "1.311", "-2,5". null when the text is no such number (a note, a name).
 */
export function parseIndonesian(text: string): number | null {
  const s = text.trim()
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^-?\d+(,\d+)?$/.test(s)) return null
  return Number(s.replaceAll('.', '').replace(',', '.'))
}

/** A short regency label for narrow columns: "Kab. Bangka Barat", "Kota Pangkal Pinang". */
export function shortRegion(name: string): string {
  return name.replace(/^Kabupaten /, 'Kab. ')
}

/** A file size: "840 kB", "12,4 MB". */
export function formatSize(bytes: number | null | undefined, lang: Lang = 'id'): string {
  if (bytes == null) return '–'
  if (bytes < 1000) return `${formatNumber(bytes, 0, lang)} B`
  if (bytes < 1e6) return `${formatNumber(bytes / 1e3, 0, lang)} kB`
  if (bytes < 1e9) return `${formatNumber(bytes / 1e6, 1, lang)} MB`
  return `${formatNumber(bytes / 1e9, 1, lang)} GB`
}

/** The days of a meeting from its first to its last, ISO (at most 31, as backend/rakor.MeetingDays). */
export function meetingDays(start: string, end: string): string[] {
  const from = parseISODate(start)
  const to = parseISODate(end || start)
  if (!from || !to || to < from) return start ? [start] : []
  const out: string[] = []
  for (const d = new Date(from); d <= to && out.length < 31; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10))
  return out
}

/** The time of day of a moment, on this computer's clock: "08.12". */
export function formatClock(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '–'
  return `${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')}`
}

/** A NIP in its parts, as an ID card prints it: 19850312 201001 1 005. */
export function formatNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip
}
