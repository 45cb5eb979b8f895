package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/report"
)

// checkOptions are everything one run of check needs.
type checkOptions struct {
	Files         []string
	Sheet         string // only this sheet of each workbook, with SpendingSheet where it has one
	SpendingSheet string
	// FileSheets are the sheets of each file named by the config's data
	// and spending, as allocate reads them; none: every sheet.
	FileSheets map[string][]string
	Against    string
	Threshold  *big.Rat
	Keys       []string          // indicator keys to look for: the weighted ones
	Headings   map[string]string // extra headings, from the config
	Formula    formulaOptions    // read as allocate reads it: its indicators must be there
	Share      *big.Rat          // α: below 1, the spending must be there too
	Output     outputOptions
}

// residentHeadings name a column of all residents, against which check
// compares youth and SGB recipients.
var residentHeadings = map[string]string{"residents": "residents", "Einwohner": "residents",
	"Einwohner gesamt": "residents", "Einwohner insgesamt": "residents"}

func newCheckCmd(runF func(*checkOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "check [FILE...]",
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
Excel, units in one table but not another.

check refuses what allocate refuses, with the same settings (--config,
--weights, --inverse, --indicator-share, the config's columns): a weighted
column that is missing, a table of spending whose units differ from the
indicator table's, a spending column missing while the indicator share is
below 1, data the model rejects (a weighted column that sums to 0, say).
Without FILE, check reads --data and --spending, or the config's data
and spending, with their sheets, as allocate does.`,
		Example: `  raumbudget check indikatoren.xlsx
  raumbudget check indikatoren-2026.csv mittelabfluss.csv --against indikatoren-2025.csv
  raumbudget check indikatoren.xlsx -o json
  raumbudget check --config raumbudget.yaml
  raumbudget check --data indikatoren.xlsx --spending mittelabfluss.csv --weights youth_0_18=0.5,sgb_recipients=0.5`,
		Args: cobra.ArbitraryArgs,
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
	f.String("data", "", "the indicator table, as allocate's --data (instead of FILE)")
	f.String("spending", "", "the spending table, as allocate's --spending (with --data)")
	f.String("sheet", "", "check only this sheet of each workbook (with --spending-sheet where it has one)")
	f.String("spending-sheet", "", "the sheet of the spending, as allocate's --spending-sheet")
	f.String("against", "", "an older table to compare the values with")
	f.String("threshold", "20%", "warn when a value moved more than this against --against")
	f.String("config", "", "allocate's YAML config file: its columns, weights and (without FILE) tables")
	f.String("indicator-share", "0.6", "share α of the budget split by indicators; below 1 the spending must be there")
	addFormulaFlags(c)
	addOutputFlags(c, []string{"table", "markdown", "json"})
	c.SetUsageTemplate(c.UsageTemplate() + checkStatusHelp)
	return c
}

const checkStatusHelp = `
Exit status:
  0  the tables are clean
  1  anything else (a file could not be read at all, the tool ran out of memory, a bug)
  2  errors: bad input that allocate would refuse
  3  warnings only: the tables can be used, but look at the warnings
`

func readCheckOptions(c *cobra.Command, files []string) (*checkOptions, error) {
	extra := []string{"columns", "budget", "demo", "report-date"}
	s, err := newSettings(c, extra, []string{"data", "spending"})
	if err != nil {
		return nil, err
	}
	ignoreConfigOutput(s)
	opts := &checkOptions{Files: files, Sheet: s.v.GetString("sheet"), SpendingSheet: s.v.GetString("spending-sheet"),
		Against: s.v.GetString("against")}
	switch {
	case len(files) > 0 && (c.Flags().Changed("data") || c.Flags().Changed("spending")):
		return nil, usagef("name the tables as FILE... or with --data and --spending, not both")
	case len(files) == 0:
		if opts.Files, opts.FileSheets, err = configTables(s); err != nil {
			return nil, err
		}
	}
	if opts.Threshold, err = parseShare(s.v.GetString("threshold")); err != nil {
		return nil, usagef("%s: %v", s.where("threshold"), err)
	}
	if opts.Headings, err = readHeadings(s); err != nil {
		return nil, err
	}
	if opts.Formula, err = readFormulaOptions(s, opts.Headings); err != nil {
		return nil, err
	}
	if opts.Share, err = readShareSetting(s, "indicator-share"); err != nil {
		return nil, err
	}
	if text := s.v.GetString("budget"); text != "" {
		if _, err := parseEuros(text); err != nil {
			return nil, usagef("%s: %v", s.where("budget"), err)
		}
	}
	opts.Keys = indicatorOrder(opts.Formula.Weights)
	for h, k := range residentHeadings {
		opts.Headings[h] = k
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

// allocationOutputKeys say where allocate writes its result. In a config
// they are allocate's: check, reading the same config, writes its report
// as its own command line says, never over the allocation's file.
var allocationOutputKeys = []string{"output", "out", "force"}

func ignoreConfigOutput(s *settings) {
	for _, key := range allocationOutputKeys {
		if s.fromConfig(key) {
			s.v.Set(key, s.cmd.Flags().Lookup(key).DefValue)
		}
	}
}

// configTables are the tables allocate would read with these settings
// (flags, environment or config), the data and the spending, with the
// sheets it would read of each.
func configTables(s *settings) ([]string, map[string][]string, error) {
	data, spending := s.v.GetString("data"), s.v.GetString("spending")
	sheet, spendingSheet := s.v.GetString("sheet"), s.v.GetString("spending-sheet")
	if data == "" {
		return nil, nil, usagef("name the tables to check (check FILE...), or give --data or a config with data")
	}
	if spendingSheet != "" && spending == "" {
		spending = data // as allocate reads it: a sheet of the data workbook
	}
	sheets := map[string][]string{data: nonEmpty(sheet)}
	switch {
	case spending == "":
		return []string{data}, sheets, nil
	case spending == data:
		if sheet != "" {
			sheets[data] = nonEmpty(sheet, spendingSheet)
		}
		return []string{data}, sheets, nil
	}
	sheets[spending] = nonEmpty(spendingSheet)
	return []string{data, spending}, sheets, nil
}

func nonEmpty(names ...string) []string {
	return slices.DeleteFunc(names, func(n string) bool { return n == "" })
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
	addCrossErrors(&view, tables, opts)
	if err := addCrossWarnings(&view, tables, opts); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := view.Write(&buf, opts.Output.Format, opts.Output.Lang); err != nil {
		return err
	}
	if err := opts.Output.write(c.OutOrStdout(), buf.Bytes(), append(slices.Clone(opts.Files), opts.Against)...); err != nil {
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
// workbook that has a unit column and indicators or spending (or the
// sheets the settings name). A workbook none of whose sheets can be
// checked is an error: no sheets, or only sheets of notes; so is one whose
// first sheet, which allocate reads, is of notes.
func checkFile(opts *checkOptions, path string) ([]report.CheckedFile, []*indicators.Table, error) {
	named, err := opts.namedSheets(path)
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
	var files []report.CheckedFile
	var tables []*indicators.Table
	var notes []report.CheckedFile // the sheets skipped as notes, with the reason
	mayBeNotes := len(named) == 0 && len(sheets) > 1
	for _, sheet := range sheets {
		t, missing, err := readForCheck(path, sheet, opts, wb)
		if mayBeNotes && isNotes(err) {
			notes = append(notes, report.CheckedFile{File: path, Sheet: sheet, Errors: []string{headingHint(err).Error()}})
			continue
		}
		var unreadable *usageError
		if errors.As(err, &unreadable) {
			return nil, nil, err
		}
		if err != nil {
			files = append(files, report.CheckedFile{File: path, Sheet: sheet, Errors: []string{headingHint(err).Error()}})
			continue
		}
		errs, bare := missingErrors(t, missing, opts)
		if mayBeNotes && bare {
			notes = append(notes, report.CheckedFile{File: path, Sheet: sheet, Errors: errs})
			continue
		}
		f := checkedFile(t, readResidents(path, sheet, opts))
		f.Errors = append(errs, f.Errors...)
		files, tables = append(files, f), append(tables, t)
	}
	switch {
	case len(files) == 0 && len(notes) == 0:
		files = []report.CheckedFile{{File: path, Errors: []string{defaultSheetError(path, opts)}}}
	case len(files) == 0:
		files = notes
	case len(notes) > 0:
		files = append(files, defaultSheetNotes(path, notes, opts)...)
	}
	return append(hiddenSheets(path, hidden), files...), tables, nil
}

// hiddenSheets warns about the sheets hidden in Excel, which allocate
// reads only by name.
func hiddenSheets(path string, hidden []string) []report.CheckedFile {
	var files []report.CheckedFile
	for _, sheet := range hidden {
		e := &indicators.Error{File: path, Sheet: sheet, Msg: msg.New("the sheet is hidden in Excel; it is not read unless --sheet names it")}
		files = append(files, report.CheckedFile{File: path, Sheet: sheet, Warnings: []string{e.Error()}})
	}
	return files
}

// defaultSheetError is why allocate finds no sheet to read in a workbook
// with no sheet to check: it has none, or every one is hidden.
func defaultSheetError(path string, opts *checkOptions) string {
	_, err := readTableFile(path, indicators.Schema{AllProblems: true, Headings: opts.Headings}, indicators.Options{})
	if err == nil {
		err = &indicators.Error{File: path, Msg: msg.New("the workbook has no sheet to check")}
	}
	return err.Error()
}

// defaultSheetNotes is an error when the sheet allocate reads without
// --sheet (the first) is among the notes: allocate would refuse the
// workbook that check finds tables in.
func defaultSheetNotes(path string, notes []report.CheckedFile, opts *checkOptions) []report.CheckedFile {
	schema := indicators.Schema{AllProblems: true, Headings: opts.Headings}
	t, err := readTableFile(path, schema, indicators.Options{})
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
			n.Errors = []string{n.Errors[0] + "; allocate reads this sheet unless --sheet names another"}
			return []report.CheckedFile{n}
		}
	}
	return nil
}

// isNotes says whether err is that of a sheet of notes: it has no unit
// column, and no heading that looks like a misspelt one.
func isNotes(err error) bool {
	var missing *indicators.Error
	return errors.As(err, &missing) && missing.Column == "unit" && missing.Found != nil && missing.Near == ""
}

// namedSheets are the sheets of path to check that the settings name:
// the config's for its data and spending, else --sheet with the
// spending sheet where the workbook has one; none for every sheet.
func (o *checkOptions) namedSheets(path string) ([]string, error) {
	if named, ok := o.FileSheets[path]; ok {
		return named, nil
	}
	if o.Sheet == "" {
		return nil, nil
	}
	named := []string{o.Sheet}
	if o.SpendingSheet == "" || strings.EqualFold(o.SpendingSheet, o.Sheet) || !isWorkbook(path) {
		return named, nil
	}
	all, err := indicators.SheetNames(path)
	if err != nil {
		return nil, inputFileError(err)
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
	if !isWorkbook(path) {
		return []string{""}, nil, nil, nil
	}
	if wb, err = indicators.OpenWorkbook(path); err != nil {
		return nil, nil, nil, inputFileError(err)
	}
	if len(named) > 0 {
		return named, nil, wb, nil
	}
	all, err := wb.Sheets()
	if err != nil {
		wb.Close()
		return nil, nil, nil, inputFileError(err)
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

// readSheet reads a sheet of the workbook opened already, or the file.
func readSheet(path string, schema indicators.Schema, sheet string, wb *indicators.Workbook) (*indicators.Table, error) {
	if wb != nil {
		return wb.Read(schema, indicators.Options{Sheet: sheet})
	}
	return readTableFile(path, schema, indicators.Options{Sheet: sheet})
}

// readForCheck reads whichever of the known columns the table has, with
// every problem collected instead of the first; missing are the errors of
// the weighted columns it lacks.
func readForCheck(path, sheet string, opts *checkOptions, wb *indicators.Workbook) (*indicators.Table, []*indicators.Error, error) {
	keys := slices.Clone(opts.Keys)
	var missing []*indicators.Error
	for {
		schema := indicators.Schema{Indicators: keys, AllowSpending: true, AllProblems: true, Headings: opts.Headings}
		t, err := readSheet(path, schema, sheet, wb)
		var m *indicators.Error
		if err == nil || !errors.As(err, &m) || !slices.Contains(keys, m.Column) {
			return t, missing, inputFileError(err)
		}
		if _, weighted := opts.Formula.Weights[m.Column]; weighted {
			missing = append(missing, m)
		}
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == m.Column })
	}
}

// readResidents reads the table's column of all residents, if it has
// one, for warnings only: allocate does not read it, so nothing in it can
// be an error.
func readResidents(path, sheet string, opts *checkOptions) *indicators.Table {
	schema := indicators.Schema{Indicators: []string{residentsKey}, AllProblems: true, Headings: opts.Headings}
	t, err := readTableFile(path, schema, indicators.Options{Sheet: sheet})
	if err != nil {
		return nil
	}
	return t
}

// checkedFile lists a table's units and totals, its problems and the
// warnings about it alone; residents (may be nil) adds the residents.
func checkedFile(t, residents *indicators.Table) report.CheckedFile {
	f := report.CheckedFile{File: t.File, Sheet: t.Sheet, Keys: slices.Clone(t.Indicators), Headings: maps.Clone(t.Headings)}
	if residents != nil {
		f.Keys = append(f.Keys, residentsKey)
		f.Headings[residentsKey] = residents.Headings[residentsKey]
	}
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
			v := checkValue(t, residents, u, key)
			cu.Values = append(cu.Values, v)
			if v != nil {
				f.Totals[i].Add(f.Totals[i], v)
			}
		}
		f.Units = append(f.Units, cu)
	}
	for _, p := range t.Problems {
		f.Errors = append(f.Errors, p.Error())
	}
	f.Warnings = append(append(append(f.Warnings, partAboveWhole(t, residents)...), lookalikeNames(t)...), hiddenRows(t)...)
	for _, w := range t.Warnings {
		f.Warnings = append(f.Warnings, w.Error())
	}
	if residents != nil {
		for _, p := range residents.Problems {
			if p.Column == residents.Headings[residentsKey] { // the others are t's errors
				f.Warnings = append(f.Warnings, p.Error())
			}
		}
	}
	return f
}

// addCrossWarnings compares the tables with each other and with --against.
func addCrossWarnings(view *report.Check, tables []*indicators.Table, opts *checkOptions) error {
	var old *indicators.Table
	if opts.Against != "" {
		var err error
		if old, _, err = readForCheck(opts.Against, "", opts, nil); err != nil {
			return err
		}
	}
	for i, t := range tables {
		f := fileOf(view, t)
		// Indicator and spending tables that differ are errors already.
		others := slices.DeleteFunc(slices.Delete(slices.Clone(tables), i, i+1), func(o *indicators.Table) bool {
			return isSpendingTable(o, opts) != isSpendingTable(t, opts)
		})
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
