import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Words of either language that a name, a code or a CSS class does not use.
const functionWords =
  /\b(yang|dan|tidak|untuk|dari|atau|dengan|belum|sudah|ini|itu|wajib|harus|bukan|dalam|pada|oleh|akan|dapat|tanpa|the|is|are|not|and|for|with|must|cannot|was|were|your|you|please)\b/i

// Texts Indonesian by design: the printed record (berita acara) is the
// office's document, and an office's default name is a proper name.
const allowed: Record<string, string[]> = {
  'src/views/rakor/PrintView.vue': [
    'CONTOH — data demo, bukan data resmi',
    'Tidak ada kesepakatan yang dicatat.',
    'Daftar hadir belum diisi.',
    'Lampiran III: Hal yang Belum Disepakati',
    'Alasan belum disepakati',
  ],
  'src/components/ProfileForm.vue': ['Dinas Koperasi dan UKM Provinsi ${name}'],
}

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'wailsjs' && e.name !== 'i18n') files(p, out)
    } else if (/\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.test.ts')) out.push(p)
  }
  return out
}

/** The texts of a file a person may read: template text and string literals. */
function texts(path: string): string[] {
  const src = readFileSync(path, 'utf8')
  const out: string[] = []
  const tmpl = path.endsWith('.vue') ? (src.match(/<template>([\s\S]*)<\/template>/)?.[1] ?? '') : ''
  for (const m of tmpl.replace(/\{\{[\s\S]*?\}\}/g, ' ').matchAll(/>([^<>]+)</g)) out.push(m[1].trim())
  const script = path.endsWith('.vue') ? (src.match(/<script[^>]*>([\s\S]*?)<\/script>/)?.[1] ?? '') : src
  const code = script.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '')
  for (const m of code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) out.push(m[1] ?? m[2] ?? m[3])
  return out
}

function isSentence(s: string): boolean {
  return (s.match(/\p{L}{2,}/gu) ?? []).length >= 3 && functionWords.test(s) && !/SELECT|=>/.test(s)
}

describe('sentences', () => {
  it('live in vue-i18n or the backend catalogue, not in components', () => {
    const found: string[] = []
    for (const f of files('src')) {
      for (const t of texts(f)) if (isSentence(t) && !allowed[f]?.includes(t)) found.push(`${f}: ${t}`)
    }
    expect(found).toEqual([])
  })
  it('are told from names and code', () => {
    expect(isSentence('Simpan perubahan untuk wilayah ini')).toBe(true)
    expect(isSentence('The file is not saved')).toBe(true)
    expect(isSentence('n-form-item label-placement')).toBe(false)
  })
})
