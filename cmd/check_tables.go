package cmd

import (
	"errors"
	"maps"
	"math/big"
	"slices"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/report"
)

// What allocate refuses, found by check across its tables. check is given
// files, not --data and --spending, so a table's role comes from its
// columns: a table with a spending column and none of the weighted
// indicators is a spending table; any other is an indicator table, and
// must have them all.

// isSpendingTable says whether t is a table of spending only.
func isSpendingTable(t *indicators.Table, opts *checkOptions) bool {
	return t.HasSpending && !slices.ContainsFunc(t.Indicators, func(k string) bool {
		_, weighted := opts.Formula.Weights[k]
		return weighted
	})
}

// missingErrors are the errors about the weighted columns table t lacks
// (missing, in the order found): none for a spending table. A table with
// neither indicators nor spending is refused as both: the errors name the
// headings that look misspelt, else the first indicator; such a table
// without a misspelt heading has nothing to check (bare is true), which in
// a workbook makes it a sheet of notes, such as a list of Stadtteile.
func missingErrors(t *indicators.Table, missing []*indicators.Error, opts *checkOptions) (errs []string, bare bool) {
	if len(missing) == 0 || isSpendingTable(t, opts) {
		return nil, false
	}
	if len(missing) < len(opts.Formula.Weights) || t.HasSpending {
		return hinted(missing), false
	}
	near := slices.DeleteFunc(slices.Clone(missing), func(m *indicators.Error) bool { return m.Near == "" })
	if sp := refusal(t, indicators.Schema{NeedSpending: true, Headings: opts.Headings}); sp != nil && sp.Near != "" {
		near = append(near, sp)
	}
	if len(near) == 0 {
		return hinted(missing[:1]), true
	}
	return hinted(near), false
}

func hinted(errs []*indicators.Error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = headingHint(e).Error()
	}
	return out
}

// refusal is the missing-column error allocate gives for table t read
// with schema, or nil.
func refusal(t *indicators.Table, schema indicators.Schema) *indicators.Error {
	_, err := readTableFile(t.File, schema, indicators.Options{Sheet: t.Sheet})
	var e *indicators.Error
	if errors.As(err, &e) && e.Found != nil {
		return e
	}
	return nil
}

// addCrossErrors adds what allocate refuses when given the indicator
// tables with the spending tables: units in one and not the other,
// spending in both or in neither, no indicator table at all, and the
// model's own refusals (a weighted column that sums to 0, say).
func addCrossErrors(view *report.Check, tables []*indicators.Table, opts *checkOptions) {
	var data, spending []*indicators.Table
	for _, t := range tables {
		if isSpendingTable(t, opts) {
			spending = append(spending, t)
		} else {
			data = append(data, t)
		}
	}
	if len(data) == 0 && len(spending) > 0 {
		s := spending[0]
		msg := "no indicator table is checked with it"
		if e := refusal(s, indicators.Schema{Indicators: indicatorOrder(opts.Formula.Weights), Headings: opts.Headings}); e != nil {
			msg = headingHint(e).Error() + "; " + msg
		}
		addError(view, s, msg)
	}
	for _, d := range data {
		for _, s := range spending {
			joinErrors(view, d, s)
		}
		if len(spending) == 0 && !d.HasSpending && opts.Share.Cmp(big.NewRat(1, 1)) < 0 {
			addError(view, d, spendingMissing(d, opts))
		}
	}
	if len(spending) > 1 {
		return // allocate takes one spending table: which one is the user's choice
	}
	for _, d := range data {
		if err := modelError(view, d, spending, opts); err != nil {
			addError(view, d, err.Error())
		}
	}
}

// joinErrors are allocate's refusals to join spending table s into d:
// spending in both, units in one and not the other (all of them).
func joinErrors(view *report.Check, d, s *indicators.Table) {
	if d.HasSpending {
		text := msg.New("%s has a spending column and %s is given too; use one of them", place(d), place(s))
		addError(view, d, d.ColumnError(spendingKey, text).Error())
	}
	for _, line := range unitsNotIn(d, s) {
		addError(view, d, line)
	}
	for _, line := range unitsNotIn(s, d) {
		addError(view, s, line)
	}
}

// unitsNotIn lists the units of t that other lacks, each at its row.
func unitsNotIn(t, other *indicators.Table) []string {
	names := make(map[string]bool, len(other.Units))
	for _, u := range other.Units {
		names[u.Name] = true
	}
	var out []string
	for u, unit := range t.Units {
		if !names[unit.Name] {
			out = append(out, t.ErrorAt(u, "unit", msg.New("unit %q is not in %s", unit.Name, place(other))).Error())
		}
	}
	return out
}

// spendingMissing is the error about an indicator table without spending
// when no spending table is checked and the indicator share is below 1.
func spendingMissing(d *indicators.Table, opts *checkOptions) string {
	if e := refusal(d, indicators.Schema{NeedSpending: true, Headings: opts.Headings}); e != nil {
		return headingHint(e).Error() + "; give the spending table too, or an indicator share of 1"
	}
	return d.ColumnError(spendingKey, msg.New("is missing; give the spending table too, or an indicator share of 1")).Error()
}

// modelError runs the model on a clean indicator table, with the spending
// table joined in if there is one, as allocate would; nil when it accepts
// them or when their errors are listed already.
func modelError(view *report.Check, d *indicators.Table, spending []*indicators.Table, opts *checkOptions) error {
	t := joinable(d)
	if len(fileOf(view, d).Errors) > 0 {
		return nil
	}
	if len(spending) == 1 {
		if len(fileOf(view, spending[0]).Errors) > 0 || indicators.JoinSpending(t, spending[0]) != nil {
			return nil
		}
	}
	_, err := allocate.Run(modelInput(t, 0, opts.Share, opts.Formula))
	if err != nil {
		return placeModelError(err, t)
	}
	return nil
}

// joinable is a copy of t safe to join spending into.
func joinable(t *indicators.Table) *indicators.Table {
	cp := *t
	cp.Headings = maps.Clone(t.Headings)
	cp.Units = slices.Clone(t.Units)
	return &cp
}

// addError adds an error line to the checked file that shows table t.
func addError(view *report.Check, t *indicators.Table, line string) {
	if f := fileOf(view, t); f != nil {
		f.Errors = append(f.Errors, line)
	}
}
