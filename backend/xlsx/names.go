package xlsx

import (
	"context"
	"strconv"
	"strings"

	"selaras/backend/rakor"
	"selaras/backend/region"
	"selaras/backend/store"
)

// The names an export is offered under, the same in the app's save dialog
// and for `selaras export` without a file name.

// FileName proposes a name such as
// Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx: the kind, the
// province's name (or the text given, e.g. "Nasional") and the years.
func FileName(kind, province string, years []int) string {
	name := region.Default().NameOr(province)
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	return SafeName(kind + "-" + strings.Join(strings.Fields(name), "-") + "-" + strings.Join(ys, "-") + ".xlsx")
}

// TargetsFileName is the name of the Matriks Target of a province.
func TargetsFileName(province string, years []int) string {
	return FileName("Matriks-Target", province, years)
}

// NationalFileName is the name of the national consolidation.
func NationalFileName(years []int) string { return FileName("Konsolidasi", "Nasional", years) }

// WorkbookFileName proposes Matriks-Program-Kepulauan-Bangka-Belitung-2025.xlsx
// for one matrix, Rakor-2024-02-23-Penyusunan-Rencana-Kerja.xlsx for a
// meeting's sheets, Register-Rakor.xlsx for the rakor sheets of no meeting,
// Selaras-<province>-<years>.xlsx for a mix.
func WorkbookFileName(ctx context.Context, s *store.Store, req WorkbookRequest) (string, error) {
	matrices := map[Sheet]string{SheetTarget: "Matriks-Target", SheetProgram: "Matriks-Program", SheetSync: "Matriks-Sinkronisasi"}
	if len(req.Sheets) == 1 && matrices[req.Sheets[0]] != "" {
		return FileName(matrices[req.Sheets[0]], req.Province, req.Years), nil
	}
	onlyRakor := true
	for _, sh := range req.Sheets {
		onlyRakor = onlyRakor && matrices[sh] == ""
	}
	switch {
	case onlyRakor && req.MeetingID != 0:
		m, err := rakor.GetMeeting(ctx, s, req.MeetingID)
		if err != nil {
			return "", err
		}
		title := m.Title
		for _, kind := range []string{"Rapat Koordinasi Teknis", "Rapat Koordinasi"} { // the name says Rakor already
			if strings.HasPrefix(title, kind) {
				title = title[len(kind):]
				break
			}
		}
		var words []string
		for _, w := range strings.Fields(title) {
			if !strings.HasPrefix(w, "(") && len(words) < 5 {
				words = append(words, w)
			}
		}
		return SafeName("Rakor-" + m.StartDate + "-" + strings.Join(words, "-") + ".xlsx"), nil
	case onlyRakor:
		return "Register-Rakor.xlsx", nil
	}
	return FileName("Selaras", req.Province, req.Years), nil
}

// SafeName keeps a proposed file name portable: the characters Windows
// forbids in a name become '-'.
func SafeName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 32 {
			return '-'
		}
		return r
	}, name)
}
