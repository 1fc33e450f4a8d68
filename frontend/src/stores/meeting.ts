import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import {
  api, type AgendaItem, type Data, type Zeroable, type Challenge, type ChallengeCategory, type Decision, type FollowUp, type Indicator, type InstitutionCount,
  type Meeting, type MeetingSummary, type Participant, type ProgramItem, type RegisterEntry, type Signed, type SnapshotInfo, type SnapshotRequest,
} from '../api'
import { resource, type Resource } from './resource'
import { onLiveChange, touches, type Tables } from '../composables/useLive'
import { useWorkspace } from './workspace'

/**
 * The rakor screens' data: the meeting on screen (its participants, agenda,
 * decisions, challenges, snapshots...) and the lists its pickers offer
 * (meetings, categories, indicators, programs). Each list is fetched once
 * when a screen first asks for it; every write goes through an action here
 * and fetches again exactly the lists it changed, so the panels, the counts
 * above them and the deck show the same thing without reloading each other.
 * A route view calls `open(id)` (or `visit()`) when it is entered: the
 * lists are then fetched anew at their next `ensure`, so what another
 * screen changed meanwhile is never shown stale.
 */
export const useMeeting = defineStore('meeting', () => {
  const id = ref(0)
  const of = <T>(fetch: (meetingId: number) => Promise<T>, initial: () => T) => resource(() => fetch(id.value), initial)

  // The meeting on screen.
  const record = of((m) => api.rakor.meeting(m), (): Meeting | null => null)
  const participants = of((m) => api.rakor.participants(m), (): Participant[] => [])
  const institutions = of((m) => api.rakor.countByInstitution(m), (): InstitutionCount[] => [])
  const agenda = of((m) => api.rakor.agenda(m), (): AgendaItem[] => [])
  const carried = of((m) => api.rakor.openFromEarlier(m), (): RegisterEntry[] => [])
  const decisions = of((m) => api.rakor.decisions(m), (): Decision[] => [])
  const challenges = of((m) => api.rakor.challenges({ meetingId: m }), (): Challenge[] => [])
  const snapshots = of((m) => api.rakor.snapshots(m), (): SnapshotInfo[] => [])
  // The days participants signed on phones in the meeting room.
  const attendance = of((m) => api.rakor.attendance(m), (): Signed[] => [])
  const own = [record, participants, institutions, agenda, carried, decisions, challenges, snapshots, attendance]

  // Lists across meetings, for the counts and the pickers.
  const meetings = resource(() => api.rakor.meetings(), (): MeetingSummary[] => [])
  const categories = resource(() => api.rakor.categories(), (): ChallengeCategory[] => [])
  const indicators = resource(() => api.targets.indicators(), (): Indicator[] => [])
  const programs = resource(() => api.programs.items(), (): ProgramItem[] => [])
  const shared = [meetings, categories, indicators, programs]

  // Another workspace (opened, restored, reset): its meetings share ids with the last one's.
  const ws = useWorkspace()
  watch(() => ws.generation, () => {
    ;[...own, ...shared].forEach((r) => r.reset())
    id.value = 0
  })

  // Another PC wrote to the shared workspace: the lists it changed are
  // fetched again if shown (else at their next ensure). Forms hold their
  // own copy, so what is being typed stays.
  const live: [Tables, Resource<unknown>[]][] = [
    [['meeting'], [record, meetings]],
    [['meeting_participant'], [participants, institutions, meetings]],
    [['attendance'], [attendance]],
    [['agenda_item', 'agenda_decision'], [agenda, carried, meetings]],
    [['decision', 'decision_*'], [decisions, carried, meetings]],
    [['challenge', 'decision_challenge'], [challenges, meetings]],
    [['challenge_category'], [categories]],
    [['snapshot', 'snapshot_matrix'], [snapshots, meetings]],
    [['indicator'], [indicators]],
    [['nomenclature', 'central_item', 'plan_line'], [programs]],
  ]
  onLiveChange(live.flatMap(([t]) => t), (c) => {
    const hit = new Set(live.filter(([t]) => touches(c, t)).flatMap(([, rs]) => rs))
    return Promise.all([...hit].map((r) => r.touch()))
  })

  /** Entered a meeting's screen: its lists and the shared ones are fetched anew when asked for. */
  function open(meetingId: number) {
    if (meetingId !== id.value) {
      own.forEach((r) => r.reset())
      id.value = meetingId
    } else own.forEach((r) => r.stale())
    visit()
  }

  /** Entered a rakor screen about no one meeting: the shared lists are fetched anew when asked for. */
  function visit() {
    shared.forEach((r) => r.stale())
  }

  /** The counts of the meeting on screen (participants, open decisions...), from the meetings list. */
  const summary = computed(() => meetings.value.value.find((s) => s.meeting.id === id.value) ?? null)
  const ours = (meetingId: number) => meetingId === id.value

  /** Runs a write, then fetches again the lists it changed; resolves to what the write returned. */
  async function wrote<T>(write: Promise<T>, ...changed: Resource<unknown>[]): Promise<T> {
    const v = await write
    await Promise.all(changed.map((r) => r.touch()))
    return v
  }
  // A decision or a challenge may be another meeting's (the register, the overview).
  const when = (yes: boolean, r: Resource<unknown>) => (yes ? [r] : [])

  // ---- the meeting ----
  const startMeeting = (m: Data<Meeting>) => wrote(api.rakor.start(m), meetings)
  async function saveMeeting(m: Data<Meeting>) {
    const saved = await wrote(api.rakor.save(m), meetings)
    if (ours(saved.id)) record.value.value = saved
    return saved
  }
  const removeMeeting = (meetingId: number) => wrote(api.rakor.remove(meetingId), meetings)

  // ---- participants ----
  const addParticipants = (ps: Participant[]) => wrote(api.rakor.addParticipants(id.value, ps), participants, institutions, meetings)
  async function saveParticipant(p: Participant) {
    const saved = await wrote(api.rakor.saveParticipant(p), institutions, meetings)
    participants.value.value = participants.value.value.map((x) => (x.id === saved.id ? saved : x))
    return saved
  }
  const deleteParticipant = (participantId: number) =>
    wrote(api.rakor.deleteParticipant(participantId), participants, institutions, meetings, attendance)

  // ---- agenda and minutes ----
  const saveAgendaItem = (a: Data<AgendaItem>) => wrote(api.rakor.saveAgendaItem(a), agenda, meetings)
  const deleteAgendaItem = (itemId: number) => wrote(api.rakor.deleteAgendaItem(itemId), agenda, meetings)
  async function reorderAgenda(ids: number[]) {
    agenda.value.value = await api.rakor.reorderAgenda(id.value, ids)
  }
  async function addCarryOver() {
    agenda.value.value = await wrote(api.rakor.addCarryOver(id.value), carried, meetings)
  }
  async function setMinutes(itemId: number, text: string) {
    await api.rakor.setMinutes(itemId, text)
    const it = agenda.value.value.find((x) => x.id === itemId)
    if (it) it.minutes = text
  }

  // ---- snapshots ----
  const takeSnapshot = (req: Data<SnapshotRequest>) => wrote(api.rakor.takeSnapshot(req), snapshots, meetings)
  const deleteSnapshot = (snapshotId: number) => wrote(api.rakor.deleteSnapshot(snapshotId), snapshots, meetings)

  // ---- decisions and their follow-ups ----
  async function saveDecision(d: Data<Decision>) {
    const saved = await api.rakor.saveDecision(d)
    if (ours(saved.meetingId)) {
      // On screen at once (the deck's wall); the list fetched next renumbers if needed.
      const list = decisions.value.value
      decisions.value.value = list.some((x) => x.id === saved.id) ? list.map((x) => (x.id === saved.id ? saved : x)) : [...list, saved]
    }
    return wrote(Promise.resolve(saved), ...when(ours(saved.meetingId), decisions), meetings)
  }
  const deleteDecision = (decisionId: number) => wrote(api.rakor.deleteDecision(decisionId), decisions, meetings)
  // A follow-up may move its decision's status (and so the open count).
  const addFollowUp = (f: Zeroable<FollowUp>) => wrote(api.rakor.addFollowUp(f), decisions, carried, meetings)
  const deleteFollowUp = (followUpId: number) => wrote(api.rakor.deleteFollowUp(followUpId), decisions, carried, meetings)

  // ---- challenges ----
  async function saveChallenge(c: Data<Challenge>) {
    const saved = await api.rakor.saveChallenge(c)
    return wrote(Promise.resolve(saved), ...when(ours(saved.meetingId), challenges), meetings)
  }
  const addCategory = (name: string) => wrote(api.rakor.addCategory(name), categories)

  // Pickers of a form that may be about another meeting than the one on screen (the register).
  /** A meeting's decisions: the held list for the meeting on screen, else fetched. */
  const decisionsOf = (meetingId: number) =>
    !meetingId ? Promise.resolve([]) : ours(meetingId) ? decisions.ensure() : api.rakor.decisions(meetingId)
  /** A meeting's challenges: the held list for the meeting on screen, else fetched. */
  const challengesOf = (meetingId: number) =>
    !meetingId ? Promise.resolve([]) : ours(meetingId) ? challenges.ensure() : api.rakor.challenges({ meetingId })

  /** A category's name in the interface language; its code when unknown. */
  function categoryName(code: string, lang: string) {
    const c = categories.value.value.find((x) => x.code === code)
    return c ? (lang === 'en' && c.nameEn ? c.nameEn : c.name) : code
  }

  return {
    id, open, visit, summary, categoryName, decisionsOf, challengesOf,
    // Values, read by the screens.
    meeting: record.value, participants: participants.value, institutions: institutions.value, agenda: agenda.value,
    carried: carried.value, decisions: decisions.value, challenges: challenges.value, snapshots: snapshots.value, attendance: attendance.value,
    meetings: meetings.value, categories: categories.value, indicators: indicators.value, programs: programs.value,
    // Loaders: fetch when not fresh.
    load: {
      meeting: record.ensure, participants: () => Promise.all([participants.ensure(), institutions.ensure(), attendance.ensure()]), agenda: () => Promise.all([agenda.ensure(), carried.ensure()]),
      carried: carried.ensure, decisions: decisions.ensure, challenges: challenges.ensure, snapshots: snapshots.ensure,
      meetings: meetings.ensure, categories: categories.ensure, indicators: indicators.ensure, programs: programs.ensure,
    },
    // Writes.
    startMeeting, saveMeeting, removeMeeting, addParticipants, saveParticipant, deleteParticipant, saveAgendaItem, deleteAgendaItem,
    reorderAgenda, addCarryOver, setMinutes, takeSnapshot, deleteSnapshot, saveDecision, deleteDecision, addFollowUp, deleteFollowUp,
    saveChallenge, addCategory,
  }
})
