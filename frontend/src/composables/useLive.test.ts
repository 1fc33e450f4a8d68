import { describe, expect, it } from 'vitest'
import { touches } from './useLive'

describe('which screens a change from another PC concerns', () => {
  const cases: [string, string[], boolean, string[], boolean][] = [
    ['a table shown', ['decision'], false, ['decision', 'meeting'], true],
    ['a table by prefix', ['decision_followup'], false, ['decision_*'], true],
    ['a prefix is not the table itself', ['decision'], false, ['decision_*'], false],
    ['another table', ['indicator_value'], false, ['decision', 'decision_*'], false],
    ['nothing named', [], false, ['decision'], false],
    ['a resync concerns everything', [], true, ['import_log'], true],
  ]
  it.each(cases)('%s', (_, tables, resync, shown, want) => {
    expect(touches({ tables, resync }, shown)).toBe(want)
  })
})
