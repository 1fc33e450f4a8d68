import { createI18n, type MessageCompiler } from 'vue-i18n'
import id from './id'

export type Lang = 'id' | 'en'

// The built app carries its messages precompiled (precompile.ts): those
// with vue-i18n's syntax as functions, the others as strings, and no
// message compiler. A string reaching the compiler is then its own text.
// Development and tests compile them at run time, as vue-i18n does.
export const plainCompiler: MessageCompiler = (message) => () => String(message)

// Indonesian is in the first screen's script; English, when chosen
// (loadLanguage), before it is shown.
export const i18n = createI18n({
  legacy: false,
  locale: 'id',
  fallbackLocale: 'id',
  messages: { id } as Record<Lang, typeof id>,
  ...(import.meta.env.PROD ? { messageCompiler: plainCompiler } : {}),
})

let english: Promise<void> | undefined
/** Makes a language's messages ready to be shown (English is fetched the first time). */
export function loadLanguage(l: Lang): Promise<void> {
  if (l === 'id') return Promise.resolve()
  english ??= import('./en').then((m) => i18n.global.setLocaleMessage('en', m.default)).catch((e) => {
    english = undefined
    throw e
  })
  return english
}
