import { describe, expect, it } from 'vitest'
import { splitTSV } from './tsv'

describe('splitTSV', () => {
  it('splits an Excel block', () => {
    expect(splitTSV('17,65\t0,59\r\n1.311\t\r\n')).toEqual([['17,65', '0,59'], ['1.311', '']])
  })
  it('keeps a single cell', () => {
    expect(splitTSV('17,65%')).toEqual([['17,65%']])
  })
})
