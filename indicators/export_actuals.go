package indicators

import (
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/xlsx"
)

// This file exports the readers' primitives for tables that are not
// indicator tables, such as the actual spending (Ist) that package actuals
// streams row by row: the same CSV dialects and encodings, the same sheet
// scanner, the same number rules and the same places in messages.

// RowReader streams the rows of one table, CSV or a sheet of a workbook,
// without summing them. Its cells are untrimmed and valid until the next
// call of Next.
type RowReader struct {
	src   source
	file  string
	sheet string
	xlsx  *xlsxSource
	done  func() error // waits for the workbook's check; nil for CSV
}

// OpenRows opens the table of r, named name (for the format and messages),
// as Read does: CSV in any of Excel's encodings and dialects, or the sheet
// opt.Sheet (or the first) of a workbook. Close must be called; it reports
// a damaged workbook found beside the read.
func OpenRows(r io.ReadSeeker, name string, opt Options) (*RowReader, error) {
	isXLSX, err := detectFormat(r, name)
	if err != nil {
		return nil, err
	}
	if isXLSX {
		return openSheetRows(r, name, opt)
	}
	src, err := openCSV(r, name)
	if err != nil {
		return nil, err
	}
	return &RowReader{src: src, file: name}, nil
}

// openSheetRows opens a sheet as readXLSX does, its parts proved sound
// beside the read.
func openSheetRows(r io.ReadSeeker, name string, opt Options) (*RowReader, error) {
	w, err := openXLSX(r, name)
	if err != nil {
		return nil, err
	}
	fail := func(e *Error) (*RowReader, error) {
		if verr := w.sound(); verr != nil {
			return nil, verr
		}
		return nil, e
	}
	sheets := w.book.Sheets()
	i, err := pickSheet(sheets, name, opt.Sheet)
	if err != nil {
		return fail(err.(*Error))
	}
	rows, err := w.book.Rows(i)
	if err != nil {
		return fail(&Error{File: name, Sheet: sheets[i].Name, Msg: msg.New("cannot read the sheet: %v", err)})
	}
	src := &xlsxSource{book: w.book, index: i, rows: rows, sheet: sheets[i].Name, file: name, datesAsNumbers: true}
	done := func() error {
		// The sheet's part, streamed once, is proved sound by reading it
		// to its end; the other parts beside the read.
		derr := xlsx.Damaged(rows.Finish())
		rows.Close()
		if verr := w.sound(); verr != nil {
			return verr
		}
		if derr != nil {
			return &Error{File: name, Msg: textOf(derr)}
		}
		return nil
	}
	return &RowReader{src: src, file: name, sheet: src.sheet, xlsx: src, done: done}, nil
}

// Next returns the cells of the next row, or io.EOF; a broken file is an
// *Error.
func (r *RowReader) Next() ([]string, error) {
	return r.src.next()
}

// Line is the CSV line (header = 1) or the sheet row of cell col of the
// current row.
func (r *RowReader) Line(col int) int {
	return r.src.line(col)
}

// Sheet is the sheet read, "" for CSV.
func (r *RowReader) Sheet() string {
	return r.sheet
}

// Dialect says how to read the number text s of cell col, or why it
// cannot be read (a shared string that reads two ways).
func (r *RowReader) Dialect(col int, s string) (Dialect, error) {
	return r.src.dialect(col, s)
}

// IsNumberCell says whether cell col of the current row is a number cell of
// a workbook, as Excel keeps dates: the count of days since 1899-12-30,
// whatever its number format shows. A date as text (t="d") is not.
func (r *RowReader) IsNumberCell(col int) bool {
	if r.xlsx == nil {
		return false
	}
	k := r.xlsx.rows.Kind(col)
	return k == xlsx.Number || k == xlsx.DateValue
}

// ErrorAt places m at cell col of the current row, whose column is headed
// column: the CSV line or the sheet's cell.
func (r *RowReader) ErrorAt(col int, column string, m msg.Text) *Error {
	e := &Error{File: r.file, Column: column, Msg: m}
	if r.xlsx == nil {
		e.Line = r.src.line(col)
		return e
	}
	e.Sheet, e.Cell = r.sheet, cellName(col, r.src.line(col))
	return e
}

// Close ends the read; for a workbook it returns the error of a damaged
// part, which makes whatever the read found void.
func (r *RowReader) Close() error {
	if r.done == nil {
		return nil
	}
	return r.done()
}

// NormHeading reduces a heading as the table reader matches it: without
// case, spaces and underscores, "²" as "2", dashes as "-".
func NormHeading(s string) string {
	return normHeading(s)
}

// TrimCell trims a cell as the table reader does, also of the byte order
// marks and zero width spaces that exports leave.
func TrimCell(s string) string {
	return trimSpace(s)
}

// NumberParser parses numbers as ParseNumber does, keeping its buffers
// between calls so that a reader of millions of rows does not allocate
// for every cell.
type NumberParser struct {
	p numParser
}

// Decimal parses s exactly into n / 10^scale (scale ≥ 0), negative if neg.
// n is the parser's own and valid until the next call.
func (np *NumberParser) Decimal(s string, d Dialect) (n *big.Int, scale int, neg bool, err error) {
	neg, err = np.p.value(s, d)
	if err != nil {
		return nil, 0, false, err
	}
	return &np.p.num, np.p.scale, neg, nil
}
