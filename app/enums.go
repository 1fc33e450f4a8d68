package app

import (
	"selaras/backend/harmonise"
	"selaras/backend/rakor"
	"selaras/backend/target"
	"selaras/backend/xlsx"
)

// Enums lists the Go string enums the frontend uses, for Wails' EnumBind:
// the generated models then carry them as TypeScript enums, so
// frontend/src/api derives its union types from Go instead of copying them.
// A component that fills such a field with a plain string ('peserta') uses
// the union api/index.ts derives from the enum; api converts at the call.
func Enums() []any {
	return []any{
		enum(PhaseChoose, PhaseProfile, PhaseReady),
		enum(harmonise.AllFlags...),
		enum(xlsx.AllSheets...),
		enum(meetingSheets()...),
		enum(rakor.Rakor, rakor.Rakortek, rakor.Rakornis, rakor.Rakorda, rakor.Lainnya),
		enum(rakor.Luring, rakor.Daring, rakor.Hybrid),
		enum(rakor.Baru, rakor.Berjalan, rakor.Selesai, rakor.Dibatalkan),
		enum(rakor.Rendah, rakor.Sedang, rakor.Tinggi),
		enum(rakor.ChallengeTerbuka, rakor.ChallengeDitangani, rakor.ChallengeSelesai),
		enum(rakor.Pimpinan, rakor.Narasumber, rakor.Peserta, rakor.Notulis),
		enum(rakor.Hadir, rakor.TidakHadir, rakor.Diwakili),
		enum(target.FTarget, target.FTargetNum, target.FTargetDen, target.FRealisation, target.FRealNum, target.FRealDen, target.FBaseline, target.FNote),
	}
}

// MeetingSheet is a sheet about one meeting (xlsx.Sheet.NeedsMeeting), bound
// as an enum of its own so the export screen asks for a meeting exactly when
// Go's check would refuse a workbook without one.
type MeetingSheet xlsx.Sheet

func meetingSheets() []MeetingSheet {
	var out []MeetingSheet
	for _, s := range xlsx.AllSheets {
		if s.NeedsMeeting() {
			out = append(out, MeetingSheet(s))
		}
	}
	return out
}

// enumValue is the shape EnumBind reads: the value and its TypeScript name.
type enumValue[T ~string] struct {
	Value  T
	TSName string
}

func enum[T ~string](values ...T) []enumValue[T] {
	out := make([]enumValue[T], len(values))
	for i, v := range values {
		out[i] = enumValue[T]{v, tsName(string(v))}
	}
	return out
}

// tsName turns "rollup_short" or "berita-acara" into "ROLLUP_SHORT", "BERITA_ACARA".
func tsName(v string) string {
	b := []byte(v)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c == '-' || c == ' ':
			b[i] = '_'
		}
	}
	return string(b)
}
