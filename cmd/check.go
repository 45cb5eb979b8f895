package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/report"
)

// checkOptions are everything one run of check needs.
type checkOptions struct {
	Files     []string
	Sheet     string
	Against   string
	Threshold *big.Rat
	Keys      []string          // indicator keys to look for
	Headings  map[string]string // extra headings, from the config
	Output    outputOptions
}

// residentHeadings name a column of all residents, against which check
// compares youth and SGB recipients.
var residentHeadings = map[string]string{"residents": "residents", "Einwohner": "residents",
	"Einwohner gesamt": "residents", "Einwohner insgesamt": "residents"}

func newCheckCmd(runF func(*checkOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "check FILE...",
		Short: "Validate indicator and spending tables without computing money",
		Long: `Validate indicator and spending tables without computing money. For each table
(each sheet of a workbook that has a Bezirksstelle column, or --sheet) check
lists the units, the rows (Stadtteile) summed into each and the totals per
column, then every problem at once, each with its file, line or cell and
column, and warnings about values that are valid but probably wrong: a value
that moved more than --threshold against an older table (--against), migrant
youth above all youth, youth or SGB recipients above all residents (with a
column "Einwohner"), unit names that differ only in case, spaces or letters
that look alike ("Bezirksstelle lV" and "Bezirksstelle IV"), rows hidden in
Excel, units in one table but not another.`,
		Example: `  raumbudget check indikatoren.xlsx
  raumbudget check indikatoren-2026.csv mittelabfluss.csv --against indikatoren-2025.csv
  raumbudget check indikatoren.xlsx -o json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := readCheckOptions(c, args)
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(checkRun(c, opts))
		},
	}
	f := c.Flags()
	f.String("sheet", "", "check only this sheet of each workbook")
	f.String("against", "", "an older table to compare the values with")
	f.String("threshold", "20%", "warn when a value moved more than this against --against")
	f.String("config", "", "YAML config file: its columns and weights say which columns to look for")
	addOutputFlags(c, []string{"table", "markdown", "json"})
	c.SetUsageTemplate(c.UsageTemplate() + checkStatusHelp)
	return c
}

const checkStatusHelp = `
Exit status:
  0  the tables are clean
  1  anything else (a file could not be read at all, a bug)
  2  errors: bad input that allocate would refuse
  3  warnings only: the tables can be used, but look at the warnings
`

func readCheckOptions(c *cobra.Command, files []string) (*checkOptions, error) {
	s, err := newSettings(c, []string{"columns", "weights", "indicator-share", "budget", "data", "spending", "spending-sheet", "inverse", "demo"}, nil)
	if err != nil {
		return nil, err
	}
	opts := &checkOptions{Files: files, Sheet: s.v.GetString("sheet"), Against: s.v.GetString("against")}
	if opts.Threshold, err = parseShare(s.v.GetString("threshold")); err != nil {
		return nil, usagef("%s: %v", s.where("threshold"), err)
	}
	if opts.Headings, err = readHeadings(s); err != nil {
		return nil, err
	}
	weights, err := readWeights(s, opts.Headings)
	if err != nil {
		return nil, err
	}
	opts.Keys = append(indicatorOrder(weights), "residents")
	for h, k := range residentHeadings {
		opts.Headings[h] = k
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

func checkRun(c *cobra.Command, opts *checkOptions) error {
	var view report.Check
	var tables []*indicators.Table
	for _, path := range opts.Files {
		files, read, err := checkFile(opts, path)
		if err != nil {
			return err
		}
		view.Files, tables = append(view.Files, files...), append(tables, read...)
	}
	if err := addCrossWarnings(&view, tables, opts); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := view.Write(&buf, opts.Output.Format, opts.Output.Lang); err != nil {
		return err
	}
	if err := opts.Output.write(c.OutOrStdout(), buf.Bytes(), opts.Files...); err != nil {
		return err
	}
	return checkStatus(&view)
}

// checkStatus turns the counts into the exit status: 2 with errors, 3 with
// warnings only.
func checkStatus(view *report.Check) error {
	errs, warns := view.Counts()
	switch {
	case errs > 0:
		return &statusError{code: exitUsage, msg: fmt.Sprintf("%d errors, %d warnings", errs, warns)}
	case warns > 0:
		return &statusError{code: exitWarnings, msg: fmt.Sprintf("%d warnings", warns)}
	}
	return nil
}

// checkFile checks every table of a file: a CSV file, or each sheet of a
// workbook that has a unit column (or --sheet).
func checkFile(opts *checkOptions, path string) ([]report.CheckedFile, []*indicators.Table, error) {
	sheets, hidden, wb, err := sheetsToCheck(path, opts.Sheet)
	if err != nil {
		return nil, nil, err
	}
	if wb != nil {
		defer wb.Close()
	}
	var files []report.CheckedFile
	var tables []*indicators.Table
	for _, sheet := range hidden {
		e := &indicators.Error{File: path, Sheet: sheet, Msg: "the sheet is hidden in Excel; it is not read unless --sheet names it"}
		files = append(files, report.CheckedFile{File: path, Sheet: sheet, Warnings: []string{e.Error()}})
	}
	for _, sheet := range sheets {
		t, err := readForCheck(path, sheet, opts, wb)
		var missingUnit *indicators.Error
		if len(sheets) > 1 && errors.As(err, &missingUnit) && missingUnit.Column == "unit" {
			continue // a sheet of notes
		}
		var unreadable *usageError
		if errors.As(err, &unreadable) {
			return nil, nil, err
		}
		if err != nil {
			files = append(files, report.CheckedFile{File: path, Sheet: sheet, Errors: []string{err.Error()}})
			continue
		}
		files, tables = append(files, checkedFile(t)), append(tables, t)
	}
	return files, tables, nil
}

// sheetsToCheck is [""] for CSV, else the sheets of the workbook that
// allocate may read, and those hidden in Excel, which it reads only by
// name; and the workbook, opened once for all its sheets, which the
// caller closes.
func sheetsToCheck(path, sheet string) (sheets, hidden []string, wb *indicators.Workbook, err error) {
	if sheet != "" || !isWorkbook(path) {
		return []string{sheet}, nil, nil, nil
	}
	if wb, err = indicators.OpenWorkbook(path); err != nil {
		return nil, nil, nil, inputFileError(err)
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

func isWorkbook(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xlsx" || ext == ".xlsm"
}

// readForCheck reads whichever of the known columns the table has, with
// every problem collected instead of the first.
// A workbook opened already (wb, if not nil) is read from.
func readForCheck(path, sheet string, opts *checkOptions, wb *indicators.Workbook) (*indicators.Table, error) {
	keys := slices.Clone(opts.Keys)
	for {
		schema := indicators.Schema{Indicators: keys, AllowSpending: true, AllProblems: true, Headings: opts.Headings}
		var t *indicators.Table
		var err error
		if wb != nil {
			t, err = wb.Read(schema, indicators.Options{Sheet: sheet})
		} else {
			t, err = readTableFile(path, schema, indicators.Options{Sheet: sheet})
		}
		var missing *indicators.Error
		if err == nil || !errors.As(err, &missing) || !slices.Contains(keys, missing.Column) {
			return t, inputFileError(err)
		}
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == missing.Column })
	}
}

// checkedFile lists a table's units and totals, its problems and the
// warnings about it alone.
func checkedFile(t *indicators.Table) report.CheckedFile {
	f := report.CheckedFile{File: t.File, Sheet: t.Sheet, Keys: slices.Clone(t.Indicators), Headings: t.Headings}
	if t.HasSpending {
		f.Keys = append(f.Keys, spendingKey)
	}
	f.Totals = make([]*big.Rat, len(f.Keys))
	for i := range f.Totals {
		f.Totals[i] = new(big.Rat)
	}
	for u, unit := range t.Units {
		cu := report.CheckedUnit{Name: unit.Name, Rows: unit.Rows}
		for i, key := range f.Keys {
			v := valueOf(t, u, key)
			cu.Values = append(cu.Values, v)
			f.Totals[i].Add(f.Totals[i], v)
		}
		f.Units = append(f.Units, cu)
	}
	for _, p := range t.Problems {
		f.Errors = append(f.Errors, p.Error())
	}
	f.Warnings = append(append(append(f.Warnings, partAboveWhole(t)...), lookalikeNames(t)...), hiddenRows(t)...)
	for _, w := range t.Warnings {
		f.Warnings = append(f.Warnings, w.Error())
	}
	return f
}

// addCrossWarnings compares the tables with each other and with --against.
func addCrossWarnings(view *report.Check, tables []*indicators.Table, opts *checkOptions) error {
	var old *indicators.Table
	if opts.Against != "" {
		var err error
		if old, err = readForCheck(opts.Against, "", opts, nil); err != nil {
			return err
		}
	}
	for i, t := range tables {
		f := fileOf(view, t)
		others := slices.Delete(slices.Clone(tables), i, i+1)
		f.Warnings = append(f.Warnings, unitsAcross(t, others)...)
		if old != nil {
			f.Warnings = append(f.Warnings, movedAgainst(t, old, opts.Threshold)...)
		}
	}
	return nil
}

// fileOf is the checked file that shows table t.
func fileOf(view *report.Check, t *indicators.Table) *report.CheckedFile {
	for i := range view.Files {
		if view.Files[i].File == t.File && view.Files[i].Sheet == t.Sheet {
			return &view.Files[i]
		}
	}
	return nil
}
