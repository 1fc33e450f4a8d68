// Start timings inside the page, as performance marks from the navigation
// start: the entry script evaluated, the app mounted, the first screen's
// data in, the first screen rendered into the page (Vue done), painted.
// When the Go side asks (the SELARAS_START_MARKS environment variable, set
// by scripts/start-time.sh) they are printed as one line on the app's
// standard output, with the navigation start as a Unix time so the script
// can time from the launch.
import { api } from './api'

export type StartMark = 'script' | 'mounted' | 'data' | 'rendered' | 'painted'
const order: StartMark[] = ['script', 'mounted', 'data', 'rendered', 'painted']
const prefix = 'selaras:'

export function startMark(name: StartMark) {
  if (performance.getEntriesByName(prefix + name, 'mark').length === 0) performance.mark(prefix + name)
}

/** The marks so far, in milliseconds since the navigation start. */
export function startMarks(): Partial<Record<StartMark, number>> {
  const out: Partial<Record<StartMark, number>> = {}
  for (const name of order) {
    const m = performance.getEntriesByName(prefix + name, 'mark')[0]
    if (m) out[name] = Math.round(m.startTime)
  }
  return out
}

/** The line start-time.sh reads: "start-marks: origin=<unix ms> script=<ms> ...". */
export function startMarksLine(): string {
  const parts = Object.entries(startMarks()).map(([k, v]) => `${k}=${v}`)
  return `start-marks: origin=${Math.round(performance.timeOrigin)} ${parts.join(' ')}`
}

/**
 * Marks the first screen painted once the browser has drawn the frame
 * holding it (the second animation frame after the change), and prints the
 * marks when asked to.
 */
export function markPainted(print: boolean): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    startMark('painted')
    if (print) api.print(startMarksLine())
    resolve()
  })))
}
