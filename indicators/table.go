package indicators

import (
	"io"
	"math/big"
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/xlsx"
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
	// HeadingRow is the CSV line or xlsx row of the heading row: the first
	// of the first 20 rows that holds the unit's heading and a heading of
	// another column the tool knows.
	HeadingRow int
	// Titles are the rows above the heading row, which were left out: a
	// title, notes, a date, in order.
	Titles []Note
	// Notes are the rows below the table, after an empty row, which were
	// left out: "Quelle: IT.NRW, Stand 31.12.2025", "* vorläufige Werte".
	// They hold text in the columns left of the values only.
	Notes []Note
	// Warnings are about the table as a whole: the sheet read is hidden
	// in Excel (taken only when Options.Sheet names it).
	Warnings []*Error

	xlsx       bool
	cols       map[string]int // key -> column index, from 0
	headerLine int            // CSV line or xlsx row of the header
	deep       bool           // the search for the heading row stopped at headingRows
	width      int            // the header's cells up to its last heading; cells right of it have none

	// After JoinSpending, spending comes from another table; errors about
	// it must point there.
	spending     *Table
	spendingUnit []int // data unit -> unit in spending
}

// Note is a row of text that is not part of the table, above or below it.
type Note struct {
	Line int    // CSV line or xlsx row
	Cell string // xlsx: the cell of its first text, "A1"; "" for CSV
	Text string // the texts of its cells, joined by spaces
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
	formula formulaState
}

// formulaState says whether an empty cell holds a formula, and why its
// value is empty (see xlsx.Formula).
type formulaState = xlsx.Formula

const (
	noFormula    = xlsx.NoFormula
	uncalculated = xlsx.Uncalculated // never calculated: written by a script, not saved by Excel
	emptyResult  = xlsx.EmptyResult  // calculated, and its result is empty text, as of =WENN(...;"")
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
	header, above, err := t.header(src, schema)
	if err != nil {
		return nil, err
	}
	if err := t.findColumns(header, schema); err != nil {
		return nil, err
	}
	if err := t.aboveHeading(above, schema.AllProblems); err != nil {
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

// headingRows are the rows searched for the heading row: a statistics
// office's title and notes take a few; a table whose heading lies deeper
// is more likely another sheet than the one meant.
const headingRows = 20

// aboveRow is a row above the heading row, copied.
type aboveRow struct {
	line  int
	cells []string
}

// header returns the heading row: the first row within the first
// headingRows that is one (see isHeadingRow), with the non-blank rows
// above it. Without one, it returns the row among them that looks most
// like a heading row, whose missing unit column is then the error (its
// headings are listed, a misspelt one suggested).
func (t *Table) header(src source, schema Schema) ([]string, []aboveRow, error) {
	keys := headingKeys(schema)
	var above []aboveRow
	for {
		cells, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if blankRow(cells) {
			continue
		}
		line := src.line(0)
		if line > headingRows {
			t.deep = true
			break
		}
		if isHeadingRow(cells, keys) {
			t.setHeader(line, cells)
			return cells, above, nil
		}
		above = append(above, aboveRow{line, cloneCells(cells)})
	}
	switch {
	case len(above) == 0 && t.deep:
		text := msg.New("rows 1–%d are empty; the heading row (with a heading like %s) must be one of them", headingRows, named(example(keyUnit, schema)))
		return nil, nil, &Error{File: t.File, Sheet: t.Sheet, Msg: text}
	case len(above) == 0:
		return nil, nil, &Error{File: t.File, Sheet: t.Sheet, Msg: msg.New("no header row; the table is empty")}
	}
	r := above[likelyHeader(above, schema)]
	t.setHeader(r.line, r.cells)
	return r.cells, nil, nil
}

func (t *Table) setHeader(line int, cells []string) {
	t.headerLine, t.HeadingRow, t.width = line, line, headedWidth(cells)
}

// isHeadingRow says whether the row holds a heading of the unit column
// and one of another column the tool knows. A row that names the unit
// column only is a title, or a line of a sheet of notes that explains the
// columns ("Bezirksstelle | Name der Bezirksstelle …").
func isHeadingRow(cells []string, keys map[string]string) bool {
	unit, other := false, false
	for _, c := range cells {
		if c = trimSpace(c); c == "" || len(c) > maxHeading {
			continue
		}
		switch keys[normHeading(c)] {
		case "":
		case keyUnit:
			unit = true
		default:
			other = true
		}
	}
	return unit && other
}

// maxHeading bounds the cells looked up as headings: longer ones are text.
const maxHeading = 100

// likelyHeader picks, among rows without the unit's heading, the one to
// report as the heading row: the first with a misspelt unit heading, else
// the first with the most cells, as a heading row has one per column and
// a title one.
func likelyHeader(rows []aboveRow, schema Schema) int {
	best, most := 0, -1
	for i, r := range rows {
		if col, _ := nearHeading(r.cells, keyUnit, schema); col >= 0 {
			return i
		}
		if n := filledCells(r.cells); n > most {
			best, most = i, n
		}
	}
	return best
}

func filledCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if trimSpace(c) != "" {
			n++
		}
	}
	return n
}

// cloneCells copies a row, which the source reuses for the next.
func cloneCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.Clone(c)
	}
	return out
}

// aboveHeading takes the rows above the heading row as Titles, unless
// one holds a number in a column of values: that is a data row, as when
// the table was sorted with its heading row, and leaving it out would
// drop it without a word.
func (t *Table) aboveHeading(above []aboveRow, all bool) error {
	for _, r := range above {
		if key, s := t.valueIn(r.cells); key != "" {
			err := t.errorAt(r.line, key, msg.New("%s is a number above the heading row (%s); only a title and notes may stand above it", cellText(s), t.lineRef(t.headerLine)))
			if !all {
				return err
			}
			t.Problems = append(t.Problems, err)
			continue
		}
		t.Titles = append(t.Titles, t.note(r.line, r.cells))
	}
	return nil
}

// valueIn returns the first column of values (indicator or spending) in
// which the row holds a number, with its text; "" if none.
func (t *Table) valueIn(cells []string) (key, text string) {
	for _, key := range append(slices.Clone(t.Indicators), keySpending) {
		col, ok := t.cols[key]
		if !ok {
			continue
		}
		if s := trimSpace(cell(cells, col)); s != "" && isNumber(s) {
			return key, s
		}
	}
	return "", ""
}

// isNumber says whether s reads as a number by any of the rules.
func isNumber(s string) bool {
	for _, d := range []Dialect{German, English, Machine} {
		if _, err := ParseNumber(s, d); err == nil {
			return true
		}
	}
	return false
}

// note makes a Note of a row's non-empty cells.
func (t *Table) note(line int, cells []string) Note {
	n := Note{Line: line}
	var texts []string
	for col, c := range cells {
		c = trimSpace(c)
		if c == "" {
			continue
		}
		if n.Cell == "" && t.xlsx {
			n.Cell = cellName(col, line)
		}
		texts = append(texts, c)
	}
	n.Text = oneLine(strings.Join(texts, " "))
	return n
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
