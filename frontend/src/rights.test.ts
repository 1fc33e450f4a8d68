import { describe, expect, it } from 'vitest'
import { rights } from './rights'

const who = (role: string, more: { region?: string; bidang?: string; readOnly?: boolean } = {}) =>
  rights({ role, region: more.region ?? '', bidang: more.bidang ?? '', readOnly: more.readOnly ?? false })

describe('rights', () => {
  it('a file workspace is the admin: everything', () => {
    const r = who('')
    expect([r.anything, r.catalogue, r.rakor, r.exchange, r.anyValues, r.anyLines, r.followUpStatus]).toEqual([true, true, true, true, true, true, true])
    expect(r.line({ region: '19', bidang: 'UKM' })).toBe(true)
    expect(r.values('ID')).toBe(true)
  })
  it('a read-only workspace and a reader write nothing', () => {
    for (const r of [who('', { readOnly: true }), who('pembaca'), who('sekretariat', { readOnly: true })]) {
      expect([r.anything, r.catalogue, r.rakor, r.exchange, r.anyValues, r.anyLines, r.followUpStatus]).toEqual([false, false, false, false, false, false, false])
      expect(r.values('19.01')).toBe(false)
      expect(r.followUp({ ownerRegion: '19.01', regions: [] })).toBe(false)
    }
  })
  it('the secretariat: the rakor, the exchange, every value, the kab/kota plan lines, not the catalogue', () => {
    const r = who('sekretariat')
    expect([r.catalogue, r.rakor, r.exchange, r.followUpStatus]).toEqual([false, true, true, true])
    expect(r.values('19')).toBe(true)
    expect(r.line({ region: '19.01', bidang: 'UKM' })).toBe(true)
    expect(r.line({ region: '19', bidang: 'UKM' })).toBe(false)
  })
  it('a bidang: its own bidang plan lines only', () => {
    const r = who('bidang', { bidang: 'Koperasi' })
    expect([r.anything, r.catalogue, r.rakor, r.exchange, r.anyValues, r.anyLines]).toEqual([true, false, false, false, false, true])
    expect(r.line({ region: '19', bidang: 'Koperasi' })).toBe(true)
    expect(r.line({ region: '19', bidang: 'UKM' })).toBe(false)
    expect(r.followUp({ ownerRegion: '', regions: [] })).toBe(false)
  })
  it('a kab/kota office: its region values and plan lines, notes on decisions addressed to it', () => {
    const r = who('kabkota', { region: '19.01' })
    expect([r.catalogue, r.rakor, r.exchange, r.anyValues, r.anyLines, r.followUpStatus]).toEqual([false, false, false, true, true, false])
    expect(r.values('19.01')).toBe(true)
    expect(r.values('19.02')).toBe(false)
    expect(r.line({ region: '19.01', bidang: 'UKM' })).toBe(true)
    expect(r.line({ region: '19.02', bidang: 'UKM' })).toBe(false)
    expect(r.followUp({ ownerRegion: '19.01', regions: [] })).toBe(true)
    expect(r.followUp({ ownerRegion: '', regions: ['19.02', '19.01'] })).toBe(true)
    expect(r.followUp({ ownerRegion: '19.02', regions: ['19.03'] })).toBe(false)
  })
})
