// Messages of the decision register, the challenge overview and the printed
// record (Notulen, Berita Acara).
export const id = {
  notulen: 'Notulen',
  beritaAcara: 'Berita Acara',
  status: { baru: 'Baru', berjalan: 'Berjalan', selesai: 'Selesai', dibatalkan: 'Dibatalkan' },
  challengeStatus: { terbuka: 'Terbuka', ditangani: 'Ditangani', selesai: 'Selesai' },
  severity: { rendah: 'Rendah', sedang: 'Sedang', tinggi: 'Tinggi' },
  overdue: 'Terlambat {n} hari',
  print: 'Cetak',
  back: 'Kembali ke rakor',
  paper: 'Kertas {size}, sesuai profil kantor. Dokumen resmi selalu berbahasa Indonesia.',
}

export const en: typeof id = {
  notulen: 'Minutes',
  beritaAcara: 'Official record',
  status: { baru: 'New', berjalan: 'In progress', selesai: 'Done', dibatalkan: 'Cancelled' },
  challengeStatus: { terbuka: 'Open', ditangani: 'Being handled', selesai: 'Resolved' },
  severity: { rendah: 'Low', sedang: 'Medium', tinggi: 'High' },
  overdue: 'One day overdue | {n} days overdue',
  print: 'Print',
  back: 'Back to the meeting',
  paper: 'Paper {size}, from the office profile. Official documents are always in Indonesian.',
}
