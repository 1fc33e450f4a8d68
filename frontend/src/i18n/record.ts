// Messages of the decision register, the challenge overview and the printed
// record (Notulen, Berita Acara). The words of statuses and severities are
// the backend catalogue's (labels.ts), as the exported documents print them.
import { valueWords } from './labels'

export const id = {
  notulen: 'Notulen',
  beritaAcara: 'Berita Acara',
  status: valueWords('decision.status', 'id'),
  challengeStatus: valueWords('challenge.status', 'id'),
  severity: valueWords('challenge.severity', 'id'),
  overdue: 'Terlambat {n} hari',
  print: 'Cetak',
  back: 'Kembali ke rakor',
  paper: 'Kertas {size}, sesuai profil kantor. Dokumen resmi selalu berbahasa Indonesia.',
}

export const en: typeof id = {
  notulen: 'Minutes',
  beritaAcara: 'Official record',
  status: valueWords('decision.status', 'en'),
  challengeStatus: valueWords('challenge.status', 'en'),
  severity: valueWords('challenge.severity', 'en'),
  overdue: 'One day overdue | {n} days overdue',
  print: 'Print',
  back: 'Back to the meeting',
  paper: 'Paper {size}, from the office profile. Official documents are always in Indonesian.',
}
