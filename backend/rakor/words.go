package rakor

import (
	"fmt"
	"time"
)

// Indonesian names of the days and months, for the record's dates.
var (
	DayNames   = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	MonthNames = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
)

var ones = []string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"}

// SpellNumber writes a whole number from 0 to 999.999.999 in Indonesian
// words, as a Berita Acara states its date; others are written in digits.
func SpellNumber(n int) string {
	join := func(head string, rest int) string {
		if rest == 0 {
			return head
		}
		return head + " " + SpellNumber(rest)
	}
	switch {
	case n < 0 || n >= 1e9:
		return fmt.Sprint(n)
	case n < 12:
		return ones[n]
	case n < 20:
		return ones[n-10] + " belas"
	case n < 100:
		return join(ones[n/10]+" puluh", n%10)
	case n < 200:
		return join("seratus", n-100)
	case n < 1000:
		return join(ones[n/100]+" ratus", n%100)
	case n < 2000:
		return join("seribu", n-1000)
	case n < 1e6:
		return join(SpellNumber(n/1000)+" ribu", n%1000)
	}
	return join(SpellNumber(n/1e6)+" juta", n%1e6)
}

// SpellDate turns "2024-02-23" into "Jumat tanggal dua puluh tiga bulan
// Februari tahun dua ribu dua puluh empat"; text that is no date stays.
func SpellDate(iso string) string {
	t, err := time.Parse(isoDate, iso)
	if err != nil {
		return iso
	}
	return fmt.Sprintf("%s tanggal %s bulan %s tahun %s", DayNames[t.Weekday()], SpellNumber(t.Day()), MonthNames[t.Month()-1], SpellNumber(t.Year()))
}
