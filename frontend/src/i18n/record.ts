// Messages of the decision register, the challenge overview and the printed
// record (Notulen, Berita Acara).
export const id = {
  notulen: 'Notulen',
  beritaAcara: 'Berita Acara',
}

export const en: typeof id = {
  notulen: 'Minutes',
  beritaAcara: 'Official record',
}
