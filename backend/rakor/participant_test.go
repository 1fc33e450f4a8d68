package rakor

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func TestParticipantValidate(t *testing.T) {
	validateAll(t, []validCase[Participant]{
		{"name only", Participant{Name: "Riza Aryani"}, "", ""},
		{"full", Participant{Name: "Koko Haryono", Position: "Sekretaris Deputi Usaha Kecil dan Menengah",
			Institution: "Kementerian Koperasi dan UKM", Role: Narasumber, Attendance: Diwakili, Region: "19.71"}, "", ""},
		{"no name", Participant{Name: " \t", Position: "Kabid"}, fault.Required, "name"},
		{"unknown region", Participant{Name: "A", Region: "99.99"}, fault.UnknownRegion, "region"},
		{"unknown role", Participant{Name: "A", Role: "moderator"}, fault.Invalid, "role"},
		{"unknown attendance", Participant{Name: "A", Attendance: "izin"}, fault.Invalid, "attendance"},
	}, nil)
}

func TestParseParticipants(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Participant
		errs []string // each error message, in order
	}{
		{
			name: "semicolons with numbering and blank lines",
			text: "1. Riza Aryani; Plt. Kepala Dinas; Dinas Koperasi dan UKM Prov. Babel; 19; pimpinan\n\n" +
				"2) Saeful Bahri; Biro Manajemen Kinerja; Kementerian Koperasi dan UKM;; Narasumber\n   \n",
			want: []Participant{
				{Name: "Riza Aryani", Position: "Plt. Kepala Dinas", Institution: "Dinas Koperasi dan UKM Prov. Babel",
					Region: "19", Role: Pimpinan, Attendance: Hadir},
				{Name: "Saeful Bahri", Position: "Biro Manajemen Kinerja", Institution: "Kementerian Koperasi dan UKM",
					Role: Narasumber, Attendance: Hadir},
			},
		},
		{
			name: "spreadsheet with a header and a No column",
			text: "No\tNama\tJabatan\tInstansi\r\n1\tNorhani\tKepala Dinas\tDinas Koperasi dan UKM Kalteng\r\n" +
				"2\tKoko Haryono\t\tKementerian Koperasi dan UKM\t\t\r\n3\t\t\t\r\n",
			want: []Participant{
				{Name: "Norhani", Position: "Kepala Dinas", Institution: "Dinas Koperasi dan UKM Kalteng", Role: Peserta, Attendance: Hadir},
				{Name: "Koko Haryono", Institution: "Kementerian Koperasi dan UKM", Role: Peserta, Attendance: Hadir},
			},
		},
		{
			name: "commas keep academic titles with the name",
			text: "Drs. Muhamad Nasir Kilkoda, M.Si, Kepala Dinas Koperasi dan UKM, Pemerintah Provinsi Maluku, 81\n" +
				"- Budi Santoso, SE, MM, Kabid UMKM, Dinas KUKM Kota Malang, Kota Malang, notulis, diwakili",
			want: []Participant{
				{Name: "Drs. Muhamad Nasir Kilkoda, M.Si", Position: "Kepala Dinas Koperasi dan UKM",
					Institution: "Pemerintah Provinsi Maluku", Region: "81", Role: Peserta, Attendance: Hadir},
				{Name: "Budi Santoso, SE, MM", Position: "Kabid UMKM", Institution: "Dinas KUKM Kota Malang",
					Region: "35.73", Role: Notulis, Attendance: Diwakili},
			},
		},
		{
			name: "a regency by its name without Kabupaten",
			text: "Andi; Kabid; Dinas; Belitung Timur; peserta; tidak hadir\nAni; Staf; Dinas; bangka",
			want: []Participant{
				{Name: "Andi", Position: "Kabid", Institution: "Dinas", Region: "19.06", Role: Peserta, Attendance: TidakHadir},
				{Name: "Ani", Position: "Staf", Institution: "Dinas", Region: "19.01", Role: Peserta, Attendance: Hadir},
			},
		},
		{
			name: "bad lines are named, good ones kept",
			text: "Endy Alim Abdi Nusa; Kepala Dinas; Dinas Koperasi dan UKM Jatim\n" +
				"; Kabid; Dinas\n" +
				"Ani; Staf; Dinas; 99.99\n" +
				"Ani; Staf; Dinas; 35; ketua\n" +
				"Ani; Staf; Dinas; 35; peserta; izin\n" +
				"a;b;c;d;e;f;g\n" +
				"Ani; Staf; Dinas; Malang\n",
			want: []Participant{{Name: "Endy Alim Abdi Nusa", Position: "Kepala Dinas", Institution: "Dinas Koperasi dan UKM Jatim",
				Role: Peserta, Attendance: Hadir}},
			errs: []string{
				"Baris 2: Nama peserta wajib diisi.",
				`Baris 3: Wilayah peserta: kode wilayah "99.99" tidak dikenal dalam daftar Kemendagri.`,
				`Baris 4: Peran tidak valid: "ketua" tidak dikenal; pilih pimpinan, narasumber, peserta, atau notulis`,
				`Baris 5: Kehadiran tidak valid: "izin" tidak dikenal; pilih hadir, tidak hadir, atau diwakili`,
				"Baris 6: Daftar peserta tidak valid: ada 7 kolom; urutannya nama; jabatan; instansi; wilayah; peran; kehadiran",
				`Baris 7: Wilayah peserta tidak valid: "Malang" cocok dengan 2 wilayah (35.07, 35.73); tulis kodenya`,
			},
		},
		{name: "empty", text: " \n\t\n", want: []Participant{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := ParseParticipants(tt.text)
			assert.Equal(t, tt.want, got)
			msgs := []string{}
			for _, e := range errs {
				msgs = append(msgs, e.Message(fault.ID))
				en := e.Message(fault.EN)
				assert.NotEmpty(t, en)
				assert.True(t, strings.HasPrefix(en, "Line "), "got %q", en)
			}
			if tt.errs == nil {
				tt.errs = []string{}
			}
			assert.Equal(t, tt.errs, msgs)
		})
	}
}

// FuzzParseParticipants checks that the paste parser never panics, that
// every participant it returns would be accepted by AddParticipants, and
// that every line is either a participant, an error or skipped, never two.
// Seeds beyond these live in testdata/fuzz/FuzzParseParticipants.
func FuzzParseParticipants(f *testing.F) {
	for _, s := range []string{
		"1. Riza Aryani; Plt. Kepala Dinas; Dinas Koperasi dan UKM; 19; pimpinan",
		"No\tNama\tJabatan\n1\tNorhani\tKepala Dinas",
		"Drs. Jasmono, M.Si, Penjabat Bupati, Pemkab Maluku Tenggara",
		"a;b;c;d;e;f;g", ";;;", "1.", "•", "\ufeffNama;Jabatan", "x;y;z;Kota Malang;notulis;diwakili",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ps, errs := ParseParticipants(text)
		require.NotNil(t, ps)
		require.NotNil(t, errs)
		lines := strings.Count(strings.ReplaceAll(text, "\r\n", "\n"), "\n") + strings.Count(text, "\r") + 1
		require.LessOrEqual(t, len(ps)+len(errs), lines, "at most one result per line")
		seen := map[int]bool{}
		for _, e := range errs {
			require.GreaterOrEqual(t, e.Line, 1)
			require.LessOrEqual(t, e.Line, lines)
			require.False(t, seen[e.Line], "line %d reported twice", e.Line)
			seen[e.Line] = true
			require.True(t, strings.HasPrefix(e.Message(fault.ID), "Baris "), "got %q", e.Message(fault.ID))
		}
		for _, p := range ps {
			require.NoError(t, p.Validate(), "parsed %+v from %q", p, text)
			q := p
			q.Normalize()
			require.Equal(t, p, q, "parsed participants are already normal")
			if utf8.ValidString(text) {
				require.False(t, strings.ContainsAny(p.Name, "\t\n\r"), "name %q", p.Name)
			}
		}
	})
}

func TestAddParticipantsIsAllOrNothing(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	_, err := AddParticipants(ctx, s, m.ID, []Participant{
		{Name: "Riza Aryani"},
		{Name: ""},
		{Name: "Saeful Bahri", Region: "99"},
	})
	be, ok := ErrBatch(err)
	require.True(t, ok, "got %v", err)
	require.Len(t, be.Lines, 2)
	assert.Equal(t, 2, be.Lines[0].Line)
	assert.Equal(t, 3, be.Lines[1].Line)
	got, err := Participants(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Empty(t, got, "nothing is added when any participant is bad")

	_, err = AddParticipants(ctx, s, 999, []Participant{{Name: "A"}})
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))

	pasted, lineErrs := ParseParticipants("Riza Aryani; Plt. Kepala Dinas; Dinas KUKM Babel\n" +
		"Saeful Bahri; Kepala Biro; Kementerian Koperasi dan UKM\n" +
		"Koko Haryono; Sekretaris Deputi UKM; Kementerian Koperasi dan UKM\n" +
		"Perwakilan Bangka; Kabid; Dinas KUKM Kabupaten Bangka; 19.01; peserta; tidak hadir")
	require.Empty(t, lineErrs)
	added, err := AddParticipants(ctx, s, m.ID, pasted)
	require.NoError(t, err)
	require.Len(t, added, 4)
	more, err := SaveParticipant(ctx, s, Participant{MeetingID: m.ID, Name: "Notulis Sekretariat", Role: Notulis,
		Institution: "Dinas KUKM Babel"})
	require.NoError(t, err)
	assert.Equal(t, 5, more.SortOrder, "a single participant goes to the end")

	got, err = Participants(ctx, s, m.ID)
	require.NoError(t, err)
	names := []string{}
	for _, p := range got {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"Riza Aryani", "Saeful Bahri", "Koko Haryono", "Perwakilan Bangka", "Notulis Sekretariat"}, names)

	counts, err := CountByInstitution(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Equal(t, []InstitutionCount{
		{Institution: "Dinas KUKM Babel", Total: 2, Present: 2},
		{Institution: "Kementerian Koperasi dan UKM", Total: 2, Present: 2},
		{Institution: "Dinas KUKM Kabupaten Bangka", Total: 1, Present: 0},
	}, counts)

	p := got[3]
	p.Attendance = Diwakili
	p.Note = "diwakili Kasi Pemberdayaan"
	p, err = SaveParticipant(ctx, s, p)
	require.NoError(t, err)
	assert.Equal(t, Diwakili, p.Attendance)
	assert.Equal(t, 4, p.SortOrder, "an edit keeps the place in the list")
	require.NoError(t, DeleteParticipant(ctx, s, p.ID))
	assert.Equal(t, fault.NotFound, fault.CodeOf(DeleteParticipant(ctx, s, p.ID)))
}
