package check

import (
	"errors"
	"io/fs"
	"maps"
	"math/big"

	"github.com/raumbudget/raumbudget/indicators"
)

// Options are the settings of one check, as allocate reads the same tables.
type Options struct {
	Files         []string
	Sheet         string // only this sheet of each workbook, with SpendingSheet where it has one
	SpendingSheet string
	// FileSheets are the sheets of each file named by the config's data
	// and spending, as allocate reads them; a file not in it: every sheet.
	FileSheets map[string][]string
	Against    string   // an older table to compare the values with; "": none
	Threshold  *big.Rat // with Against: a value that moved more than this share is a warning
	// Keys are the weighted indicators, in the model's order: an indicator
	// table must have them all.
	Keys     []string
	Headings map[string]string // extra heading → key, from the config's columns
	Share    *big.Rat          // the indicator share α: below 1, the spending must be there too; nil: 1
	// Model is the model's refusal of a clean indicator table with its
	// spending joined in, as allocate runs it, placed in the table; nil:
	// no refusal is looked for.
	Model func(*indicators.Table) error
	// ReadFile reads a table file, as indicators.ReadFile does (a command
	// shows progress while a large one is read); nil: indicators.ReadFile.
	ReadFile func(string, indicators.Schema, indicators.Options) (*indicators.Table, error)
}

// Result is what a check found in its files.
type Result struct {
	Files []File
}

// File is one table (a CSV file or a sheet of a workbook) with its units
// and totals, or a file or sheet that could not be read as a table, with
// what was found in it.
type File struct {
	File     string
	Sheet    string            // "" for CSV
	Keys     []string          // the columns read: indicators, residents, spending
	Headings map[string]string // key → heading as in the file
	Units    []Unit
	Totals   []*big.Rat // one per key
	// Errors are what allocate refuses; Warnings what is valid but
	// probably wrong; Notes what check recognised about the table's
	// layout (see recognise).
	Errors, Warnings, Notes []*indicators.Error
	TotalRow                int // CSV line or sheet row of the total row left out of the data; 0: none
}

// Unit is a unit and how many rows (Stadtteile, quarters) were summed
// into it.
type Unit struct {
	Name   string
	Rows   int
	Values []*big.Rat // one per key; nil where it could not be read
}

// Counts are the errors and warnings over all files.
func (r *Result) Counts() (errors, warnings int) {
	for _, f := range r.Files {
		errors += len(f.Errors)
		warnings += len(f.Warnings)
	}
	return errors, warnings
}

// Run checks the files of opts. Its error is a file that cannot be read
// at all (missing, not a workbook it claims to be, too large): everything
// found in the tables is in the result.
func Run(opts Options) (*Result, error) {
	c := newChecker(opts)
	var res Result
	var tables []*table
	for _, path := range opts.Files {
		files, read, err := c.file(path)
		if err != nil {
			return nil, err
		}
		res.Files, tables = append(res.Files, files...), append(tables, read...)
	}
	c.crossErrors(&res, tables)
	if err := c.crossWarnings(&res, tables); err != nil {
		return nil, err
	}
	return &res, nil
}

// checker runs one check.
type checker struct {
	opts     Options
	headings map[string]string // the config's, with the residents' headings
	read     func(string, indicators.Schema, indicators.Options) (*indicators.Table, error)
}

func newChecker(opts Options) *checker {
	c := &checker{opts: opts, headings: maps.Clone(opts.Headings), read: opts.ReadFile}
	if c.headings == nil {
		c.headings = map[string]string{}
	}
	maps.Copy(c.headings, residentHeadings)
	if c.read == nil {
		c.read = indicators.ReadFile
	}
	return c
}

// residentHeadings name a column of all residents, against which check
// compares youth and SGB recipients.
var residentHeadings = map[string]string{"residents": residentsKey, "Einwohner": residentsKey,
	"Einwohner gesamt": residentsKey, "Einwohner insgesamt": residentsKey}

// residentsKey is the column of all residents, which allocate does not
// read: check reads it apart, for warnings only.
const residentsKey = "residents"

// unreadable says whether err is a file that cannot be opened, which ends
// the check instead of being one of its findings.
func unreadable(err error) bool {
	var pathErr *fs.PathError
	return errors.As(err, &pathErr)
}

// finding is err as a finding: the *indicators.Error it is or wraps, else
// one that carries err's text.
func finding(err error) *indicators.Error {
	var e *indicators.Error
	if errors.As(err, &e) && e.Error() == err.Error() {
		return e
	}
	return &indicators.Error{Msg: err.Error()}
}
