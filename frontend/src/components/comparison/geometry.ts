// The sizes of the matrix: every column of a layout has one fixed width and
// every row one fixed height, so that only the cells on screen are rendered
// and the frozen columns' offsets add up. Widths follow what the columns hold
// (the longest figure, the longest word of a name), so nothing is cut and no
// name breaks inside a word.

export type Dense = 'compact' | 'roomy'

const FONT = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif"

interface Base {
  font: number // figures
  small: number // the line under a figure (realisation, marks)
  head: number // headings
  pad: number // left + right padding of a cell
  ind: number // indicator column (indicators as rows)
  refs: [number, number, number, number] // national, provincial, roll-up, gap: at least
  col: number // a kab/kota column: at least
  row: number // a row of indicators as rows
  name: number // kab/kota names (kab/kota as rows): at least
  icol: number // an indicator column (kab/kota as rows): at least
  rrow: number // a kab/kota row
}

const bases: Record<Dense, Base> = {
  compact: { font: 13, small: 10.5, head: 12, pad: 12, ind: 176, refs: [66, 74, 74, 60], col: 80, row: 52, name: 140, icol: 96, rrow: 40 },
  roomy: { font: 14.5, small: 11.5, head: 13, pad: 18, ind: 250, refs: [100, 110, 110, 90], col: 118, row: 64, name: 190, icol: 132, rrow: 46 },
}

export interface Geometry extends Base {
  dense: Dense
}

/** The base sizes of a density, scaled for large type. */
export function base(dense: Dense, large: boolean): Geometry {
  const k = large ? 1.3 : 1
  const b = bases[dense]
  const r = (x: number) => Math.round(x * k)
  return {
    dense,
    font: b.font * k, small: b.small * k, head: b.head * k, pad: r(b.pad), ind: r(b.ind),
    refs: b.refs.map(r) as Geometry['refs'], col: r(b.col), row: r(b.row), name: r(b.name), icol: r(b.icol), rrow: r(b.rrow),
  }
}

let ctx: CanvasRenderingContext2D | null | undefined
/** The width of text in the UI font, in pixels (an estimate where there is no canvas). */
export function textWidth(text: string, size: number, weight = 400): number {
  if (ctx === undefined) {
    try {
      ctx = document.createElement('canvas').getContext('2d')
    } catch {
      ctx = null
    }
  }
  if (!ctx) return text.length * size * 0.62
  ctx.font = `${weight} ${size}px ${FONT}`
  return ctx.measureText(text).width
}

/**
 * The widest of texts: figures of one kind differ in width mostly by their
 * length, so only the longest few are measured.
 */
export function widest(texts: Iterable<string>, size: number, weight = 400): number {
  let longest = 0
  const all: string[] = []
  for (const t of texts) {
    if (!t) continue
    all.push(t)
    if (t.length > longest) longest = t.length
  }
  let w = 0
  for (const t of all) if (t.length >= longest - 2) w = Math.max(w, textWidth(t, size, weight))
  return Math.ceil(w)
}

/** The longest word of names, measured: a column narrower than it would break the word. */
export function widestWord(names: Iterable<string>, size: number, weight = 600): number {
  const words: string[] = []
  for (const n of names) words.push(...n.split(/\s+/))
  return widest(words, size, weight)
}

/** How many lines text takes when wrapped between words in width pixels. */
export function lines(text: string, width: number, size: number, weight = 600): number {
  const space = textWidth(' ', size, weight)
  let n = 1
  let used = 0
  for (const w of text.split(/\s+/)) {
    const x = textWidth(w, size, weight)
    if (used > 0 && used + space + x > width) {
      n++
      used = x
    } else {
      used += (used > 0 ? space : 0) + x
    }
  }
  return n
}

/**
 * The narrowest column, from min up by steps, in which every name takes at
 * most maxLines lines (a longer name is clamped, in full on hover).
 */
export function nameColumn(min: number, names: string[], maxLines: number, size: number, pad: number): number {
  const longest = [...new Set(names)].sort((a, b) => b.length - a.length).slice(0, 8)
  for (let w = min; w < min * 1.4; w += 4) {
    if (longest.every((n) => lines(n, w - pad - 2, size, 600) <= maxLines)) return w
  }
  return Math.round(min * 1.4)
}

/** What the indicators-as-rows layout measures its columns from. */
export interface IndicatorContent {
  indicatorNames: string[]
  regionNames: string[]
  refHeads: [string, string, string, string]
  national: string[]
  province: string[]
  rollup: string[]
  gap: string[]
  targets: string[]
  reals: string[] // the line under a kab/kota figure
}

/** Column widths of indicators as rows: [indicator, national, provincial, roll-up, gap] and a kab/kota column. */
export function indicatorColumns(g: Geometry, c: IndicatorContent) {
  const fit = (min: number, ...w: number[]) => Math.max(min, ...w.map((x) => x + g.pad + 2))
  // A sort arrow may go to a line of its own: no width is kept for it.
  const refs: Geometry['refs'] = [
    fit(g.refs[0], widest(c.national, g.font), widestWord([c.refHeads[0]], g.head)),
    fit(g.refs[1], widest(c.province, g.font), widestWord([c.refHeads[1]], g.head)),
    fit(g.refs[2], widest(c.rollup, g.font), widestWord([c.refHeads[2]], g.head)),
    fit(g.refs[3], widest(c.gap, g.font), widestWord([c.refHeads[3]], g.head)),
  ]
  // Kab/kota headings are set in the regular weight (REGION_WEIGHT): narrower, and still read as headings.
  const col = fit(g.col, widestWord(c.regionNames, g.head, REGION_WEIGHT), widest(c.targets, g.font), widest(c.reals, g.small))
  const ind = nameColumn(g.ind, c.indicatorNames, 2, g.font, g.pad)
  return { ind, refs, col, frozen: ind + refs[0] + refs[1] + refs[2] + refs[3] }
}

/** The weight of kab/kota names in column headings. */
export const REGION_WEIGHT = 500

/** Column widths of kab/kota as rows: the name column and an indicator column (names in four lines at most). */
export function regionColumns(g: Geometry, names: string[], refLabels: string[], indicatorNames: string[], figures: string[]) {
  // The reference rows' labels wrap between words ("Gabungan / kab/kota"): their rows hold two lines.
  const name = Math.min(Math.round(g.name * 1.5), Math.max(g.name, widest(names, g.font, REGION_WEIGHT) + g.pad + 2, widestWord(refLabels, g.font, 600) + g.pad + 2))
  const icol = Math.max(nameColumn(g.icol, indicatorNames, 4, g.head, g.pad), widestWord(indicatorNames, g.head) + g.pad + 2, widest(figures, g.font, 600) + g.pad + 2)
  return { name, icol }
}

/** How many whole columns of width w show in avail pixels beside frozen ones. */
export function shows(avail: number, frozen: number, w: number): number {
  return Math.max(0, Math.floor((avail - frozen) / w))
}
