package app

import (
	"context"

	"selaras/backend/program"
	"selaras/backend/store"
)

// Programs is the bound service for the 2.17 nomenclature, plan lines,
// central programs and the centre-region crosswalk.
type Programs struct{ a *App }

// Tree is the work plan of a year with subtotals.
func (p *Programs) Tree(f program.Filter) (program.Tree, error) {
	return with(p.a, program.Tree{}, func(ctx context.Context, s *store.Store) (program.Tree, error) {
		return program.BuildTree(ctx, s, f)
	})
}

// Items lists the nomenclature.
func (p *Programs) Items() ([]program.Item, error) {
	return with(p.a, []program.Item{}, func(ctx context.Context, s *store.Store) ([]program.Item, error) {
		return program.ListItems(ctx, s.Read())
	})
}

// SaveSubKegiatan adds (id 0) or edits a sub-kegiatan, its code checked against its kegiatan.
func (p *Programs) SaveSubKegiatan(it program.Item) (program.Item, error) {
	return with(p.a, program.Item{}, func(ctx context.Context, s *store.Store) (program.Item, error) {
		return program.SaveSubKegiatan(ctx, s, it)
	})
}

// DeleteSubKegiatan removes a user-added sub-kegiatan.
func (p *Programs) DeleteSubKegiatan(id int64) error {
	return run(p.a, func(ctx context.Context, s *store.Store) error {
		return program.DeleteSubKegiatan(ctx, s, id)
	})
}

// SavePlanLine saves a plan line typed in the form (numbers as text).
func (p *Programs) SavePlanLine(in program.PlanLineInput) (program.PlanLine, error) {
	return with(p.a, program.PlanLine{}, func(ctx context.Context, s *store.Store) (program.PlanLine, error) {
		if err := based(in.ID, in.Version); err != nil {
			return program.PlanLine{}, err
		}
		l, err := in.Parse()
		if err != nil {
			return program.PlanLine{}, err
		}
		return program.SavePlanLine(ctx, s, l)
	})
}

// DeletePlanLine removes a plan line.
func (p *Programs) DeletePlanLine(id int64) error {
	return run(p.a, func(ctx context.Context, s *store.Store) error {
		return program.DeletePlanLine(ctx, s, id)
	})
}

// PlanLineHistory lists the changes of a plan line, newest first.
func (p *Programs) PlanLineHistory(id int64) ([]store.AuditEntry, error) {
	return with(p.a, []store.AuditEntry{}, func(ctx context.Context, s *store.Store) ([]store.AuditEntry, error) {
		return program.History(ctx, s, id)
	})
}

// Central lists the ministries' programs, outputs and national indicators.
func (p *Programs) Central() ([]program.CentralItem, error) {
	return with(p.a, []program.CentralItem{}, func(ctx context.Context, s *store.Store) ([]program.CentralItem, error) {
		return program.ListCentral(ctx, s.Read())
	})
}

// SaveCentral adds or edits a central item.
func (p *Programs) SaveCentral(c program.CentralItem) (program.CentralItem, error) {
	return with(p.a, program.CentralItem{}, func(ctx context.Context, s *store.Store) (program.CentralItem, error) {
		return program.SaveCentral(ctx, s, c)
	})
}

// DeleteCentral removes a central item that is no parent of another; the
// sub-kegiatan and plan lines linked to it lose the link.
func (p *Programs) DeleteCentral(id int64) error {
	return run(p.a, func(ctx context.Context, s *store.Store) error {
		return program.DeleteCentral(ctx, s, id)
	})
}

// Crosswalk is what the centre, the province and each regency plan for an
// indicator or central program.
func (p *Programs) Crosswalk(q program.CrosswalkQuery) (program.Crosswalk, error) {
	return with(p.a, program.Crosswalk{}, func(ctx context.Context, s *store.Store) (program.Crosswalk, error) {
		return program.BuildCrosswalk(ctx, s, q)
	})
}

// Bidang lists the bidang names used so far, for the filter and the form.
func (p *Programs) Bidang() ([]string, error) {
	return with(p.a, []string{}, func(ctx context.Context, s *store.Store) ([]string, error) {
		return program.ListBidang(ctx, s)
	})
}
