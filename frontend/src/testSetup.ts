import { loadLanguage } from './i18n'

// The app fetches English when it is chosen (i18n/index.ts); tests switch
// the locale directly, so both languages are there from the start.
await loadLanguage('en')
