// Messages of an edit refused over a newer change (so no
// update is lost): the dialog that shows both values, both languages side by side.
export const id = {
  title: 'Diubah oleh {who} pada {when}',
  intro: 'Data ini diubah orang lain setelah Anda membukanya. Perubahan Anda belum disimpan. Pilih yang dipakai:',
  field: 'Isian',
  mine: 'Punya saya',
  theirs: 'Punya mereka',
  keepMine: 'Simpan punya saya',
  takeTheirs: 'Pakai punya mereka',
  deleted: 'Sudah dihapus oleh {who} pada {when}.',
  empty: '(kosong)',
  keptMine: 'Perubahan Anda disimpan di atas perubahan {who}.',
  tookTheirs: 'Formulir memakai isian {who}.',
  cell: 'Diubah oleh {who}',
}

export const en: typeof id = {
  title: 'Changed by {who} at {when}',
  intro: 'Someone else changed this after you opened it. Your change was not saved. Choose which to keep:',
  field: 'Field',
  mine: 'Mine',
  theirs: 'Theirs',
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  deleted: 'Deleted by {who} at {when}.',
  empty: '(empty)',
  keptMine: 'Your change was saved over {who}’s.',
  tookTheirs: 'The form now shows {who}’s values.',
  cell: 'Changed by {who}',
}
