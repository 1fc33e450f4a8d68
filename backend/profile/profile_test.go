package profile

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

func babel() Profile {
	return Profile{
		ProvinceCode: "19",
		OfficeName:   "Dinas Koperasi dan UKM Provinsi  Kepulauan Bangka Belitung",
		Address:      "Jl. Pulau Bangka, Komplek Perkantoran Gubernur, Pangkalpinang",
		HeadName:     "Riza Aryani",
		HeadPosition: "Plt. Kepala Dinas",
		HeadNIP:      "19700101 199503 2 001",
		WorkingYear:  2025,
		UserName:     "Sekretariat",
	}
}

func TestGetBeforeSaveIsNotSet(t *testing.T) {
	_, err := Get(context.Background(), storetest.Open(t))
	assert.ErrorIs(t, err, ErrNotSet)
}

func TestSaveNormalizesAndRoundTrips(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	saved, err := Save(ctx, s, babel())
	require.NoError(t, err)
	assert.Equal(t, "197001011995032001", saved.HeadNIP)
	assert.Equal(t, "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung", saved.OfficeName)
	assert.Equal(t, A4, saved.PaperSize)
	got, err := Get(ctx, s)
	require.NoError(t, err)
	assert.Equal(t, saved, got)

	got.PaperSize = F4
	got.WorkingYear = 2026
	_, err = Save(ctx, s, got)
	require.NoError(t, err)
	log, err := s.Audit(ctx, store.AuditQuery{Table: "profile"})
	require.NoError(t, err)
	require.Len(t, log, 2)
	assert.Equal(t, "update", log[0].Action)
	assert.Contains(t, log[0].NewValues, `"paper_size":"F4"`)
	assert.Equal(t, storetest.AuditUser(s, "Sekretariat"), log[0].UserName)
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Profile)
		code   fault.Code
		field  string
	}{
		{"no province", func(p *Profile) { p.ProvinceCode = "" }, fault.Required, "provinceCode"},
		{"unknown province", func(p *Profile) { p.ProvinceCode = "99" }, fault.UnknownRegion, "provinceCode"},
		{"regency is not a province", func(p *Profile) { p.ProvinceCode = "19.01" }, fault.UnknownRegion, "provinceCode"},
		{"no office", func(p *Profile) { p.OfficeName = "  " }, fault.Required, "officeName"},
		{"short nip", func(p *Profile) { p.HeadNIP = "1970" }, fault.Invalid, "headNip"},
		{"letters in nip", func(p *Profile) { p.HeadNIP = "19700101199503200X" }, fault.Invalid, "headNip"},
		{"year", func(p *Profile) { p.WorkingYear = 25 }, fault.OutOfRange, "workingYear"},
		{"paper", func(p *Profile) { p.PaperSize = "Letter" }, fault.Invalid, "paperSize"},
	}
	s := storetest.Open(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := babel()
			tt.change(&p)
			_, err := Save(context.Background(), s, p)
			require.Error(t, err)
			assert.Equal(t, tt.code, fault.CodeOf(err))
			assert.Equal(t, tt.field, fault.FieldOf(err))
			_, err = Get(context.Background(), s)
			assert.ErrorIs(t, err, ErrNotSet, "nothing is written on a validation error")
		})
	}
}

func TestKop(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	p := babel()
	p.Phone, p.Email, p.Website = " (0717) 4262350 ", "diskopukm@babelprov.go.id", "diskopukm.babelprov.go.id"
	saved, err := Save(ctx, s, p)
	require.NoError(t, err)
	got, err := Get(ctx, s)
	require.NoError(t, err)
	assert.Equal(t, saved, got, "the kop fields round-trip")
	assert.False(t, got.Demo, "an office workspace is no demo")
	assert.Equal(t, "Pemerintah Provinsi Kepulauan Bangka Belitung", got.GovernmentLine(), "blank: from the home province")
	assert.Equal(t, "Jl. Pulau Bangka", got.SignCity(), "blank city: the address up to its first comma")
	assert.Equal(t, "Jl. Pulau Bangka, Komplek Perkantoran Gubernur, Pangkalpinang · Telepon (0717) 4262350 · "+
		"Pos-el diskopukm@babelprov.go.id · Laman diskopukm.babelprov.go.id", got.ContactLine())

	got.Government, got.City, got.Address, got.Phone, got.Email, got.Website = "Pemerintah Kota Pangkalpinang", "Pangkalpinang", "", "", "", ""
	assert.Equal(t, "Pemerintah Kota Pangkalpinang", got.GovernmentLine())
	assert.Equal(t, "Pangkalpinang", got.SignCity())
	assert.Empty(t, got.ContactLine(), "nothing known, no contact line")

	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { return store.SetMeta(ctx, tx, "workspace_kind", "demo") }))
	got, err = Get(ctx, s)
	require.NoError(t, err)
	assert.True(t, got.Demo, "the demo workspace marks its exports")
}
