// A shared workspace for the role specs: the demo on a fresh database of the
// test cluster, made a shared workspace, with one login per person named.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const admin = process.env.SELARAS_TEST_PG ?? ''
/** The spec's skip reason when the test cluster is not there (and not required). */
export const skip = !admin && !process.env.SELARAS_REQUIRE_PG ? 'no PostgreSQL test server (SELARAS_TEST_PG)' : false
export const bin = process.env.SELARAS_BIN ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../build/e2e/selaras')

/**
 * people: who → [role, region or bidang]. Returns each person's connection
 * URL and drop(), which removes the database and the logins.
 */
export function office(prefix, people) {
  assert.ok(admin, 'SELARAS_REQUIRE_PG is set but SELARAS_TEST_PG is not: start scripts/pg-test.sh')
  const name = prefix + '_' + randomBytes(5).toString('hex')
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE "${name}"`])
  const url = new URL(admin)
  url.pathname = '/' + name
  execFileSync(bin, ['demo', '--db', url.href])
  execFileSync(bin, ['workspace', 'init', '--pg', url.href])
  const urls = {}
  for (const [who, [role, where]] of Object.entries(people)) {
    const login = `${name}_${who}`
    const args = ['workspace', 'user', 'add', login, '--role', role, '--pg', url.href, '--password-stdin']
    if (where && role === 'kabkota') args.push('--region', where)
    if (where && role === 'bidang') args.push('--bidang', where)
    execFileSync(bin, args, { input: 'sandi-' + who + '\n' })
    const u = new URL(url.href)
    u.username = login
    u.password = 'sandi-' + who
    urls[who] = u.href
  }
  const drop = () => {
    execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`])
    for (const who of Object.keys(people)) execFileSync('psql', [admin, '-qc', `DROP ROLE IF EXISTS "${name}_${who}"`])
  }
  return { urls, drop }
}
