package xlsx

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
)

// The Berita Acara numbers its decisions in the body as Lampiran II does,
// with the same text: the record is computed once, in backend/rakor.
func TestBeritaAcaraBodyMatchesLampiran(t *testing.T) {
	s, p, meeting := demoStore(t)
	f := exportBook(t, s, p, WorkbookRequest{Sheets: []Sheet{SheetMinutes}, MeetingID: meeting}, "Berita Acara")
	rows, err := f.GetRows("Berita Acara")
	require.NoError(t, err)
	var body, annex []string
	part := "before"
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		switch {
		case strings.HasPrefix(r[0], "Rapat menghasilkan"):
			part = "body"
		case strings.HasPrefix(r[0], "Rincian penanggung jawab"):
			part = "after"
		case strings.HasPrefix(r[0], "LAMPIRAN III"):
			part = "after"
		case strings.HasPrefix(r[0], "LAMPIRAN II"):
			part = "annex"
		case part == "body" && len(r) > 1:
			body = append(body, strings.TrimSuffix(r[0], ".")+" "+r[1])
		case part == "annex" && len(r) > 1 && r[0] != "No":
			annex = append(annex, r[0]+" "+r[1])
		}
	}
	require.NotEmpty(t, body)
	assert.Equal(t, body, annex)
	for i, line := range body {
		assert.True(t, strings.HasPrefix(line, itoa(i+1)+" "), "numbered 1..n: %q", line)
	}
}

// The printed record's kop comes with the record, the same lines the Excel
// sheets print, so the page in the browser rebuilds nothing.
func TestRecordCarriesTheKop(t *testing.T) {
	s, p, meeting := demoStore(t)
	r, err := rakor.BuildRecord(context.Background(), s, meeting)
	require.NoError(t, err)
	assert.Equal(t, "Pemerintah Provinsi Kepulauan Bangka Belitung", r.Kop.Government)
	assert.Equal(t, p.OfficeName, r.Kop.Office)
	assert.Equal(t, p.ContactLine(), r.Kop.Contact)
	assert.Contains(t, r.Kop.Contact, p.Address)
	assert.Equal(t, signPlace(p), r.Kop.SignPlace)
	assert.NotEmpty(t, r.Kop.SignPlace)

	p.City, p.Address = "", ""
	assert.Equal(t, rakor.Blank, rakor.KopOf(p).SignPlace, "no city: a line to fill in by hand")
}
