// Numbers and dates in Indonesian words, as a Berita Acara opens:
// "Pada hari ini Jumat tanggal dua puluh tiga bulan Februari tahun dua ribu dua puluh empat".

const ones = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas']

/** A whole number from 0 to 999.999.999 in Indonesian words. */
export function spellNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new RangeError(`cannot spell ${n}`)
  if (n < 12) return ones[n]
  if (n < 20) return `${ones[n - 10]} belas`
  if (n < 100) return join(`${ones[Math.floor(n / 10)]} puluh`, n % 10)
  if (n < 200) return join('seratus', n - 100)
  if (n < 1000) return join(`${ones[Math.floor(n / 100)]} ratus`, n % 100)
  if (n < 2000) return join('seribu', n - 1000)
  if (n < 1e6) return join(`${spellNumber(Math.floor(n / 1000))} ribu`, n % 1000)
  return join(`${spellNumber(Math.floor(n / 1e6))} juta`, n % 1e6)
}

function join(head: string, rest: number): string {
  return rest === 0 ? head : `${head} ${spellNumber(rest)}`
}

const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']
const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']

/** "2024-02-23" -> "Jumat tanggal dua puluh tiga bulan Februari tahun dua ribu dua puluh empat". */
export function spellDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const weekday = days[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]
  return `${weekday} tanggal ${spellNumber(d)} bulan ${months[mo - 1]} tahun ${spellNumber(y)}`
}
