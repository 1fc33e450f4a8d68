// How the find box (Ctrl+K) orders what it finds: the name typed exactly
// first, then names that start with it, then words that start with it, then
// the rest that contain it, so "Batu" is Kota Batu before Labuhanbatu.

/** Lower case without accents, for matching as people type. */
export const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')

/** A region's name without its kind: "Batu" for "Kota Batu", "Batu Bara" for "Kabupaten Batu Bara". */
export const bareName = (name: string) => name.replace(/^(kabupaten|kab\.|kota|provinsi)\s+/i, '')

export interface Findable {
  /** What is shown and matched first: a name, or a code and a name. */
  label: string
  /** The name alone, when the label has more (a code, a kind). */
  name: string
  /** A code typed as is ("KOP.01", "35.79", "2.17.02"). */
  code: string
  /** Everything else the words may be found in, folded. */
  hay: string
}

/**
 * How well a findable answers the query, lower first; null when some word
 * of the query is nowhere in it.
 */
export function rank(f: Findable, query: string): number | null {
  const q = fold(query.trim()).replace(/\s+/g, ' ')
  if (!q) return null
  const words = q.split(' ')
  if (!words.every((w) => f.hay.includes(w))) return null
  const name = fold(f.name)
  const label = fold(f.label)
  const code = fold(f.code)
  if (name === q || code === q || label === q) return 0
  if (name.startsWith(q) || (code && code.startsWith(q)) || label.startsWith(q)) return 1
  if (new RegExp('(^|[^a-z0-9])' + q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).test(label)) return 2
  return 3
}

/** The findables matching the query, best first; ties keep their given order. */
export function ranked<T extends Findable>(all: T[], query: string, limit = 40): T[] {
  const scored: { f: T; s: number; i: number }[] = []
  all.forEach((f, i) => {
    const s = rank(f, query)
    if (s !== null) scored.push({ f, s, i })
  })
  scored.sort((a, b) => a.s - b.s || a.i - b.i)
  return scored.slice(0, limit).map((x) => x.f)
}
