// Messages of a shared workspace on a PostgreSQL server: the "Ruang kerja
// bersama" form (welcome screen and Pengaturan), the password asked at
// start and the header's label. Both languages side by side.
import { labelsEn, labelsId } from './labels'
export const id = {
  title: 'Ruang kerja bersama',
  intro:
    'Beberapa komputer kantor bekerja pada satu basis data PostgreSQL di server kantor. Setiap orang masuk dengan nama pengguna dan kata sandinya sendiri.',
  host: labelsId['shared.host'],
  hostPlaceholder: 'mis. 192.168.1.10 atau server-dinas',
  port: labelsId['shared.port'],
  database: labelsId['shared.database'],
  databasePlaceholder: 'mis. selaras',
  user: labelsId['shared.user'],
  userPlaceholder: 'mis. kabid_perencanaan',
  password: labelsId['shared.password'],
  remember: 'Ingat kata sandi di perangkat ini',
  rememberHint: 'Disimpan di penyimpanan kredensial sistem, tidak pernah di berkas pengaturan.',
  tls: 'Enkripsi (TLS)',
  tlsModes: {
    prefer: 'prefer: bila tersedia',
    require: 'require: wajib',
    disable: 'disable: tanpa',
  },
  address: 'Alamat',
  connect: 'Hubungkan',
  create: 'Buat ruang kerja bersama',
  createHint: 'Untuk basis data kosong yang disiapkan pengelola server: membuat tabel, indikator awal dan nomenklatur.',
  connecting: 'Menghubungkan ke {server}…',
  creating: 'Menyiapkan ruang kerja bersama di {server}…',
  connected: 'Terhubung ke {label}.',
  headerLabel: 'Bersama: {label}',
  server: 'Server',
  serverBackup:
    'Ruang kerja bersama dicadangkan di server oleh pengelolanya (pg_dump). Untuk salinan SQLite yang terpisah di komputer ini: selaras workspace pull.',
  askTitle: 'Kata sandi ruang kerja bersama',
  askText: 'Masukkan kata sandi pengguna {user} untuk {label}.',
  askOpen: 'Buka',
  askOther: 'Pilih ruang kerja lain',
  readOnly:
    'Anda terhubung sebagai {user}, yang hanya boleh membaca ruang kerja bersama ini: data dapat dilihat, diharmonisasi dan diekspor, tetapi tidak diubah.',
}

export const en: typeof id = {
  title: 'Shared workspace',
  intro:
    "Several office computers work on one PostgreSQL database on the office's server. Each person signs in with their own user name and password.",
  host: labelsEn['shared.host'],
  hostPlaceholder: 'e.g. 192.168.1.10 or office-server',
  port: labelsEn['shared.port'],
  database: labelsEn['shared.database'],
  databasePlaceholder: 'e.g. selaras',
  user: labelsEn['shared.user'],
  userPlaceholder: 'e.g. kabid_perencanaan',
  password: labelsEn['shared.password'],
  remember: 'Remember the password on this device',
  rememberHint: "Kept in the system's credential store, never in the settings file.",
  tls: 'Encryption (TLS)',
  tlsModes: {
    prefer: 'prefer: if offered',
    require: 'require: always',
    disable: 'disable: never',
  },
  address: 'Address',
  connect: 'Connect',
  create: 'Create a shared workspace',
  createHint: "For an empty database the server's administrator prepared: creates the tables, starter indicators and nomenclature.",
  connecting: 'Connecting to {server}…',
  creating: 'Setting up the shared workspace on {server}…',
  connected: 'Connected to {label}.',
  headerLabel: 'Shared: {label}',
  server: 'Server',
  serverBackup:
    'A shared workspace is backed up on the server by its administrator (pg_dump). For a separate SQLite copy on this computer: selaras workspace pull.',
  askTitle: 'Password of the shared workspace',
  askText: 'Enter the password of the user {user} for {label}.',
  askOpen: 'Open',
  askOther: 'Choose another workspace',
  readOnly:
    'You are connected as {user}, who may only read this shared workspace: its data can be viewed, harmonised and exported, not changed.',
}
