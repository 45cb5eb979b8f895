package check

import (
	"errors"
	"maps"
	"math/big"
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// table is a table read for check, with its column of all residents read
// apart (nil without one), lined up with its units.
type table struct {
	*indicators.Table
	residents *indicators.Table
	resident  []int // unit → its unit in residents, -1 if none
}

func newTable(t, residents *indicators.Table) *table {
	tt := &table{Table: t, residents: residents}
	if residents != nil {
		tt.resident, _ = indicators.MatchUnits(t, residents) // a unit without a value has none to compare
	}
	return tt
}

// file checks every table of a file: a CSV file, or each sheet of a
// workbook that has a unit column and indicators or spending (or the
// sheets the settings name).
func (c *checker) file(path string) ([]File, []*table, error) {
	named, err := c.namedSheets(path)
	if err != nil {
		return nil, nil, err
	}
	sheets, hidden, wb, err := sheetsToCheck(path, named)
	if err != nil {
		return nil, nil, err
	}
	if wb != nil {
		defer wb.Close()
	}
	var files, notes []File // notes: the sheets skipped as notes, with the reason
	var tables []*table
	mayBeNotes := len(named) == 0 && len(sheets) > 1
	for _, sheet := range sheets {
		f, t, isNotes, err := c.sheet(path, sheet, wb, mayBeNotes)
		switch {
		case err != nil:
			return nil, nil, err
		case isNotes:
			notes = append(notes, f)
		case t != nil:
			files, tables = append(files, f), append(tables, t)
		default:
			files = append(files, f)
		}
	}
	return append(hiddenSheets(path, hidden), c.withNotes(path, files, notes)...), tables, nil
}

// sheet checks one table of a file (sheet "" for CSV): its units and
// findings, and the table itself unless it could not be read (t nil).
// With mayBeNotes a sheet without a unit column, or without indicators
// and spending, is notes, such as a list of Stadtteile. Its error is a
// file that cannot be read at all.
func (c *checker) sheet(path, sheet string, wb *indicators.Workbook, mayBeNotes bool) (f File, t *table, isNotes bool, err error) {
	read, missing, err := c.readForCheck(path, sheet, wb)
	switch {
	case unreadable(err):
		return File{}, nil, false, err
	case err != nil:
		return File{File: path, Sheet: sheet, Errors: []*indicators.Error{hint(err)}}, nil, mayBeNotes && notesError(err), nil
	}
	errs, bare := c.missingErrors(read, missing)
	if mayBeNotes && bare {
		return File{File: path, Sheet: sheet, Errors: errs}, nil, true, nil
	}
	t = newTable(read, c.readResidents(path, sheet))
	f = checkedFile(t)
	f.Errors = append(errs, f.Errors...)
	return f, t, false, nil
}

// withNotes are the checked sheets of a workbook with what its sheets of
// notes mean for allocate. A workbook none of whose sheets can be checked
// is an error: no sheets, or only sheets of notes; so is one whose first
// sheet, which allocate reads, is of notes.
func (c *checker) withNotes(path string, files, notes []File) []File {
	switch {
	case len(files) == 0 && len(notes) == 0:
		return []File{{File: path, Errors: []*indicators.Error{c.defaultSheetError(path)}}}
	case len(files) == 0:
		return notes
	case len(notes) > 0:
		return append(files, c.defaultSheetNotes(path, notes)...)
	}
	return files
}

// hint is err as a finding, a missing column's with the headings found
// and the one probably meant.
func hint(err error) *indicators.Error {
	return finding(indicators.HeadingHint(err))
}

// hiddenSheets warns about the sheets hidden in Excel, which allocate
// reads only by name.
func hiddenSheets(path string, hidden []string) []File {
	var files []File
	for _, sheet := range hidden {
		e := &indicators.Error{File: path, Sheet: sheet, Msg: "the sheet is hidden in Excel; it is not read unless --sheet names it"}
		files = append(files, File{File: path, Sheet: sheet, Warnings: []*indicators.Error{e}})
	}
	return files
}

// defaultSheetError is why allocate finds no sheet to read in a workbook
// with no sheet to check: it has none, or every one is hidden.
func (c *checker) defaultSheetError(path string) *indicators.Error {
	_, err := c.read(path, indicators.Schema{AllProblems: true, Headings: c.headings}, indicators.Options{})
	if err == nil {
		return &indicators.Error{File: path, Msg: "the workbook has no sheet to check"}
	}
	return finding(err)
}

// defaultSheetNotes is an error when the sheet allocate reads without
// --sheet (the first) is among the notes: allocate would refuse the
// workbook that check finds tables in.
func (c *checker) defaultSheetNotes(path string, notes []File) []File {
	t, err := c.read(path, indicators.Schema{AllProblems: true, Headings: c.headings}, indicators.Options{})
	var e *indicators.Error
	sheet := ""
	switch {
	case err == nil:
		sheet = t.Sheet
	case errors.As(err, &e):
		sheet = e.Sheet
	}
	for _, n := range notes {
		if n.Sheet == sheet {
			first := *n.Errors[0]
			first.Msg += "; allocate reads this sheet unless --sheet names another"
			n.Errors = []*indicators.Error{&first}
			return []File{n}
		}
	}
	return nil
}

// notesError says whether err is that of a sheet of notes: it has no
// unit column, and no heading that looks like a misspelt one.
func notesError(err error) bool {
	var missing *indicators.Error
	return errors.As(err, &missing) && missing.Column == "unit" && missing.Found != nil && missing.Near == ""
}

// namedSheets are the sheets of path to check that the settings name:
// the config's for its data and spending, else --sheet with the
// spending sheet where the workbook has one; none for every sheet.
func (c *checker) namedSheets(path string) ([]string, error) {
	o := c.opts
	if named, ok := o.FileSheets[path]; ok {
		return named, nil
	}
	if o.Sheet == "" {
		return nil, nil
	}
	named := []string{o.Sheet}
	if o.SpendingSheet == "" || strings.EqualFold(o.SpendingSheet, o.Sheet) || !indicators.IsWorkbook(path) {
		return named, nil
	}
	all, err := indicators.SheetNames(path)
	if err != nil {
		return nil, err
	}
	if slices.ContainsFunc(all, func(s string) bool { return strings.EqualFold(s, o.SpendingSheet) }) {
		named = append(named, o.SpendingSheet)
	}
	return named, nil
}

// sheetsToCheck is [""] for CSV, the named sheets, or else the sheets of
// the workbook that allocate may read, and those hidden in Excel, which
// it reads only by name. A workbook is opened once, for all its sheets
// (wb; nil for CSV), and closed by the caller.
func sheetsToCheck(path string, named []string) (sheets, hidden []string, wb *indicators.Workbook, err error) {
	if !indicators.IsWorkbook(path) {
		return []string{""}, nil, nil, nil
	}
	if wb, err = indicators.OpenWorkbook(path); err != nil {
		return nil, nil, nil, err
	}
	if len(named) > 0 {
		return named, nil, wb, nil
	}
	all, err := wb.Sheets()
	if err != nil {
		wb.Close()
		return nil, nil, nil, err
	}
	for _, s := range all {
		if s.Hidden {
			hidden = append(hidden, s.Name)
		} else {
			sheets = append(sheets, s.Name)
		}
	}
	return sheets, hidden, wb, nil
}

// readSheet reads a sheet of the workbook opened already, or the file.
func (c *checker) readSheet(path string, schema indicators.Schema, sheet string, wb *indicators.Workbook) (*indicators.Table, error) {
	if wb != nil {
		return wb.Read(schema, indicators.Options{Sheet: sheet})
	}
	return c.read(path, schema, indicators.Options{Sheet: sheet})
}

// readForCheck reads whichever of the weighted columns the table has,
// with every problem collected instead of the first; missing are the
// errors of the weighted columns it lacks.
func (c *checker) readForCheck(path, sheet string, wb *indicators.Workbook) (*indicators.Table, []*indicators.Error, error) {
	keys := slices.Clone(c.opts.Keys)
	var missing []*indicators.Error
	for {
		schema := indicators.Schema{Indicators: keys, AllowSpending: true, AllProblems: true, Headings: c.headings}
		t, err := c.readSheet(path, schema, sheet, wb)
		var m *indicators.Error
		if err == nil || !errors.As(err, &m) || !slices.Contains(keys, m.Column) {
			return t, missing, err
		}
		missing = append(missing, m)
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == m.Column })
	}
}

// readResidents reads the table's column of all residents, if it has
// one, for warnings only: allocate does not read it, so nothing in it can
// be an error.
func (c *checker) readResidents(path, sheet string) *indicators.Table {
	schema := indicators.Schema{Indicators: []string{residentsKey}, AllProblems: true, Headings: c.headings}
	t, err := c.read(path, schema, indicators.Options{Sheet: sheet})
	if err != nil {
		return nil
	}
	return t
}

// checkedFile lists a table's units and totals, its problems, the
// warnings about it alone and what was recognised about its layout.
func checkedFile(t *table) File {
	f := File{File: t.File, Sheet: t.Sheet, Keys: slices.Clone(t.Indicators), Headings: maps.Clone(t.Headings)}
	if t.residents != nil {
		f.Keys = append(f.Keys, residentsKey)
		f.Headings[residentsKey] = t.residents.Headings[residentsKey]
	}
	if t.HasSpending {
		f.Keys = append(f.Keys, allocate.SpendingKey)
	}
	f.Totals = make([]*big.Rat, len(f.Keys))
	for i := range f.Totals {
		f.Totals[i] = new(big.Rat)
	}
	for u, unit := range t.Units {
		cu := Unit{Name: unit.Name, Rows: unit.Rows}
		for i, key := range f.Keys {
			v := t.value(u, key)
			cu.Values = append(cu.Values, v)
			if v != nil {
				f.Totals[i].Add(f.Totals[i], v)
			}
		}
		f.Units = append(f.Units, cu)
	}
	f.Errors = slices.Clone(t.Problems)
	f.Warnings = slices.Concat(partAboveWhole(t), LookalikeNames(t.Table), hiddenRows(t.Table), t.Warnings, residentProblems(t))
	recognise(&f, t.Table)
	return f
}

// residentProblems are the problems in the column of all residents,
// which are warnings: allocate does not read it. The table's other
// problems are its errors already.
func residentProblems(t *table) []*indicators.Error {
	if t.residents == nil {
		return nil
	}
	var out []*indicators.Error
	for _, p := range t.residents.Problems {
		if p.Column == t.residents.Headings[residentsKey] {
			out = append(out, p)
		}
	}
	return out
}
