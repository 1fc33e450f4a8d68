// Messages of backups, recovery and moving a workspace (Pengaturan, the
// welcome screen and the read-only banner), both languages side by side.
export const id = {
  title: 'Cadangan',
  intro:
    'Selaras mencadangkan ruang kerja pada pembukaan pertama setiap hari (7 terakhir disimpan) dan sebelum setiap impor (10 terakhir). Cadangan disimpan di folder {dir}.',
  backupNow: 'Cadangkan sekarang',
  backedUp: 'Cadangan dibuat: {name}',
  restore: 'Pulihkan',
  restoreTitle: 'Pulihkan cadangan?',
  restoreConfirm:
    'Ruang kerja akan diganti dengan isi cadangan {when}. Keadaan sekarang dicadangkan lebih dulu, sehingga pemulihan ini dapat dibatalkan dengan memulihkan cadangan "sebelum pemulihan".',
  restored: 'Ruang kerja dipulihkan dari cadangan {when}.',
  empty: 'Belum ada cadangan.',
  when: 'Waktu',
  size: 'Ukuran',
  why: 'Alasan',
  working: 'Sedang bekerja…',
  reasons: {
    manual: 'Manual',
    harian: 'Harian',
    impor: 'Sebelum impor',
    skema: 'Sebelum pembaruan skema',
    pulih: 'Sebelum pemulihan',
    rusak: 'Berkas rusak (disimpan)',
  },
  moveTitle: 'Pindahkan ruang kerja',
  moveText:
    'Simpan seluruh ruang kerja dalam satu berkas untuk dibawa ke komputer lain, lalu buka berkas itu di sana dengan "Buka ruang kerja dari berkas".',
  openText:
    'Ruang kerja dari komputer lain: buka berkas yang disimpan di sana dengan "Simpan salinan ruang kerja" (Pengaturan). Salin berkas ke komputer ini lebih dulu, jangan membukanya dari flashdisk.',
  saveCopy: 'Simpan salinan ruang kerja',
  savedCopy: 'Salinan ruang kerja disimpan: {path}',
  openFile: 'Buka ruang kerja dari berkas',
  pathLabel: 'Lokasi berkas ruang kerja (.db)',
  pathPlaceholder: 'mis. D:\\Selaras\\Ruang-kerja-Selaras.db',
  open: 'Buka',
  readOnly:
    'Ruang kerja ini hanya dapat dibaca (berkas atau foldernya dilindungi dari penulisan). Perubahan tidak dapat disimpan; data tetap dapat dilihat dan diekspor.',
  damagedTitle: 'Berkas ruang kerja rusak',
  recover: 'Pulihkan cadangan terbaru ({when})',
  noRecovery: 'Tidak ada cadangan yang utuh. Buka salinan ruang kerja dari berkas, atau mulai ruang kerja baru.',
}

export const en: typeof id = {
  title: 'Backups',
  intro:
    'Selaras backs up the workspace at the first start of each day (the last 7 are kept) and before every import (the last 10). Backups are kept in the folder {dir}.',
  backupNow: 'Back up now',
  backedUp: 'Backup made: {name}',
  restore: 'Restore',
  restoreTitle: 'Restore this backup?',
  restoreConfirm:
    'The workspace will be replaced by the backup of {when}. The current state is backed up first, so this restore can be undone by restoring the "before restore" backup.',
  restored: 'Workspace restored from the backup of {when}.',
  empty: 'No backups yet.',
  when: 'When',
  size: 'Size',
  why: 'Reason',
  working: 'Working…',
  reasons: {
    manual: 'Manual',
    harian: 'Daily',
    impor: 'Before import',
    skema: 'Before schema update',
    pulih: 'Before restore',
    rusak: 'Damaged file (kept)',
  },
  moveTitle: 'Move the workspace',
  moveText:
    'Save the whole workspace in one file to take to another computer, then open that file there with "Open a workspace file".',
  openText:
    'A workspace from another computer: open the file saved there with "Save a copy of the workspace" (Settings). Copy the file to this computer first rather than opening it from a USB stick.',
  saveCopy: 'Save a copy of the workspace',
  savedCopy: 'Copy of the workspace saved: {path}',
  openFile: 'Open a workspace file',
  pathLabel: 'Location of the workspace file (.db)',
  pathPlaceholder: 'e.g. D:\\Selaras\\Ruang-kerja-Selaras.db',
  open: 'Open',
  readOnly:
    'This workspace is read-only (the file or its folder is write-protected). Changes cannot be saved; its data can still be viewed and exported.',
  damagedTitle: 'The workspace file is damaged',
  recover: 'Restore the newest backup ({when})',
  noRecovery: 'There is no intact backup. Open a copy of the workspace from a file, or start a new workspace.',
}
