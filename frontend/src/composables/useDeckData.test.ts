import { describe, expect, it } from 'vitest'
import type { AgendaItem, RegisterEntry } from '../api'
import { deckSlides, defaultChoice, pages, roomPossible, type IndicatorRow } from './useDeckData'

const row = (id: number, flagged = false): IndicatorRow => ({ indicator: { id }, flags: flagged ? ['below_national'] : [], province: { flags: [] }, regencies: [] })
const agenda = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, title: `Agenda ${i + 1}` }) as AgendaItem)
const carried = (n: number) => Array.from({ length: n }, (_, i) => ({ decision: { id: i + 1 } }) as RegisterEntry)

describe('the slides of a deck', () => {
  it('pages the agenda by six and the carried-over decisions by four, then the chosen indicators, challenges and decisions', () => {
    const s = deckSlides(agenda(7), carried(5), [row(1), row(2), row(3)], [3, 1, 99], 2)
    expect(s.map((x) => x.kind)).toEqual(['title', 'agenda', 'agenda', 'carry', 'carry', 'indicator', 'indicator', 'challenges', 'decisions'])
    expect(s[2]).toMatchObject({ kind: 'agenda', page: 2, pages: 2 })
    expect(s[2].kind === 'agenda' && s[2].items.map((a) => a.title)).toEqual(['Agenda 7'])
    expect(s.filter((x) => x.kind === 'indicator').map((x) => x.kind === 'indicator' && x.row.indicator.id)).toEqual([3, 1])
  })

  it('of a meeting with nothing yet: the title and the decisions to type', () => {
    expect(deckSlides([], [], [], [], 0).map((x) => x.kind)).toEqual(['title', 'decisions'])
    expect(deckSlides(agenda(1), [], [], [], 0, true).map((x) => x.kind)).toEqual(['title', 'room', 'agenda', 'decisions'])
  })

  it('cuts a list into pages', () => {
    expect(pages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(pages([], 6)).toEqual([])
  })
})

describe('the indicators a deck shows first', () => {
  it('are those the decisions link, then the flagged ones, each once, at most six', () => {
    const rows = [row(1, true), row(2), row(3, true), row(4, true), row(5, true), row(6, true), row(7, true), row(8, true)]
    const decisions = [{ indicatorIds: [2, 3, 42] }, { indicatorIds: [2] }]
    expect(defaultChoice(rows, decisions)).toEqual([2, 3, 1, 4, 5, 6])
  })
})

describe('roomPossible', () => {
  it('the room may open until the end of the meeting’s last day, by the laptop’s date', () => {
    const now = new Date(2024, 1, 23, 23, 59)
    expect(roomPossible({ endDate: '2024-02-23' }, now)).toBe(true)
    expect(roomPossible({ endDate: '2024-02-25' }, now)).toBe(true)
    expect(roomPossible({ endDate: '2024-02-22' }, now)).toBe(false)
    expect(roomPossible(null, now)).toBe(false)
  })
})
