// The labels of backend fields, read from backend/fault/catalog.json when the
// frontend is built: a field is named the same on the screen and in the
// backend's messages, and its wording lives in one place. The frontend's own
// words stay in vue-i18n; these are only the catalogue's.
import catalog from '../../../backend/fault/catalog.json'

type LabelKey = keyof typeof catalog.labels
/** A field's key ("decision.status"); a value's word is one more part ("decision.status.baru"). */
export type FieldKey = Exclude<LabelKey, `${string}.${string}.${string}`>

type Labels = Record<FieldKey, string>

const isField = (k: string) => k.split('.').length === 2

function pick(lang: 'id' | 'en'): Labels {
  const out = {} as Labels
  for (const [k, v] of Object.entries(catalog.labels) as [FieldKey, { id: string; en: string }][]) if (isField(k)) out[k] = v[lang]
  return out
}

/** The catalogue's labels in Indonesian and English, by field key ("decision.status"). */
export const labelsId = pick('id')
export const labelsEn = pick('en')

/**
 * A word of the catalogue's messages in lang ("attendance_hadir"). Its code
 * must be written in this file: the build keeps only those (vite.config.ts).
 */
export function word(code: keyof typeof catalog.messages, lang: 'id' | 'en'): string {
  return catalog.messages[code][lang]
}

/** A participant's attendance, worded by the catalogue (attendance_<value>). */
export function attendanceWords(lang: 'id' | 'en') {
  return {
    hadir: word('attendance_hadir', lang),
    tidak_hadir: word('attendance_tidak_hadir', lang),
    diwakili: word('attendance_diwakili', lang),
  }
}

/**
 * The words of a field's stored values in lang, by value: valueWords('decision.status', 'id')
 * is { baru: 'Baru', ... }, the catalogue's entries "decision.status.<value>" that the
 * backend's documents print too.
 */
export function valueWords(field: FieldKey, lang: 'id' | 'en'): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(catalog.labels) as [LabelKey, { id: string; en: string }][]) {
    if (k.startsWith(field + '.') && !isField(k)) out[k.slice(field.length + 1)] = v[lang]
  }
  return out
}

/**
 * The labels as a vue-i18n tree: t('field.decision.status') is the label
 * the backend's messages use for that field.
 */
export function fieldTree(l: Labels): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const [k, v] of Object.entries(l)) {
    const [agg, name] = k.split('.')
    ;(out[agg] ??= {})[name] = v
  }
  return out
}
