package fault

// Returned templates: reading the file, each input cell and the database
// while an import commits. Kept in a block of their own (issue 10).
const (
	// The file.
	FileMissing    Code = "file_missing"
	FileNotRegular Code = "file_not_regular"
	FileNoAccess   Code = "file_no_access"
	FileUnreadable Code = "file_unreadable"
	FileEncrypted  Code = "file_encrypted"
	FileOldExcel   Code = "file_old_excel"
	FileNotXlsx    Code = "file_not_xlsx"
	FileTooLarge   Code = "file_too_large"
	SheetTooLarge  Code = "sheet_too_large"
	TemplateMeta   Code = "template_meta"
	ImportCrash    Code = "import_crash"
	ImportBusy     Code = "import_busy"
	CommitCrash    Code = "import_commit_crash"
	OtherYear      Code = "template_other_year"
	MoreProblems   Code = "more_problems"

	// One input cell.
	CellFormulaNoValue    Code = "cell_formula_no_value"
	CellBoolean           Code = "cell_boolean"
	CellErrorValue        Code = "cell_error_value"
	CellDate              Code = "cell_date"
	CellNotNumber         Code = "cell_not_number"
	CellPercentNotAllowed Code = "cell_percent_not_allowed"
	CellAmbiguous         Code = "cell_ambiguous"
	CellNegative          Code = "cell_negative"
	CellNotWhole          Code = "cell_not_whole"
	CellOutOfRange        Code = "cell_out_of_range"
	CellZeroDenominator   Code = "cell_zero_denominator"
	RatioValueTyped       Code = "ratio_value_typed"
	RatioOnePart          Code = "ratio_one_part"
	CellMerged            Code = "cell_merged"
	RowOutsideTable       Code = "row_outside_table"
	RowOutsidePlan        Code = "row_outside_plan"
	RowMoved              Code = "row_moved"
	PartsNotRatio         Code = "parts_not_ratio"
)

func init() {
	for c, t := range map[Code]text{
		FileMissing: {"Berkas {file} tidak ditemukan; mungkin sudah dipindah, diganti namanya, atau dihapus.",
			"The file {file} was not found; it may have been moved, renamed or deleted."},
		FileNotRegular: {"{file} bukan berkas biasa (folder, pintasan, atau perangkat); pilih berkas .xlsx.",
			"{file} is not a regular file (a folder, shortcut or device); choose an .xlsx file."},
		FileNoAccess: {"Tidak ada izin untuk membuka berkas {file}; salin berkas ke folder Dokumen lalu ulangi.",
			"No permission to open {file}; copy it to your Documents folder and try again."},
		FileUnreadable: {"Berkas {file} tidak dapat dibaca sampai habis; salin ulang berkasnya lalu ulangi.",
			"The file {file} could not be read to the end; copy it again and retry."},
		FileEncrypted: {"Berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File > Info > Proteksi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi.",
			"The workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, then import again."},
		FileOldExcel: {"Berkas berformat Excel lama (.xls); simpan sebagai Buku Kerja Excel (.xlsx) lalu impor lagi.",
			"The file is in the old Excel format (.xls); save it as an Excel Workbook (.xlsx) and import again."},
		FileNotXlsx: {"bukan berkas Excel (.xlsx) atau berkasnya rusak/terpotong.",
			"not an Excel (.xlsx) file, or the file is damaged or truncated."},
		FileTooLarge: {"Berkas terlalu besar untuk sebuah templat ({what}); mungkin berisi data lain atau rusak. Isi templat asli dari Selaras.",
			"The file is too large for a template ({what}); it may hold other data or be damaged. Fill in the original template from Selaras."},
		SheetTooLarge: {"Lembar berisi terlalu banyak baris atau kolom (sampai {cell}); templat ini paling banyak sampai baris {max}.",
			"The sheet holds too many rows or columns (up to {cell}); this template goes up to row {max} at most."},
		TemplateMeta: {"Lembar data templat (tersembunyi) rusak: {what}. Buat templat baru dari Selaras.",
			"The template's hidden data sheet is damaged: {what}. Make a new template from Selaras."},
		ImportCrash: {"Berkas ini tidak dapat dibaca oleh pembaca Excel ({cause}); tidak ada data yang diubah. Simpan ulang berkas di Excel lalu coba lagi.",
			"This file could not be read by the Excel reader ({cause}); no data was changed. Save the file again in Excel and retry."},
		CommitCrash: {"Penyimpanan impor gagal ({cause}); tidak ada data yang diubah. Laporkan kepada pengelola Selaras.",
			"Saving the import failed ({cause}); no data was changed. Report it to whoever maintains Selaras."},
		ImportBusy: {"Basis data sedang dipakai impor atau penyimpanan lain; tunggu sampai selesai lalu ulangi. Tidak ada data yang diubah.",
			"The database is busy with another import or save; wait until it finishes and try again. No data was changed."},
		OtherYear: {"Templat ini untuk tahun {year}, bukan tahun kerja {working}; nilainya akan disimpan untuk tahun {year}.",
			"This template is for {year}, not the working year {working}; its values will be stored for {year}."},
		MoreProblems: {"dan {n} masalah lain", "and {n} more problems"},

		CellFormulaNoValue: {"rumus {formula} belum punya nilai tersimpan (atau hasilnya kosong); buka berkas di Excel, tekan Ctrl+Alt+F9, simpan, atau ketik angkanya",
			"the formula {formula} has no saved value (or gives nothing); open the file in Excel, press Ctrl+Alt+F9 and save, or type the number"},
		CellBoolean:           {"{value} (benar/salah) bukan angka; ketik angkanya", "{value} (true/false) is not a number; type the number"},
		CellErrorValue:        {"sel berisi galat {value}; perbaiki rumusnya atau ketik angkanya", "the cell holds the error {value}; fix the formula or type the number"},
		CellDate:              {"sel berisi tanggal, bukan angka; ketik angkanya", "the cell holds a date, not a number; type the number"},
		CellNotNumber:         {"{reason}", "{reason}"},
		CellPercentNotAllowed: {"\"{value}\" adalah persen, padahal indikator ini bukan persen; ketik angkanya tanpa % dan tanpa format persen", "\"{value}\" is a percentage but this indicator is not; type the number without % or a percent format"},
		CellAmbiguous:         {"\"{value}\" bisa dibaca {a} atau {b}; {hint}", "\"{value}\" could be read as {a} or {b}; {hint}"},
		CellNegative:          {"\"{value}\": nilai tidak boleh negatif", "\"{value}\": the value must not be negative"},
		CellNotWhole:          {"\"{value}\": harus bilangan bulat, tanpa desimal (ribuan ditulis 1.311)", "\"{value}\": must be a whole number (thousands are written 1.311)"},
		CellOutOfRange:        {"\"{value}\" di luar rentang yang diizinkan ({min} sampai {max})", "\"{value}\" is outside the allowed range ({min} to {max})"},
		CellZeroDenominator:   {"penyebut tidak boleh nol", "the denominator must not be zero"},
		RatioValueTyped: {"Target indikator rasio dihitung dari pembilang dan penyebut, tetapi di sel ini tertulis {value}; isi pembilang (kolom {num}) dan penyebut (kolom {den}), jangan mengetik persennya",
			"a ratio indicator's target is computed from numerator and denominator, but this cell holds {value}; fill in the numerator (column {num}) and denominator (column {den}) instead of the percentage"},
		RatioOnePart: {"isi pembilang dan penyebut bersama-sama, atau kosongkan keduanya", "fill in numerator and denominator together, or leave both empty"},
		CellMerged:   {"sel {range} digabung (merge); pisahkan kembali: setiap sel isian berdiri sendiri", "cells {range} are merged; unmerge them: every input cell stands alone"},
		RowOutsideTable: {"ada isian di luar tabel templat (\"{value}\"); indikator tidak dapat ditambah lewat templat: hapus baris atau sel itu",
			"there is an entry outside the template's table (\"{value}\"); indicators cannot be added through a template: delete that row or cell"},
		RowOutsidePlan: {"ada isian di bawah baris kosong rencana (\"{value}\"); pakai baris kosong yang tersedia, atau minta templat baru bila kurang",
			"there is an entry below the blank plan rows (\"{value}\"); use the blank rows provided, or ask for a new template if they are not enough"},
		PartsNotRatio: {"pembilang dan penyebut hanya untuk indikator rasio, tetapi di sel ini tertulis \"{value}\"; kosongkan sel ini",
			"numerator and denominator only apply to ratio indicators, but this cell holds \"{value}\"; clear it"},
		RowMoved: {"baris {row} berisi kode {code}, padahal di sini seharusnya {want}: ada baris yang disisipkan, dihapus, diduplikasi, atau diurutkan ulang. Isi ulang pada templat asli",
			"row {row} holds code {code} where {want} belongs: a row was inserted, deleted, duplicated or sorted. Fill in the original template"},
	} {
		catalog[c] = t
	}
}
