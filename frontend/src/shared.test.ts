import { describe, expect, it } from 'vitest'
import { emptyFields, missingFields, serverName, sharedURL, type SharedFields } from './shared'

const f = (o: Partial<SharedFields>): SharedFields => ({ ...emptyFields(), ...o })

describe('sharedURL', () => {
  it.each([
    [f({ host: '192.168.1.10', database: 'selaras', user: 'kabid' }), 'postgres://kabid@192.168.1.10:5432/selaras?sslmode=prefer'],
    [f({ host: ' server-dinas ', port: 6543, database: 'selaras 2025', user: 'kabid@dinas', tls: 'require' }),
      'postgres://kabid%40dinas@server-dinas:6543/selaras%202025?sslmode=require'],
    [f({ host: '::1', port: null, database: 'w', user: 'u', tls: 'disable' }), 'postgres://u@[::1]:5432/w?sslmode=disable'],
    [f({ host: '[fe80::1]', database: 'a/b', user: 'ü:x', tls: 'prefer' }), 'postgres://%C3%BC%3Ax@[fe80::1]:5432/a%2Fb?sslmode=prefer'],
    // A regency reaching its province: verified against the province's CA file.
    [f({ host: 'db.babelprov.go.id', database: 'selaras', user: 'dinas_bangka', tls: 'verify-full', caFile: ' C:\\Selaras\\ca provinsi.crt ' }),
      'postgres://dinas_bangka@db.babelprov.go.id:5432/selaras?sslmode=verify-full&sslrootcert=C%3A%5CSelaras%5Cca%20provinsi.crt'],
    // A CA file left from a verifying mode is not sent with another.
    [f({ host: 'h', database: 'd', user: 'u', tls: 'require', caFile: '/etc/ca.crt' }), 'postgres://u@h:5432/d?sslmode=require'],
  ])('%#', (fields, url) => {
    expect(sharedURL(fields)).toBe(url)
  })
  it('never carries a password', () => {
    expect(sharedURL(f({ host: 'h', database: 'd', user: 'u' }))).not.toMatch(/:[^/@]*@h/)
  })
})

describe('missingFields', () => {
  it('names what is still empty, in the form order', () => {
    expect(missingFields(emptyFields())).toEqual(['host', 'database', 'user'])
    expect(missingFields(f({ host: 'h', port: 0, database: 'd', user: 'u' }))).toEqual(['port'])
    expect(missingFields(f({ host: 'h', port: 70000, database: ' ', user: 'u' }))).toEqual(['port', 'database'])
    expect(missingFields(f({ host: 'h', database: 'd', user: 'u' }))).toEqual([])
  })
})

describe('serverName', () => {
  it('adds the port only off the default', () => {
    expect(serverName(f({ host: 'srv' }))).toBe('srv')
    expect(serverName(f({ host: 'srv', port: 55432 }))).toBe('srv:55432')
  })
})
