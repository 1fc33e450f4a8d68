import { describe, expect, it } from 'vitest'
import { span } from './useWindowed'

describe('the window of a scrolled grid', () => {
  it.each([
    // scroll, view, before, size, count, overscan -> [start, end)
    { name: 'at the start, frozen columns cover part of the view', a: [0, 1000, 500, 90, 38, 0], want: [0, 6] },
    { name: 'at the start, with overscan', a: [0, 1000, 500, 90, 38, 2], want: [0, 8] },
    { name: 'scrolled half a column', a: [45, 1000, 500, 90, 38, 0], want: [0, 7] },
    { name: 'scrolled to the end', a: [38 * 90 - 500, 1000, 500, 90, 38, 2], want: [30, 38] },
    { name: 'fewer items than fit', a: [0, 1000, 100, 90, 7, 2], want: [0, 7] },
    { name: 'rows under a sticky heading', a: [520, 500, 40, 52, 17, 0], want: [10, 17] },
    { name: 'no items', a: [0, 1000, 0, 90, 0, 2], want: [0, 0] },
    { name: 'not measured yet: a few, never all', a: [0, 0, 0, 90, 38, 2], want: [0, 5] },
  ])('$name', ({ a, want }) => {
    const [scroll, view, before, size, count, overscan] = a
    expect(span(scroll, view, before, size, count, overscan)).toEqual(want)
  })
})
