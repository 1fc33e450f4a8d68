import { describe, expect, it } from 'vitest'
import { startMark, startMarks, startMarksLine } from './startMarks'

describe('start marks', () => {
  it('keeps the first of each mark, in start order, on one line', () => {
    startMark('mounted')
    startMark('script')
    const first = startMarks().script
    startMark('script')
    expect(startMarks().script).toBe(first)
    expect(Object.keys(startMarks())).toEqual(['script', 'mounted'])
    expect(startMarksLine()).toMatch(/^start-marks: origin=\d+ script=\d+ mounted=\d+$/)
  })
})
