import type { Flag } from './api'

// How each flag looks wherever the matrix is shown (screen, projector).
// Indexed by string (the models carry flags as plain strings); `satisfies`
// makes the type-check fail when Go's harmonise.Flag gains a flag with no style.
export const flagStyle: Record<string, { color: string; mark: string }> = {
  missing_target: { color: '#6b7280', mark: '∅' },
  below_national: { color: '#b91c1c', mark: 'N' },
  below_provincial: { color: '#c2410c', mark: 'P' },
  rollup_short: { color: '#b91c1c', mark: 'Σ−' },
  rollup_above: { color: '#7c3aed', mark: 'Σ+' },
  rollup_incomplete: { color: '#6b7280', mark: 'Σ?' },
  target_falling: { color: '#a16207', mark: '↓' },
  implausible: { color: '#be123c', mark: '!' },
  no_program: { color: '#0369a1', mark: '○' },
} satisfies Record<Flag, { color: string; mark: string }>

export const allFlags: Flag[] = [
  'missing_target', 'below_national', 'below_provincial', 'rollup_short', 'rollup_above',
  'rollup_incomplete', 'target_falling', 'implausible', 'no_program',
]

/** Achievement band for colouring: good (>= 100), mid (80-99), low (< 80). */
export function band(achievement: number | null | undefined): 'good' | 'mid' | 'low' | '' {
  if (achievement === null || achievement === undefined) return ''
  if (achievement >= 100) return 'good'
  if (achievement >= 80) return 'mid'
  return 'low'
}
