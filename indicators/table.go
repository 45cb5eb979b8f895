package indicators

import (
	"io"
	"math/big"
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
	// EndAtTotal ends the table at its total row ("Summe"), as in the
	// allocation sheet of the tool's own reports, instead of refusing it.
	EndAtTotal bool
}

// Options select what to read from a file.
type Options struct {
	Sheet string // xlsx: sheet name; "" = first sheet
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
}

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
	b := newBuilder(t, src)
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
		if err := b.add(cells); err != nil {
			return nil, err
		}
	}
	if len(t.Units) == 0 {
		return nil, t.errorAt(t.headerLine, "", "no data rows below the header")
	}
	b.finish()
	return t, nil
}

// header returns the first row that is not blank.
func (t *Table) header(src source) ([]string, error) {
	for {
		cells, err := src.next()
		if err == io.EOF {
			return nil, &Error{File: t.File, Sheet: t.Sheet, Msg: "no header row; the table is empty"}
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
