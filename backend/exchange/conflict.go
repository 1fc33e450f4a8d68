package exchange

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"selaras/backend/store"
	"selaras/backend/target"
)

// The conflict rule of the shared workspace holds for a returned template
// too: a regency may type its figures directly and also return a template.
// A template cell changes what is stored only when the template was based
// on it; a cell whose stored value was changed after the template was made
// (by typing, pasting or another import) and that the template would
// change is a conflict, shown and not written unless the person chooses
// the template's value.

// Typed is who changed a stored value after the template was made, and
// when (as the audit log writes it, UTC).
type Typed struct {
	By string `json:"by"`
	At string `json:"at"`
	// Source is how: typed or pasted ("ketik", "tempel") or another
	// template's import ("impor"), as the audit log's row says.
	Source string `json:"source"`
}

// Conflict is one template cell not based on what is stored.
type Conflict struct {
	Sheet       string `json:"sheet"`
	Cell        string `json:"cell"`
	Code        string `json:"code"`
	Indicator   string `json:"indicator"`
	IndicatorID int64  `json:"indicatorId"`
	Field       string `json:"field"`
	Stored      string `json:"stored"`   // what is stored now (kept by default)
	Template    string `json:"template"` // the template's value
	By          string `json:"by"`
	At          string `json:"at"`
	Source      string `json:"source"` // as Typed's
}

// auditColumns maps the indicator_value columns the audit log records to
// the fields a template fills.
var auditColumns = map[string]target.Field{
	"target": target.FTarget, "target_num": target.FTargetNum, "target_den": target.FTargetDen,
	"realisation": target.FRealisation, "real_num": target.FRealNum, "real_den": target.FRealDen,
	"baseline": target.FBaseline, "note": target.FNote,
}

type cellKey struct {
	id    int64
	field string
}

// changedSince reads, in one query, the values of region and year changed
// after since: the last person and time per indicator and field. The audit
// log writes its times to the millisecond, as a template does its
// created_at; one from before (to the second) is read as the start of its
// second, so a change in that very second, which cannot be told before or
// after it, is a conflict to show rather than a value overwritten unseen.
func changedSince(ctx context.Context, s *store.Store, region string, year int, since time.Time) (map[cellKey]Typed, error) {
	type line struct {
		key, by, at, old, new string
	}
	lines, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (line, error) {
		var l line
		return l, r.Scan(&l.key, &l.by, &l.at, &l.old, &l.new)
	}, `SELECT row_key, user_name, changed_at, COALESCE(old_values, ''), COALESCE(new_values, '') FROM audit_log
WHERE table_name = 'indicator_value' AND row_key LIKE ? AND changed_at >= ?
ORDER BY id`, "%|"+region+"|"+strconv.Itoa(year), since.UTC().Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000"))
	if err != nil {
		return nil, fmt.Errorf("exchange: changes since the template: %w", err)
	}
	out := map[cellKey]Typed{}
	for _, l := range lines {
		parts := strings.Split(l.key, "|")
		if len(parts) != 3 || parts[1] != region || parts[2] != strconv.Itoa(year) {
			continue
		}
		id, err := strconv.ParseInt(parts[0], 10, 64)
		if err != nil {
			continue
		}
		var old, nw map[string]any
		if l.old != "" {
			_ = json.Unmarshal([]byte(l.old), &old)
		}
		if l.new != "" {
			_ = json.Unmarshal([]byte(l.new), &nw)
		}
		src, _ := nw["source"].(string)
		if strings.HasPrefix(src, "impor") {
			src = "impor" // "impor:<file>#<hash>": the file is not the point here
		}
		for col, f := range auditColumns {
			if !reflect.DeepEqual(old[col], nw[col]) {
				out[cellKey{id, string(f)}] = Typed{By: l.by, At: l.at, Source: src} // ordered by id: the last wins
			}
		}
	}
	return out, nil
}

// markConflicts marks the changes of p whose stored value was changed after
// the template's created_at (createdAt, RFC 3339). A template without it
// (or with one unreadable) is taken as based on what is stored.
func (p *Preview) markConflicts(ctx context.Context, s *store.Store, createdAt string) error {
	since, err := time.Parse(time.RFC3339, strings.TrimSpace(createdAt))
	if err != nil {
		return nil
	}
	changed, err := changedSince(ctx, s, p.Region.Code, p.Year, since)
	if err != nil || len(changed) == 0 {
		return err
	}
	ids := map[string]int64{}
	for _, ind := range p.catalogue.Indicators() {
		ids[ind.Code] = ind.ID
	}
	typedParts := map[ratioKey]Typed{}
	for i := range p.Changes {
		ch := &p.Changes[i]
		if ch.Kind == "tetap" || strings.HasPrefix(ch.Field, "plan.") {
			continue
		}
		id, ok := ids[ch.Code]
		if !ok {
			continue
		}
		t, ok := changed[cellKey{id, ch.Field}]
		if !ok {
			continue
		}
		p.conflict(ch, id, t)
		typedParts[ratioKey{id, ratioGroup(ch.Field)}] = t
	}
	// A ratio's parts go together: where one part conflicts, the others
	// the template would change are kept (or taken) with it, never a
	// numerator of the template over a denominator typed directly.
	for i := range p.Changes {
		ch := &p.Changes[i]
		if ch.Typed != nil || ch.Kind == "tetap" || ratioGroup(ch.Field) == "" {
			continue
		}
		id := ids[ch.Code]
		if t, ok := typedParts[ratioKey{id, ratioGroup(ch.Field)}]; ok && id != 0 {
			p.conflict(ch, id, t)
		}
	}
	return nil
}

// conflict marks ch as not based on what is stored (t changed it).
func (p *Preview) conflict(ch *Change, id int64, t Typed) {
	ch.Typed = &Typed{By: t.By, At: t.At, Source: t.Source}
	p.Conflicts = append(p.Conflicts, Conflict{Sheet: ch.Sheet, Cell: ch.Cell, Code: ch.Code, Indicator: ch.Indicator,
		IndicatorID: id, Field: ch.Field, Stored: ch.Old, Template: ch.New, By: t.By, At: t.At, Source: t.Source})
}

type ratioKey struct {
	id    int64
	group string
}

// ratioGroup is the figure a field is part of: a target or a realisation
// with its numerator and denominator ("" for any other field).
func ratioGroup(field string) string {
	switch target.Field(field) {
	case target.FTarget, target.FTargetNum, target.FTargetDen:
		return "target"
	case target.FRealisation, target.FRealNum, target.FRealDen:
		return "realisation"
	}
	return ""
}

// Kept is how many cells an import of p leaves as stored for a conflict
// (none when the template's values are taken).
func (p Preview) Kept() int {
	_, n := p.edits()
	return n
}

// edits are the edits an import writes: without TakeTemplate, not those
// of the conflicting cells (what was typed is kept).
func (p Preview) edits() (out []target.Edit, skipped int) {
	if p.TakeTemplate || len(p.Conflicts) == 0 {
		return p.Edits, 0
	}
	// By the figure a conflicting cell is part of: a ratio's parts are
	// kept together, even one the template writes unchanged.
	skip := make(map[cellKey]bool, len(p.Conflicts))
	for _, c := range p.Conflicts {
		skip[cellKey{c.IndicatorID, c.Field}] = true
		if g := ratioGroup(c.Field); g != "" {
			skip[cellKey{c.IndicatorID, "group:" + g}] = true
		}
	}
	out = make([]target.Edit, 0, len(p.Edits))
	for _, e := range p.Edits {
		g := ratioGroup(string(e.Field))
		if skip[cellKey{e.IndicatorID, string(e.Field)}] || (g != "" && skip[cellKey{e.IndicatorID, "group:" + g}]) {
			skipped++
			continue
		}
		out = append(out, e)
	}
	return out, skipped
}
