// The only module that talks to Go. It hides the generated Wails bindings
// behind plain functions and turns rejected promises into ApiError.
import * as WorkspaceSvc from '../lib/wailsjs/go/app/Workspace'
import * as SettingsSvc from '../lib/wailsjs/go/app/Settings'
import * as RegionsSvc from '../lib/wailsjs/go/app/Regions'
import * as TargetsSvc from '../lib/wailsjs/go/app/Targets'
import * as ExchangeSvc from '../lib/wailsjs/go/app/Exchange'
import * as ProgramsSvc from '../lib/wailsjs/go/app/Programs'
import * as RakorSvc from '../lib/wailsjs/go/app/Rakor'
import * as RoomSvc from '../lib/wailsjs/go/app/Room'
import { ClipboardSetText, EventsOn, LogPrint, OnFileDrop, OnFileDropOff } from '../lib/wailsjs/runtime/runtime'
import type { Data, Zeroable } from './data'
import { i18n } from '../i18n'
import type {
  agreement, app, connect, exchange, harmonise, indicator, profile, program, rakor, region, store, target, workspace, xlsx,
} from '../lib/wailsjs/go/models'

export type { Data, Zeroable } from './data'
export type Profile = profile.Profile
export type Region = region.Region
export type WorkspaceInfo = workspace.Info
export type SharedRequest = { url: string; password: string; remember: boolean }
export type SharedTarget = connect.Target
export type AuditEntry = store.AuditEntry
export type Backup = store.Backup
export type AboutInfo = app.AboutInfo
export type Indicator = indicator.Indicator
export type Matrix = harmonise.Matrix
// A matrix as the backend would send it, built from plain data (the
// component tests draw layouts without a workspace).
export const matrixFrom = (x: Data<Matrix>): Matrix => x as Matrix
export type Agreement = agreement.Agreement
export type MatrixRow = harmonise.Row
export type MatrixCell = harmonise.Cell
/** A typed or pasted cell; its field is a plain string of Go's target.Field. */
export type Edit = Omit<target.Edit, 'field'> & { field: ValueField }
export type CellError = app.CellError
export type ApplyResult = app.ApplyResult
export interface ExportProgress { done: number; total: number }
/**
 * Tables another PC wrote to the shared workspace (app/live.go), one event
 * per burst; resync: notifications may have been missed, reload everything.
 */
export interface WorkspaceChange { tables: string[]; resync: boolean }
export type ImportPreview = app.ImportPreview
export type ProgramFilter = program.Filter
export type ProgramTree = program.Tree
export type ProgramNode = program.Node
export type ProgramItem = program.Item
export type PlanLine = program.PlanLine
export type PlanLineInput = program.PlanLineInput
export type CentralItem = program.CentralItem
export type Crosswalk = program.Crosswalk
export type CrosswalkQuery = program.CrosswalkQuery
export type ImportChange = exchange.Change
export type WorkbookRequest = xlsx.WorkbookRequest
export type BoardRow = exchange.BoardRow
export type Meeting = rakor.Meeting
export type MeetingSummary = rakor.MeetingSummary
/** A participant as forms fill it: role and attendance as plain strings of Go's enums. */
export type Participant = Omit<rakor.Participant, 'role' | 'attendance'> & { role: ParticipantRole; attendance: Attendance }
export type ParticipantsPreview = app.ParticipantsPreview
export type InstitutionCount = rakor.InstitutionCount
export type AgendaItem = rakor.AgendaItem
export type SnapshotInfo = rakor.SnapshotInfo
export type Snapshot = rakor.Snapshot
export type SnapshotRequest = rakor.SnapshotRequest
export type Decision = rakor.Decision
export type MeetingRecord = rakor.MeetingRecord
export type FollowUp = rakor.FollowUp
export type RegisterEntry = rakor.Entry
export type RegisterFilter = rakor.RegisterFilter
export type ChallengeCategory = rakor.Category
export type Challenge = rakor.Challenge
export type ChallengeFilter = rakor.ChallengeFilter
export type ChallengeOverview = rakor.Overview
/** A day a participant signed on a phone (without the image). */
export type Signed = rakor.Signed
/** The meeting room open for participants' phones (app/room.go), as the screens show it. */
export type RoomState = Omit<app.RoomState, 'closed'> & { closed: '' | 'closed' | 'ended' | 'deleted' }
export type RoomLink = app.RoomLink
// The values of Go's string enums (bound with EnumBind in app/enums.go), as
// unions of their strings so a literal such as 'baru' still type-checks.
export type MeetingKind = `${rakor.Kind}`
export type MeetingMode = `${rakor.Mode}`
export type DecisionStatus = `${rakor.Status}`
export type Severity = `${rakor.Severity}`
export type ChallengeStatus = `${rakor.ChallengeStatus}`
export type Flag = `${harmonise.Flag}`
export type Sheet = `${xlsx.Sheet}`
export type ParticipantRole = `${rakor.Role}`
export type Attendance = `${rakor.Attendance}`
export type ValueField = `${target.Field}`
export type Phase = `${app.Phase}`
/** What the shell draws from: the phase as a plain string of Go's app.Phase. */
export type WorkspaceState = Omit<app.WorkspaceState, 'phase'> & { phase: Phase }
/** What the first screen needs, in one call (Go's app.Boot). */
export type Boot = Omit<app.Boot, 'state'> & { state: WorkspaceState }
export interface RegionQuery {
  text: string
  province: string
  level: '' | 'provinsi' | 'kabupaten' | 'kota'
}

/**
 * A newer change an edit was refused over (Go's app.Conflict): who made it,
 * when (worded in the user's language), the stored values and the version a
 * "keep mine" saves over.
 */
export interface EditConflict<T = unknown> {
  who: string
  when: string
  at: string
  version: number
  /** The stored row as its Go type marshals (null: deleted meanwhile). */
  theirs: T | null
}

/** The Problem code of an edit refused over a newer change (fault.EditConflict). */
export const editConflictCode = 'edit_conflict'

/** A problem reported by the backend, already worded for the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field: string,
    readonly conflict: EditConflict | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * The Problem code of an answer from the browser build's bridge that was no
 * JSON (app/bridge.go): a server error page, never parsed as data.
 */
export const bridgeAnswerCode = 'bridge_answer'

/** Parses what a bound Go method rejected with (a JSON Problem or plain text). */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  const text = reason instanceof Error ? reason.message : String(reason)
  try {
    const p = JSON.parse(text) as { code?: string; field?: string; message?: string; conflict?: EditConflict; status?: number }
    if (p && p.code === bridgeAnswerCode) return new ApiError(i18n.global.t('session.answer', { status: p.status ?? 0 }), p.code, '')
    if (p && typeof p.message === 'string') return new ApiError(p.message, p.code ?? 'internal', p.field ?? '', p.conflict ?? null)
  } catch {
    // not JSON: fall through
  }
  return new ApiError(text, 'internal', '')
}

/**
 * The browser build's session with `selaras serve`: lost when its calls are
 * refused or cannot reach the server (they wait, and are sent when it is
 * back). Never fires in the desktop app.
 */
export interface SessionChange { lost: boolean }

declare global {
  interface Window {
    /** Added by the bridge script (app/bridge.go) in the browser build only. */
    selarasUpload?: (file: File) => Promise<ImportPreview>
  }
}

/**
 * A bound method's argument as the plain data it is: the bridge sends it as
 * JSON either way, so the generated model classes (their createFrom) are
 * not built, and their module stays off the first screen's script.
 */
function arg<T>(x: unknown): T {
  return x as T
}

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p()
  } catch (e) {
    throw toApiError(e)
  }
}

export const api = {
  workspace: {
    state: () => call(() => WorkspaceSvc.State()),
    /** The state, the language and the home screen's regions at once. */
    boot: () => call(() => WorkspaceSvc.Boot()) as Promise<Boot>,
    openDemo: () => call(() => WorkspaceSvc.OpenDemo()),
    resetDemo: () => call(() => WorkspaceSvc.ResetDemo()),
    openOffice: () => call(() => WorkspaceSvc.OpenOffice()),
    backups: async () => (await call(() => WorkspaceSvc.Backups())) ?? [],
    backupNow: () => call(() => WorkspaceSvc.BackupNow()),
    /** Replaces the workspace with a backup; the current state is backed up first. */
    restore: (path: string) => call(() => WorkspaceSvc.Restore(path)),
    /** Restores the newest intact backup of a damaged workspace. */
    restoreNewest: () => call(() => WorkspaceSvc.RestoreNewest()),
    /** Saves one self-contained copy; '' when the user cancelled the dialog. */
    saveCopy: () => call(() => WorkspaceSvc.SaveCopy()),
    /** Opens a workspace file; '' asks with the system dialog (desktop only). */
    openFile: (path: string) => call(() => WorkspaceSvc.OpenFile(path)),
    /** Opens the shared workspace at url (no password in it) on a PostgreSQL server. */
    connect: (req: SharedRequest) => call(() => WorkspaceSvc.Connect(arg<app.SharedRequest>(req))),
    /** Initialises an empty PostgreSQL database as a new shared workspace and opens it. */
    createShared: (req: SharedRequest) => call(() => WorkspaceSvc.CreateShared(arg<app.SharedRequest>(req))),
  },
  settings: {
    profile: () => call(() => SettingsSvc.Profile()),
    saveProfile: (p: Data<Profile>) => call(() => SettingsSvc.SaveProfile(arg<profile.Profile>(p))),
    language: () => call(() => SettingsSvc.Language()),
    setLanguage: (lang: string) => call(() => SettingsSvc.SetLanguage(lang)),
    about: () => call(() => SettingsSvc.About()),
    audit: (limit: number) => call(() => SettingsSvc.AuditEntries(limit)),
    savePNG: (dataURL: string, name: string) => call(() => SettingsSvc.SavePNG(dataURL, name)),
  },
  targets: {
    indicators: () => call(() => TargetsSvc.Indicators()),
    saveIndicator: (i: Data<Indicator>) => call(() => TargetsSvc.SaveIndicator(arg<indicator.Indicator>(i))),
    deleteIndicator: (id: number) => call(() => TargetsSvc.DeleteIndicator(id)),
    matrix: (province: string, years: number[]) => call(() => TargetsSvc.Matrix(province, years)),
    apply: (edits: Edit[], pasted: boolean) => call(() => TargetsSvc.Apply(edits.map((e) => arg<target.Edit>(e)), pasted)),
    history: (indicatorId: number, region: string, year: number) => call(() => TargetsSvc.History(indicatorId, region, year)),
    agreements: (province: string, year: number) => call(() => TargetsSvc.Agreements(province, year)),
    agree: (region: string, year: number, meetingId: number) => call(() => TargetsSvc.Agree(region, year, meetingId)),
    reopen: (region: string, year: number, reason: string) => call(() => TargetsSvc.Reopen(region, year, reason)),
  },
  programs: {
    tree: (f: Data<ProgramFilter>) => call(() => ProgramsSvc.Tree(arg<program.Filter>(f))),
    items: () => call(() => ProgramsSvc.Items()),
    saveSubKegiatan: (it: Data<ProgramItem>) => call(() => ProgramsSvc.SaveSubKegiatan(arg<program.Item>(it))),
    deleteSubKegiatan: (id: number) => call(() => ProgramsSvc.DeleteSubKegiatan(id)),
    savePlanLine: (l: Data<PlanLineInput>) => call(() => ProgramsSvc.SavePlanLine(arg<program.PlanLineInput>(l))),
    deletePlanLine: (id: number) => call(() => ProgramsSvc.DeletePlanLine(id)),
    history: (id: number) => call(() => ProgramsSvc.PlanLineHistory(id)),
    central: () => call(() => ProgramsSvc.Central()),
    saveCentral: (c: Data<CentralItem>) => call(() => ProgramsSvc.SaveCentral(arg<program.CentralItem>(c))),
    deleteCentral: (id: number) => call(() => ProgramsSvc.DeleteCentral(id)),
    crosswalk: (q: Data<CrosswalkQuery>) => call(() => ProgramsSvc.Crosswalk(arg<program.CrosswalkQuery>(q))),
    bidang: async () => (await call(() => ProgramsSvc.Bidang())) ?? [],
  },
  rakor: {
    meetings: () => call(() => RakorSvc.Meetings()),
    meeting: (id: number) => call(() => RakorSvc.Meeting(id)),
    // The printed record, computed once in Go (the Excel Berita Acara renders the same).
    record: (id: number) => call(() => RakorSvc.Record(id)),
    /** Creates a meeting; its first agenda item carries over open decisions of earlier meetings. */
    start: (m: Data<Meeting>) => call(() => RakorSvc.StartMeeting(arg<rakor.Meeting>(m))),
    save: (m: Data<Meeting>) => call(() => RakorSvc.SaveMeeting(arg<rakor.Meeting>(m))),
    remove: (id: number) => call(() => RakorSvc.DeleteMeeting(id)),
    parseParticipants: (text: string) => call(() => RakorSvc.ParseParticipants(text)),
    participants: (meetingId: number) => call(() => RakorSvc.Participants(meetingId)),
    addParticipants: (meetingId: number, ps: Participant[]) => call(() => RakorSvc.AddParticipants(meetingId, ps.map((p) => arg<rakor.Participant>(p)))),
    saveParticipant: (p: Participant) => call(() => RakorSvc.SaveParticipant(arg<rakor.Participant>(p))),
    deleteParticipant: (id: number) => call(() => RakorSvc.DeleteParticipant(id)),
    countByInstitution: (meetingId: number) => call(() => RakorSvc.CountByInstitution(meetingId)),
    agenda: (meetingId: number) => call(() => RakorSvc.Agenda(meetingId)),
    saveAgendaItem: (a: Data<AgendaItem>) => call(() => RakorSvc.SaveAgendaItem(arg<rakor.AgendaItem>(a))),
    deleteAgendaItem: (id: number) => call(() => RakorSvc.DeleteAgendaItem(id)),
    setMinutes: (agendaId: number, minutes: string) => call(() => RakorSvc.SetMinutes(agendaId, minutes)),
    reorderAgenda: (meetingId: number, ids: number[]) => call(() => RakorSvc.ReorderAgenda(meetingId, ids)),
    addCarryOver: (meetingId: number) => call(() => RakorSvc.AddCarryOver(meetingId)),
    openFromEarlier: (meetingId: number) => call(() => RakorSvc.OpenFromEarlier(meetingId)),
    snapshots: (meetingId: number) => call(() => RakorSvc.Snapshots(meetingId)),
    takeSnapshot: (req: Data<SnapshotRequest>) => call(() => RakorSvc.TakeSnapshot(arg<rakor.SnapshotRequest>(req))),
    snapshot: (id: number) => call(() => RakorSvc.Snapshot(id)),
    deleteSnapshot: (id: number) => call(() => RakorSvc.DeleteSnapshot(id)),
    decisions: (meetingId: number) => call(() => RakorSvc.Decisions(meetingId)),
    saveDecision: (d: Data<Decision>) => call(() => RakorSvc.SaveDecision(arg<rakor.Decision>(d))),
    deleteDecision: (id: number) => call(() => RakorSvc.DeleteDecision(id)),
    decisionHistory: (id: number) => call(() => RakorSvc.DecisionHistory(id)),
    followUps: (decisionId: number) => call(() => RakorSvc.FollowUps(decisionId)),
    addFollowUp: (f: Zeroable<FollowUp>) => call(() => RakorSvc.AddFollowUp(arg<rakor.FollowUp>(f))),
    deleteFollowUp: (id: number) => call(() => RakorSvc.DeleteFollowUp(id)),
    register: (f: Partial<Zeroable<RegisterFilter>>) => call(() => RakorSvc.Register(arg<rakor.RegisterFilter>(f))),
    categories: () => call(() => RakorSvc.Categories()),
    addCategory: (name: string) => call(() => RakorSvc.AddCategory(name)),
    challenges: (f: Partial<Zeroable<ChallengeFilter>>) => call(() => RakorSvc.Challenges(arg<rakor.ChallengeFilter>(f))),
    saveChallenge: (c: Data<Challenge>) => call(() => RakorSvc.SaveChallenge(arg<rakor.Challenge>(c))),
    deleteChallenge: (id: number) => call(() => RakorSvc.DeleteChallenge(id)),
    challengeOverview: (f: Partial<Zeroable<ChallengeFilter>>) => call(() => RakorSvc.ChallengeOverview(arg<rakor.ChallengeFilter>(f))),
    /** The days each participant signed on a phone. */
    attendance: (meetingId: number) => call(() => RakorSvc.Attendance(meetingId)),
    /** One day's signature of a participant, as an image address. */
    signature: (participantId: number, day: string) => call(() => RakorSvc.Signature(participantId, day)),
    /** Every signature of a meeting: participant id -> day -> image address. */
    signatures: async (meetingId: number) => ((await call(() => RakorSvc.Signatures(meetingId))) ?? {}) as Record<number, Record<string, string>>,
  },
  /** The meeting room: a link and QR code for the participants' phones. */
  room: {
    state: () => call(() => RoomSvc.State()) as Promise<RoomState>,
    open: (meetingId: number) => call(() => RoomSvc.Open(meetingId)) as Promise<RoomState>,
    close: () => call(() => RoomSvc.Close()) as Promise<RoomState>,
    setDownloads: (allow: boolean) => call(() => RoomSvc.SetDownloads(allow)) as Promise<RoomState>,
    /** Calls cb whenever the room changes (phones, signatures, closed); returns the function that unsubscribes. */
    onChange: (cb: (s: RoomState) => void): (() => void) => EventsOn('room:state', cb as (...data: unknown[]) => void),
  },
  exchange: {
    exportTargets: (province: string, years: number[]) => call(() => ExchangeSvc.ExportTargets(province, years)),
    cancelExport: () => call(() => ExchangeSvc.CancelExport()),
    makeTemplates: (regions: string[], year: number) => call(() => ExchangeSvc.MakeTemplates(regions, year)),
    /** Desktop: the open dialog; the picked path, or '' when cancelled. */
    pickImport: () => call(() => ExchangeSvc.PickImport()),
    /** Desktop: the open dialog for one or several workbooks; none when cancelled. */
    pickImports: () => call(() => ExchangeSvc.PickImports()),
    /** Desktop: previews the workbook at a picked or dropped path. */
    previewImport: (path: string) => call(() => ExchangeSvc.PreviewImport(path)),
    /** Browser build only: streams the file's bytes to the bridge (app/bridge.go). */
    uploadImport: (file: File) => call(() => window.selarasUpload!(file)),
    commitImport: (token: string, takeTemplate = false) => call(() => ExchangeSvc.CommitImport(token, takeTemplate)),
    /** Forgets a preview the user skipped. */
    discardImport: (token: string) => call(() => ExchangeSvc.DiscardImport(token)),
    exportWorkbook: (req: Data<WorkbookRequest>) => call(() => ExchangeSvc.ExportWorkbook(arg<xlsx.WorkbookRequest>(req))),
    // The consolidation for the ministry: a Matriks Target sheet per province with figures.
    exportNational: (years: number[]) => call(() => ExchangeSvc.ExportNational(years)),
    nationalProvinces: (year: number) => call(() => ExchangeSvc.NationalProvinces(year)),
    submissionBoard: (year: number) => call(() => ExchangeSvc.SubmissionBoard(year)),
  },
  /**
   * Desktop: calls cb with the paths of files dropped on an element styled
   * `--wails-drop-target: drop`; returns the function that stops listening.
   */
  onFileDrop(cb: (paths: string[]) => void): () => void {
    OnFileDrop((_x, _y, paths) => cb(paths), true)
    return OnFileDropOff
  },
  /** Puts text on the clipboard: the page's own where it may (the browser build), else the window's. */
  async copyText(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      await ClipboardSetText(text)
    }
  },
  /** Calls cb when another PC changed the shared workspace; returns the function that unsubscribes. */
  onWorkspaceChanged(cb: (change: WorkspaceChange) => void): () => void {
    return EventsOn('workspace:changed', cb as (...data: unknown[]) => void)
  },
  /** A line on the app's standard output (the start timings, when asked for). */
  print(line: string) {
    try {
      LogPrint(line)
    } catch {
      // no runtime (a component test): nothing to print to
    }
  },
  /** Calls cb when the browser build's session is lost or back; returns the function that unsubscribes. */
  onSession(cb: (change: SessionChange) => void): () => void {
    return EventsOn('bridge:session', cb as (...data: unknown[]) => void)
  },
  /** Subscribes to a backend event; returns the function that unsubscribes. */
  on<T>(event: string, cb: (data: T) => void): () => void {
    return EventsOn(event, cb as (...data: unknown[]) => void)
  },
  regions: {
    provinces: () => call(() => RegionsSvc.Provinces()),
    search: (q: RegionQuery) => call(() => RegionsSvc.Search(arg<app.RegionQuery>(q))),
    regencies: (province: string) => call(() => RegionsSvc.Regencies(province)),
  },
}
