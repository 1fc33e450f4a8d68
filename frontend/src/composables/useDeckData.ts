import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, toApiError, type AgendaItem, type Challenge, type Decision, type Matrix, type MatrixRow, type Meeting, type RegisterEntry, type SnapshotInfo } from '../api'
import { useMeeting } from '../stores/meeting'
import { useRegions } from '../stores/regions'
import { useWorkspace } from '../stores/workspace'
import { onLiveChange } from './useLive'

export type Slide<R = MatrixRow> =
  | { kind: 'title' }
  | { kind: 'room' }
  | { kind: 'agenda'; items: AgendaItem[]; page: number; pages: number }
  | { kind: 'carry'; entries: RegisterEntry[]; page: number; pages: number }
  | { kind: 'indicator'; row: R }
  | { kind: 'challenges' }
  | { kind: 'decisions' }

/** A list cut into pages of `size`. */
export function pages<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/**
 * The slides of a deck, in the order the meeting goes: title, the
 * participants' room (its QR code, while the meeting lasts), agenda,
 * carried-over decisions, indicators, challenges, decisions.
 */
export function deckSlides<R extends IndicatorRow>(agenda: AgendaItem[], carried: RegisterEntry[], rows: R[], chosen: number[], challenges: number,
  room = false): Slide<R>[] {
  const out: Slide<R>[] = [{ kind: 'title' }]
  if (room) out.push({ kind: 'room' })
  const ag = pages(agenda, 6)
  ag.forEach((items, i) => out.push({ kind: 'agenda', items, page: i + 1, pages: ag.length }))
  const co = pages(carried, 4)
  co.forEach((entries, i) => out.push({ kind: 'carry', entries, page: i + 1, pages: co.length }))
  for (const id of chosen) {
    const row = rows.find((r) => r.indicator.id === id)
    if (row) out.push({ kind: 'indicator', row })
  }
  if (challenges) out.push({ kind: 'challenges' })
  out.push({ kind: 'decisions' })
  return out
}

/** Whether a meeting's room may still open: its last day is today or later (the laptop's date). */
export function roomPossible(m: Pick<Meeting, 'endDate'> | null, now = new Date()): boolean {
  if (!m) return false
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
  return m.endDate >= today
}

/** What the choice of indicators reads of a matrix row. */
export interface IndicatorRow {
  indicator: { id: number }
  flags: readonly string[]
  province: { flags: readonly string[] }
  regencies: readonly { flags: readonly string[] }[]
}

/** The indicators a deck shows first: those the decisions link, then the flagged ones, at most six. */
export function defaultChoice(rows: readonly IndicatorRow[], decisions: readonly Pick<Decision, 'indicatorIds'>[]): number[] {
  const ids = new Set(rows.map((r) => r.indicator.id))
  const linked = decisions.flatMap((d) => d.indicatorIds).filter((x) => ids.has(x))
  const flagged = rows.filter((r) => r.flags.length || r.province.flags.length || r.regencies.some((c) => c.flags.length)).map((r) => r.indicator.id)
  return [...new Set([...linked, ...flagged])].slice(0, 6)
}

/**
 * What the deck shows, read from the meeting store: the meeting, its lists,
 * the matrix (the newest frozen snapshot, else the current figures), the
 * indicators chosen for it (remembered on this computer) and the slides.
 */
export function useDeckData(meetingId: () => number) {
  const { locale } = useI18n()
  const store = useMeeting()
  const regions = useRegions()
  // Set only once everything is in: a deck whose slide count grows while the room watches would jump.
  const meeting = ref<Meeting | null>(null)
  const matrix = shallowRef<Matrix | null>(null)
  const snapshot = ref<SnapshotInfo | null>(null)
  const chosen = ref<number[]>([])
  const error = ref('')
  const storageKey = () => `selaras.deck.${meetingId()}`

  async function load() {
    try {
      store.open(meetingId())
      const [m, , snaps] = await Promise.all([
        store.load.meeting(), store.load.agenda(), store.load.snapshots(), store.load.decisions(), store.load.challenges(),
        store.load.categories(), regions.ensureAll(),
      ])
      if (!m) return
      if (snaps.length) {
        snapshot.value = snaps[snaps.length - 1] // oldest first: the newest is last
        matrix.value = (await api.rakor.snapshot(snapshot.value.id)).matrix
      } else if (m.provinceCode) {
        matrix.value = await api.targets.matrix(m.provinceCode, [m.planningYear])
      }
      chosen.value = savedChoice() ?? defaultChoice(matrix.value?.rows ?? [], store.decisions)
      meeting.value = m
    } catch (e) {
      error.value = toApiError(e).message
    }
  }

  // Another PC changed the meeting: the store fetches its lists again (the
  // wall of decisions, the agenda); here the title and the matrix follow: a
  // newer snapshot, or the current figures when none is frozen.
  onLiveChange(['meeting', 'snapshot', 'indicator', 'indicator_value'], async (c) => {
    if (!meeting.value) return
    const [m, snaps] = await Promise.all([store.load.meeting(), store.load.snapshots()])
    if (!m) return
    const newest = snaps.length ? snaps[snaps.length - 1] : null
    if (newest && newest.id !== snapshot.value?.id) {
      matrix.value = (await api.rakor.snapshot(newest.id)).matrix
    } else if (!newest && m.provinceCode && (c.resync || c.tables.some((t) => t.startsWith('indicator')) || snapshot.value)) {
      matrix.value = await api.targets.matrix(m.provinceCode, [m.planningYear])
    }
    snapshot.value = newest
    meeting.value = m
  })

  /** The choice saved for this meeting, of indicators the matrix still has. */
  function savedChoice(): number[] | null {
    const ids = new Set((matrix.value?.rows ?? []).map((r) => r.indicator.id))
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as number[] | null
      if (Array.isArray(saved)) return saved.filter((x) => ids.has(x))
    } catch {
      // A damaged entry falls back to the default.
    }
    return null
  }

  function toggleIndicator(id: number) {
    chosen.value = chosen.value.includes(id) ? chosen.value.filter((x) => x !== id) : [...chosen.value, id]
    localStorage.setItem(storageKey(), JSON.stringify(chosen.value))
  }

  // The room writes the attendance: only who may write the rakor opens it.
  const ws = useWorkspace()
  const slides = computed(() => deckSlides(store.agenda, store.carried, matrix.value?.rows ?? [], chosen.value, store.challenges.length,
    roomPossible(meeting.value) && ws.may.rakor))

  /** The challenges by category, the largest group first. */
  const challengeGroups = computed(() => {
    const by = new Map<string, Challenge[]>()
    for (const c of store.challenges) by.set(c.category, [...(by.get(c.category) ?? []), c])
    return [...by.entries()]
      .map(([code, items]) => ({ code, name: store.categoryName(code, locale.value), items }))
      .sort((a, b) => b.items.length - a.items.length)
  })
  const owner = (d: Decision) => [d.ownerRegion ? regions.name(d.ownerRegion) : '', d.ownerUnit].filter(Boolean).join(' · ')

  return {
    meeting, matrix, snapshot, chosen, error, slides, challengeGroups, owner, load, toggleIndicator,
    decisions: computed(() => store.decisions),
  }
}
