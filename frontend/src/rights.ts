// What the person connected may write, as the database decides it
// (selaras_rights() in the PostgreSQL migrations): the interface offers
// nothing the database would refuse. One notion for every screen, read
// through the workspace store (ws.may).
//
// A file workspace (and the server's manager) has no role: it is the admin,
// and everything is offered. A read-only workspace writes nothing.

/** The roles of a shared workspace; '' on a file. */
export type Role = '' | 'admin' | 'sekretariat' | 'bidang' | 'pembaca' | 'kabkota'

export interface Who {
  role: string
  /** A kab/kota office's region ("19.01"). */
  region: string
  /** A bidang person's bidang. */
  bidang: string
  readOnly: boolean
}

/** A plan line as far as its rights go: whose region and bidang. */
export interface LineOwner { region: string; bidang: string }

/** A decision as far as a follow-up note goes: whom it is addressed to. */
export interface Addressed { ownerRegion: string; regions: readonly string[] }

export interface Rights {
  /** Anything at all (false for a reader and a read-only workspace). */
  anything: boolean
  /** The reference data: indicators, regions, sub-kegiatan, central targets, office profile. */
  catalogue: boolean
  /** The rakor: meetings, agenda, participants, attendance room, decisions, challenges, snapshots, agreements. */
  rakor: boolean
  /** Importing filled templates and making them (the exchange with the kab/kota). */
  exchange: boolean
  /** Typing the figures of this region ('ID' national, the province, a kab/kota). */
  values: (region: string) => boolean
  /** Typing figures at all: the entry grid is offered. */
  anyValues: boolean
  /** Adding plan lines at all. */
  anyLines: boolean
  /** A new or stored plan line of this region and bidang. */
  line: (l: LineOwner) => boolean
  /** Adding a follow-up note to this decision. */
  followUp: (d: Addressed) => boolean
  /** Removing follow-up notes and moving a decision's status with one. */
  followUpStatus: boolean
}

const isRegency = (code: string) => code.includes('.')

export function rights(w: Who): Rights {
  const role = w.role as Role
  const admin = !w.readOnly && (role === '' || role === 'admin')
  const sek = admin || (!w.readOnly && role === 'sekretariat')
  const own = !w.readOnly && role === 'kabkota' ? w.region : ''
  const bidang = !w.readOnly && role === 'bidang' ? w.bidang : ''
  return {
    anything: admin || sek || own !== '' || bidang !== '',
    catalogue: admin,
    rakor: sek,
    exchange: sek,
    values: (region) => sek || (own !== '' && region === own),
    anyValues: sek || own !== '',
    anyLines: sek || own !== '' || bidang !== '',
    // The secretariat writes the kab/kota's lines, not the province's own.
    line: (l) => admin || (sek && isRegency(l.region)) || (own !== '' && l.region === own) || (bidang !== '' && l.bidang === bidang),
    followUp: (d) => sek || (own !== '' && (d.ownerRegion === own || d.regions.includes(own))),
    followUpStatus: sek,
  }
}
