package indicators

import (
	"io"
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Schema says which columns a table must have.
type Schema struct {
	Indicators    []string          // indicator keys that must be present as columns, in this order (e.g. "youth_0_18")
	NeedSpending  bool              // the spending column "spending_prior_year" must be present
	AllowSpending bool              // if the column is present but not needed, read it anyway (for display); if false and present, ignore it
	Headings      map[string]string // extra heading -> key mappings from the user's config (heading matched normalised)
	// LatestPeriod reads, when the table has a period column ("Quartal"),
	// only the rows of its latest period, as of a plan's output.
	LatestPeriod bool
	// Period, with LatestPeriod, reads the rows of this period instead of
	// the latest; a table with a period column but no row of it is an error.
	Period string
	// EndAtTotal ends the table at its total row ("Summe"), as in the
	// allocation sheet of the tool's own reports, instead of refusing it.
	EndAtTotal bool
	// AllProblems reads on past bad rows, for a check of the whole table:
	// their problems go to Table.Problems and the read succeeds. Problems
	// that leave nothing to check (no header, a missing or duplicated
	// column, a file that is not a workbook or cannot be read) still end
	// the read with an error.
	AllProblems bool
}

// Options select what to read from a file.
type Options struct {
	Sheet string // xlsx: sheet name; "" = first sheet
	// Period is, for ReadPrevious, the quarter to read out of a plan's
	// output ("2026-Q2"); "" = its last.
	Period string
}

// Table is an indicator or spending table, summed per unit.
type Table struct {
	File        string            // the file name as given by the user (used in messages)
	Sheet       string            // xlsx sheet actually read, "" for CSV
	Indicators  []string          // = Schema.Indicators
	Headings    map[string]string // key -> heading text as found in the file, for "unit", "area", the indicators and "spending_prior_year" when read
	HasArea     bool
	HasSpending bool
	Period      string // the period read, with Schema.LatestPeriod and a period column
	Units       []Unit // in order of first appearance

	// Problems are the bad-input errors of the rows, in file order, with
	// Schema.AllProblems; their rows are left out of Units, so a table
	// with problems is for reporting them, not for allocating. After 1000
	// problems, one more entry says there are more and the read stops.
	Problems []*Error
	// HiddenRows are the sheet rows (xlsx) that carry data but are hidden
	// in Excel, by hand, a filter or a collapsed group, in order. They are
	// read like the others, as Excel's sums count them, but a user who
	// checks the table against the screen does not see them.
	HiddenRows []int
	// TotalRow is the CSV line or xlsx row of a total row at the end of
	// the table, which was taken out of the data because its values are
	// the sums of the rows above; 0 if there is none.
	TotalRow int
	// Warnings are about the table as a whole: the sheet read is hidden
	// in Excel (taken only when Options.Sheet names it).
	Warnings []*Error

	xlsx       bool
	cols       map[string]int // key -> column index, from 0
	headerLine int            // CSV line or xlsx row of the header
	width      int            // the header's cells up to its last heading; cells right of it have none

	// After JoinSpending, spending comes from another table; errors about
	// it must point there.
	spending     *Table
	spendingUnit []int // data unit -> unit in spending
}

// Unit is one allocation unit (Bezirksstelle) with its summed values.
type Unit struct {
	Name     string
	Values   []*big.Rat // one per Table.Indicators, summed over the unit's rows
	Spending *big.Rat   // nil when the table has no spending column
	Rows     int        // number of data rows summed into this unit
	Line     int        // CSV: line of the unit's first row (header = line 1); xlsx: row number of the first row
}

// source is a stream of rows, from CSV or from an xlsx sheet.
type source interface {
	// next returns the cells of the next row, untrimmed, or io.EOF.
	next() ([]string, error)
	// line returns where cell col of the current row is: CSV line or xlsx row.
	line(col int) int
	// dialect says how to read the text s of cell col of the current row,
	// or why it cannot be read.
	dialect(col int, s string) (Dialect, error)
	// noHeading is the error for cell col of the current row, which lies
	// right of the last heading.
	noHeading(col int) *Error
	// hidden says whether the current row is hidden (xlsx).
	hidden() bool
	// empty tells what Excel shows in cell col of the current row, which
	// reads as empty; it is asked only on the way to an error.
	empty(col int) emptyCell
}

// emptyCell is what Excel shows in a cell that reads as empty.
type emptyCell struct {
	merged  string // the merged cells that hold it, e.g. "A2:A5"; "" if none
	above   bool   // they start above it in its column, so Excel shows their text there
	top     int    // the row they start in
	text    string // the text of their top-left cell
	formula formulaState
}

// formulaState says whether an empty cell holds a formula, and why its
// value is empty.
type formulaState int

const (
	noFormula    formulaState = iota
	uncalculated              // never calculated: written by a script, not saved by Excel
	emptyResult               // calculated, and its result is empty text, as of =WENN(...;"")
)

func newTable(file, sheet string, schema Schema) *Table {
	return &Table{
		File:       file,
		Sheet:      sheet,
		Indicators: append([]string(nil), schema.Indicators...),
		Headings:   map[string]string{},
		xlsx:       sheet != "",
		cols:       map[string]int{},
	}
}

// read reads the header and sums the data rows of src into t.
func (t *Table) read(src source, schema Schema) (*Table, error) {
	header, err := t.header(src)
	if err != nil {
		return nil, err
	}
	if err := t.findColumns(header, schema); err != nil {
		return nil, err
	}
	b := newBuilder(t, src, schema.AllProblems)
	b.period.want = strings.ToUpper(strings.TrimSpace(schema.Period))
	for {
		cells, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if schema.EndAtTotal && isTotal(cell(cells, b.unitCol)) {
			break
		}
		if err := b.add(cells); err == errEnough {
			break
		} else if err != nil {
			return nil, err
		}
	}
	b.finish()
	if err := b.totals(); err != nil {
		return nil, err
	}
	if b.period.want != "" && b.period.col >= 0 && t.Period == "" && len(t.Problems) == 0 {
		return nil, t.errorAt(t.headerLine, keyPeriod, msg.New("no rows of the quarter %s", b.period.want))
	}
	if len(t.Units) == 0 && len(t.Problems) == 0 {
		return nil, t.errorAt(t.headerLine, "", msg.New("no data rows below the header"))
	}
	return t, nil
}

// header returns the first row that is not blank.
func (t *Table) header(src source) ([]string, error) {
	for {
		cells, err := src.next()
		if err == io.EOF {
			return nil, &Error{File: t.File, Sheet: t.Sheet, Msg: msg.New("no header row; the table is empty")}
		}
		if err != nil {
			return nil, err
		}
		if !blankRow(cells) {
			t.headerLine, t.width = src.line(0), headedWidth(cells)
			return cells, nil
		}
	}
}

// headedWidth returns the number of header cells up to the last one with
// a heading. Empty headings before it are spacer columns.
func headedWidth(header []string) int {
	for n := len(header); n > 0; n-- {
		if trimSpace(header[n-1]) != "" {
			return n
		}
	}
	return 0
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if trimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cell returns cell col, or "" when the row is shorter.
func cell(cells []string, col int) string {
	if col < 0 || col >= len(cells) {
		return ""
	}
	return cells[col]
}
