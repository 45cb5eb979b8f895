package check

import (
	"errors"
	"maps"
	"slices"

	"github.com/raumbudget/raumbudget/internal/msg"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// What allocate refuses, found across the tables. check is given files,
// not --data and --spending, so a table's role comes from its columns: a
// table with a spending column and none of the weighted indicators is a
// spending table; any other is an indicator table, and must have them all.

// isSpendingTable says whether t is a table of spending only.
func (c *checker) isSpendingTable(t *indicators.Table) bool {
	return t.HasSpending && !slices.ContainsFunc(t.Indicators, func(k string) bool {
		return slices.Contains(c.opts.Keys, k)
	})
}

// missingErrors are the errors about the weighted columns table t lacks
// (missing, in the order found): none for a spending table. A table with
// neither indicators nor spending is refused as both: the errors name the
// headings that look misspelt, else the first indicator; such a table
// without a misspelt heading has nothing to check (bare is true), which in
// a workbook makes it a sheet of notes, such as a list of Stadtteile.
func (c *checker) missingErrors(t *indicators.Table, missing []*indicators.Error) (errs []*indicators.Error, bare bool) {
	if len(missing) == 0 || c.isSpendingTable(t) {
		return nil, false
	}
	if len(missing) < len(c.opts.Keys) || t.HasSpending {
		return hintedAll(missing), false
	}
	near := slices.DeleteFunc(slices.Clone(missing), func(m *indicators.Error) bool { return m.Near == "" })
	if sp := c.refusal(t, indicators.Schema{NeedSpending: true, Headings: c.headings}); sp != nil && sp.Near != "" {
		near = append(near, sp)
	}
	if len(near) == 0 {
		return hintedAll(missing[:1]), true
	}
	return hintedAll(near), false
}

func hintedAll(errs []*indicators.Error) []*indicators.Error {
	out := make([]*indicators.Error, len(errs))
	for i, e := range errs {
		out[i] = hint(e)
	}
	return out
}

// refusal is the missing-column error allocate gives for table t read
// with schema, or nil.
func (c *checker) refusal(t *indicators.Table, schema indicators.Schema) *indicators.Error {
	_, err := c.read(t.File, schema, indicators.Options{Sheet: t.Sheet})
	var e *indicators.Error
	if errors.As(err, &e) && e.Found != nil {
		return e
	}
	return nil
}

// crossErrors adds what allocate refuses when given the indicator tables
// with the spending tables: units in one and not the other, spending in
// both or in neither, no indicator table at all, and the model's own
// refusals (a weighted column that sums to 0, say).
func (c *checker) crossErrors(res *Result, tables []*table) {
	var data, spending []*indicators.Table
	for _, t := range tables {
		if c.isSpendingTable(t.Table) {
			spending = append(spending, t.Table)
		} else {
			data = append(data, t.Table)
		}
	}
	if len(data) == 0 && len(spending) > 0 {
		addError(res, spending[0], c.noIndicatorTable(spending[0]))
	}
	for _, d := range data {
		for _, s := range spending {
			joinErrors(res, d, s)
		}
		if len(spending) == 0 && !d.HasSpending && c.needsSpending() {
			addError(res, d, c.spendingMissing(d))
		}
	}
	if len(spending) > 1 {
		return // allocate takes one spending table: which one is the user's choice
	}
	for _, d := range data {
		if err := c.modelError(res, d, spending); err != nil {
			addError(res, d, finding(err))
		}
	}
}

// needsSpending says whether allocate needs last year's spending: with
// an indicator share below 1.
func (c *checker) needsSpending() bool {
	return c.opts.Share != nil && allocate.NeedsSpending(c.opts.Share)
}

// noIndicatorTable is the error about a spending table checked alone.
func (c *checker) noIndicatorTable(s *indicators.Table) *indicators.Error {
	e := c.refusal(s, indicators.Schema{Indicators: c.opts.Keys, Headings: c.headings})
	if e == nil {
		return &indicators.Error{File: s.File, Sheet: s.Sheet, Msg: msg.New("no indicator table is checked with it")}
	}
	cp := *hint(e)
	cp.Msg = msg.New("%s; no indicator table is checked with it", cp.Msg)
	return &cp
}

// joinErrors are allocate's refusals to join spending table s into d:
// spending in both, units in one and not the other (all of them).
func joinErrors(res *Result, d, s *indicators.Table) {
	if d.HasSpending {
		text := msg.New("%s has a spending column and %s is given too; use one of them", place(d), place(s))
		addError(res, d, d.ColumnError(allocate.SpendingKey, text))
	}
	for _, e := range notIn(d, s, place(s)) {
		addError(res, d, e)
	}
	for _, e := range notIn(s, d, place(d)) {
		addError(res, s, e)
	}
}

// spendingMissing is the error about an indicator table without spending
// when no spending table is checked and the indicator share is below 1.
func (c *checker) spendingMissing(d *indicators.Table) *indicators.Error {
	if e := c.refusal(d, indicators.Schema{NeedSpending: true, Headings: c.headings}); e != nil {
		cp := *hint(e)
		cp.Msg = msg.New("%s; give the spending table too, or an indicator share of 1", cp.Msg)
		return &cp
	}
	return d.ColumnError(allocate.SpendingKey, msg.New("is missing; give the spending table too, or an indicator share of 1"))
}

// modelError runs the model on a clean indicator table, with the spending
// table joined in if there is one, as allocate would; nil when it accepts
// them, when their errors are listed already or without a model.
func (c *checker) modelError(res *Result, d *indicators.Table, spending []*indicators.Table) error {
	if c.opts.Model == nil || len(fileOf(res, d).Errors) > 0 {
		return nil
	}
	t := joinable(d)
	if len(spending) == 1 {
		if len(fileOf(res, spending[0]).Errors) > 0 || indicators.JoinSpending(t, spending[0]) != nil {
			return nil
		}
	}
	return c.opts.Model(t)
}

// joinable is a copy of t safe to join spending into.
func joinable(t *indicators.Table) *indicators.Table {
	cp := *t
	cp.Headings = maps.Clone(t.Headings)
	cp.Units = slices.Clone(t.Units)
	return &cp
}

// crossWarnings compares the tables with each other and with --against.
func (c *checker) crossWarnings(res *Result, tables []*table) error {
	var old *indicators.Table
	if c.opts.Against != "" {
		var err error
		if old, _, err = c.readForCheck(c.opts.Against, "", nil); err != nil {
			return err
		}
	}
	for i, t := range tables {
		f := fileOf(res, t.Table)
		// Indicator and spending tables that differ are errors already.
		var others []*indicators.Table
		for j, o := range tables {
			if j != i && c.isSpendingTable(o.Table) == c.isSpendingTable(t.Table) {
				others = append(others, o.Table)
			}
		}
		f.Warnings = append(f.Warnings, unitsAcross(t.Table, others)...)
		if old != nil {
			f.Warnings = append(f.Warnings, movedAgainst(t.Table, old, c.opts.Threshold)...)
		}
	}
	return nil
}

// fileOf is the checked file that shows table t.
func fileOf(res *Result, t *indicators.Table) *File {
	for i := range res.Files {
		if res.Files[i].File == t.File && res.Files[i].Sheet == t.Sheet {
			return &res.Files[i]
		}
	}
	return nil
}

// addError adds an error to the checked file that shows table t.
func addError(res *Result, t *indicators.Table, e *indicators.Error) {
	if f := fileOf(res, t); f != nil {
		f.Errors = append(f.Errors, e)
	}
}
