import { createI18n } from 'vue-i18n'
import id from './id'
import en from './en'

export type Lang = 'id' | 'en'

export const i18n = createI18n({
  legacy: false,
  locale: 'id',
  fallbackLocale: 'id',
  messages: { id, en },
})
