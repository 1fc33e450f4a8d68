// Package demo builds the demo workspace a newcomer sees on first start. Its
// figures come from the news reports of real rakor meetings in shared/seeds;
// anything not in those reports is labelled as demo data where it is shown.
package demo

import (
	"context"
	"database/sql"

	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// Profile is the office of the demo: the Babel rakor of 23 February 2024
// (seed 000), which prepared the 2025 work plan.
func Profile() profile.Profile {
	return profile.Profile{
		ProvinceCode: "19",
		OfficeName:   "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung",
		Address:      "Pangkalpinang, Kepulauan Bangka Belitung",
		HeadName:     "Riza Aryani",
		HeadPosition: "Plt. Kepala Dinas Koperasi dan UKM",
		WorkingYear:  2025,
		PaperSize:    profile.F4,
		UserName:     "Sekretariat (demo)",
	}
}

// Create writes a new demo workspace at path and returns it open.
func Create(ctx context.Context, path string) (*store.Store, error) {
	s, err := workspace.Create(ctx, path, workspace.Demo)
	if err != nil {
		return nil, err
	}
	if err := Fill(ctx, s); err != nil {
		s.Close()
		return nil, err
	}
	// After Fill commits: a snapshot is computed from committed values.
	if err := snapshotRakor(ctx, s); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Fill writes the demo content into an empty workspace in one transaction.
func Fill(ctx context.Context, s *store.Store) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := profile.Save(ctx, store.InTx(tx), Profile()); err != nil {
			return err
		}
		if err := fillValues(ctx, tx); err != nil {
			return err
		}
		if err := fillRakor(ctx, tx); err != nil {
			return err
		}
		return fillPrograms(ctx, tx)
	})
}
