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
	s, err := p.a.store()
	if err != nil {
		return program.Tree{}, p.a.fail(err)
	}
	t, err := program.BuildTree(context.Background(), s, f)
	return t, p.a.fail(err)
}

// Items lists the nomenclature.
func (p *Programs) Items() ([]program.Item, error) {
	s, err := p.a.store()
	if err != nil {
		return []program.Item{}, p.a.fail(err)
	}
	out, err := program.ListItems(context.Background(), s.Read())
	return out, p.a.fail(err)
}

// SaveSubKegiatan adds (id 0) or edits a sub-kegiatan, its code checked against its kegiatan.
func (p *Programs) SaveSubKegiatan(it program.Item) (program.Item, error) {
	s, err := p.a.store()
	if err != nil {
		return program.Item{}, p.a.fail(err)
	}
	out, err := program.SaveSubKegiatan(context.Background(), s, it)
	return out, p.a.fail(err)
}

// DeleteSubKegiatan removes a user-added sub-kegiatan.
func (p *Programs) DeleteSubKegiatan(id int64) error {
	s, err := p.a.store()
	if err != nil {
		return p.a.fail(err)
	}
	return p.a.fail(program.DeleteSubKegiatan(context.Background(), s, id))
}

// SavePlanLine saves a plan line typed in the form (numbers as text).
func (p *Programs) SavePlanLine(in program.PlanLineInput) (program.PlanLine, error) {
	s, err := p.a.store()
	if err != nil {
		return program.PlanLine{}, p.a.fail(err)
	}
	l, err := in.Parse()
	if err != nil {
		return program.PlanLine{}, p.a.fail(err)
	}
	out, err := program.SavePlanLine(context.Background(), s, l)
	return out, p.a.fail(err)
}

// DeletePlanLine removes a plan line.
func (p *Programs) DeletePlanLine(id int64) error {
	s, err := p.a.store()
	if err != nil {
		return p.a.fail(err)
	}
	return p.a.fail(program.DeletePlanLine(context.Background(), s, id))
}

// PlanLineHistory lists the changes of a plan line, newest first.
func (p *Programs) PlanLineHistory(id int64) ([]store.AuditEntry, error) {
	s, err := p.a.store()
	if err != nil {
		return []store.AuditEntry{}, p.a.fail(err)
	}
	out, err := program.History(context.Background(), s, id)
	return out, p.a.fail(err)
}

// Central lists the ministries' programs, outputs and national indicators.
func (p *Programs) Central() ([]program.CentralItem, error) {
	s, err := p.a.store()
	if err != nil {
		return []program.CentralItem{}, p.a.fail(err)
	}
	out, err := program.ListCentral(context.Background(), s.Read())
	return out, p.a.fail(err)
}

// SaveCentral adds or edits a central item.
func (p *Programs) SaveCentral(c program.CentralItem) (program.CentralItem, error) {
	s, err := p.a.store()
	if err != nil {
		return program.CentralItem{}, p.a.fail(err)
	}
	out, err := program.SaveCentral(context.Background(), s, c)
	return out, p.a.fail(err)
}

// DeleteCentral removes a central item that is no parent of another; the
// sub-kegiatan and plan lines linked to it lose the link.
func (p *Programs) DeleteCentral(id int64) error {
	s, err := p.a.store()
	if err != nil {
		return p.a.fail(err)
	}
	return p.a.fail(program.DeleteCentral(context.Background(), s, id))
}

// Crosswalk is what the centre, the province and each regency plan for an
// indicator or central program.
func (p *Programs) Crosswalk(q program.CrosswalkQuery) (program.Crosswalk, error) {
	s, err := p.a.store()
	if err != nil {
		return program.Crosswalk{}, p.a.fail(err)
	}
	out, err := program.BuildCrosswalk(context.Background(), s, q)
	return out, p.a.fail(err)
}

// Bidang lists the bidang names used so far, for the filter and the form.
func (p *Programs) Bidang() ([]string, error) {
	s, err := p.a.store()
	if err != nil {
		return []string{}, p.a.fail(err)
	}
	out, err := program.ListBidang(context.Background(), s)
	return out, p.a.fail(err)
}
