// The "Ruang kerja bersama" form's address: what the user typed (host,
// port, database, user, TLS mode) as the postgres:// URL Go opens. The
// password never goes into it: it travels beside it, once.

export type TLSMode = 'verify-full' | 'verify-ca' | 'require' | 'prefer' | 'disable'

/** The modes that check the server's certificate against a CA file. */
export const verifying = (m: TLSMode) => m === 'verify-full' || m === 'verify-ca'

export interface SharedFields {
  host: string
  port: number | null
  database: string
  user: string
  tls: TLSMode
  caFile: string // the CA certificate a verifying mode checks against (sslrootcert)
}

export const defaultPort = 5432

export function emptyFields(): SharedFields {
  return { host: '', port: defaultPort, database: '', user: '', tls: 'prefer', caFile: '' }
}

/** The fields still empty, in the form's order (the buttons wait for them). */
export function missingFields(f: SharedFields): Array<keyof SharedFields> {
  const out: Array<keyof SharedFields> = []
  if (!f.host.trim()) out.push('host')
  if (!f.port || f.port < 1 || f.port > 65535) out.push('port')
  if (!f.database.trim()) out.push('database')
  if (!f.user.trim()) out.push('user')
  return out
}

/**
 * postgres://user@host:port/database?sslmode=…[&sslrootcert=…] — the user and database
 * percent-encoded (a user "kabid@dinas" or a database with a space stays
 * one field), an IPv6 address in brackets, the port 5432 when left empty.
 */
export function sharedURL(f: SharedFields): string {
  let host = f.host.trim()
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`
  const port = f.port || defaultPort
  const user = encodeURIComponent(f.user.trim())
  const db = encodeURIComponent(f.database.trim())
  const ca = verifying(f.tls) && f.caFile.trim() ? `&sslrootcert=${encodeURIComponent(f.caFile.trim())}` : ''
  return `postgres://${user}@${host}:${port}/${db}?sslmode=${f.tls}${ca}`
}

/** The server as messages name it: host, or host:port off the default port. */
export function serverName(f: SharedFields): string {
  const host = f.host.trim()
  return !f.port || f.port === defaultPort ? host : `${host}:${f.port}`
}
