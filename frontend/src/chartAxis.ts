// Axis helpers shared by the comparison chart and the projector deck.

/**
 * The top of a value axis that shows every bar and every reference line
 * (a national target above all regencies must not fall off the chart),
 * rounded up to a readable step. undefined lets ECharts decide.
 */
export function axisMax(values: (number | null | undefined)[]): number | undefined {
  const top = Math.max(...values.filter((v): v is number => v != null && Number.isFinite(v)))
  if (!Number.isFinite(top) || top <= 0) return undefined
  const raw = top * 1.08 // room for the line's label above it
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * mag >= raw) ?? 10
  return Number((step * mag).toPrecision(12))
}

/** Average glyph width of the UI fonts, as a share of the font size. */
const GLYPH = 0.56

/**
 * Category-axis labels that never print over each other: horizontal and
 * wrapped at word boundaries while every word fits its slot, else turned
 * upright with a font no taller than the slot is wide, cut with "…" past
 * `maxLength` pixels (the table beside the chart keeps the full name).
 */
export function barLabels(names: string[], plotWidth: number, fontSize: number, maxLength = 220) {
  const n = Math.max(1, names.length)
  const slot = plotWidth / n
  const longestWord = Math.max(1, ...names.flatMap((s) => s.split(/\s+/)).map((w) => w.length))
  for (let f = fontSize; f >= Math.min(11, fontSize); f--) {
    if (longestWord * f * GLYPH <= slot - 8) {
      return { interval: 0, rotate: 0, fontSize: f, width: Math.floor(slot - 8), overflow: 'break', lineHeight: Math.round(f * 1.15), hideOverlap: false }
    }
  }
  const f = Math.max(9, Math.min(fontSize, Math.floor(slot * 0.75)))
  return { interval: 0, rotate: 90, fontSize: f, width: maxLength, overflow: 'truncate', ellipsis: '…', hideOverlap: false }
}

/** A reference line across a bar chart: the national or provincial target. */
export interface Reference {
  name: string
  value: number
  color: string
  dashed?: boolean
}

/**
 * The reference lines of a bar chart, labelled right of the plot where no
 * bar is ("Provinsi 12,00%" printed over the last bars hid them), one line of
 * text each: the higher line's label above it and the lower one's below, so
 * close targets never print over each other. `right` is the room the labels
 * need, for the grid's right margin.
 */
export function referenceLines(refs: Reference[], fmt: (v: number) => string, fontSize: number, width = 2) {
  const top = Math.max(...refs.map((r) => r.value))
  const data = refs.map((r, i) => {
    // The first of equal values goes above, the other below.
    const up = r.value > top - 1e-9 && refs.findIndex((x) => x.value > top - 1e-9) === i
    const text = `${r.name} ${fmt(r.value)}`
    return {
      name: r.name, yAxis: r.value,
      lineStyle: { color: r.color, width, type: r.dashed ? 'dashed' : 'solid' },
      label: { formatter: up ? `${text}\n ` : ` \n${text}`, position: 'end', fontSize, lineHeight: Math.round(fontSize * 1.3) },
    }
  })
  const longest = Math.max(0, ...refs.map((r) => `${r.name} ${fmt(r.value)}`.length))
  return { data, right: refs.length ? Math.ceil(longest * fontSize * 0.6) + 16 : 20 }
}
