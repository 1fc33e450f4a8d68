import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import id from './id'
import en from './en'
import { plainCompiler } from './index'
import { compileMessage, hasSyntax, messagesModule } from './precompile'

// The build's messages (precompile.ts, vite.config.ts) say what vue-i18n's
// own run-time compiler makes of the written ones: every key, both
// languages, with its named parts filled and both plural forms.

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]))
}
const at = (o: object, key: string) => key.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o)

function evaluate(source: string): Record<string, unknown> {
  return new Function(source.replace(/^export default /, 'return '))() as Record<string, unknown>
}

describe('precompiled messages', () => {
  const written = { id, en }
  const built = evaluate(messagesModule(written))
  const runtime = createI18n({ legacy: false, locale: 'id', fallbackLocale: 'id', messages: written, missingWarn: false })
  const precompiled = createI18n({
    legacy: false, locale: 'id', fallbackLocale: 'id', messages: built as typeof written, messageCompiler: plainCompiler, missingWarn: false,
  })

  it('keep the messages without syntax as strings, and compile the others', () => {
    let compiled = 0
    for (const k of keys(id)) {
      const w = at(id, k) as string
      const b = at(built.id as object, k)
      if (hasSyntax(w)) {
        expect(typeof b, k).toBe('function')
        compiled++
      } else expect(b, k).toBe(w)
    }
    expect(compiled).toBeGreaterThan(20)
  })

  it.each(['id', 'en'] as const)('read the same in %s as compiled at run time', (lang) => {
    runtime.global.locale.value = lang
    precompiled.global.locale.value = lang
    for (const k of keys(written[lang])) {
      const w = at(written[lang], k) as string
      const named = Object.fromEntries([...w.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => [m[1], `<${m[1]}>`]))
      for (const n of [1, 3]) {
        const args = { ...named, n, count: n }
        expect(precompiled.global.t(k, args, n), `${lang} ${k}`).toBe(runtime.global.t(k, args, n))
      }
    }
  })

  it('fail on a message vue-i18n cannot read', () => {
    expect(() => compileMessage('Halo {nama', 'home.greeting')).toThrow(/home\.greeting/)
  })
})
