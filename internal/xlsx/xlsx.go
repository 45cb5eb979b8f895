// Package xlsx reads xlsx workbooks: their sheets, streamed row by row
// as typed cells, with limits against zip bombs and proof that every part
// is sound.
//
// It is the project's one reader of workbooks; excelize writes them. A
// sheet is streamed from the zip with a scanner of its own (see Rows), so
// that memory grows with the shared strings and the widest row, not with
// the rows. Every part is unpacked once: the sheets read and the shared
// strings by their reads, to their end, the others beside them (see
// Workbook.Sound). A workbook that unpacks to more than 4 GiB, or holds a
// part that packs more tightly than a table does, is refused from its zip
// directory before anything is unpacked.
//
// Errors are sentences of the catalogue (internal/msg), so that a German
// run says them in German; an error of Rows.Next names its cell (Cell).
package xlsx

import (
	"archive/zip"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Workbook is an xlsx workbook opened for reading one or more of its
// sheets: its zip directory, its list of sheets, the proof that its parts
// are sound, its shared strings and its styles are read once, however
// many sheets are read.
type Workbook struct {
	r      io.ReadSeeker
	parts  workbookParts
	sheets []workbookSheet
	sound  *verification

	sst       sharedTable
	sstErr    error
	sstDone   bool
	dates     []bool
	datesErr  error
	datesDone bool
}

// Sheet is a sheet of a workbook.
type Sheet struct {
	Name   string
	Hidden bool // hidden or very hidden in Excel
}

// ErrTooLarge is the error of Open for a file over its bound.
var ErrTooLarge = errors.New("the file is too large")

// ErrOpenDocument is the error of Open for an OpenDocument spreadsheet
// (.ods): a zip too, but without a workbook.
var ErrOpenDocument = errors.New("an OpenDocument spreadsheet")

// Open reads the zip directory of the workbook of at most maxSize bytes
// and its list of sheets, and starts the proof that its parts are sound,
// on another goroutine if r is an io.ReaderAt (whose ReadAt may be called
// in parallel). A damaged workbook is an error, even one that makes the
// zip or XML library panic.
func Open(r io.ReadSeeker, maxSize int64) (w *Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			w, err = nil, msg.Errorf("cannot read the workbook: %v", p)
		}
	}()
	zr, err := openZip(r, maxSize)
	if err != nil {
		return nil, err
	}
	if isOpenDocument(zr) {
		return nil, ErrOpenDocument
	}
	w = &Workbook{r: r, parts: zipParts(zr)}
	w.sheets, err = w.parts.sheets()
	if err != nil {
		if verr := verify(r, zr.File, nil).wait(); verr != nil {
			return nil, verr
		}
		return nil, msg.Errorf("cannot read the workbook: %v", err)
	}
	w.sound = verify(r, zr.File, w.parts.streamed(w.sheets))
	return w, nil
}

// Sheets lists the sheets in order.
func (w *Workbook) Sheets() []Sheet {
	sheets := make([]Sheet, len(w.sheets))
	for i, s := range w.sheets {
		sheets[i] = Sheet{s.name, s.hidden}
	}
	return sheets
}

// Sound waits for the proof that the parts not read as sheets are sound,
// and returns its error: a damaged part. The sheets and the shared strings
// are proved by their reads (see Rows.Finish).
func (w *Workbook) Sound() error {
	return w.sound.wait()
}

// Rows opens sheet i (of Sheets) for reading row by row, from the zip,
// which is read at offsets: a sheet may be open several times at once.
// The shared strings are read on the first that a sheet needs.
func (w *Workbook) Rows(i int) (*Rows, error) {
	if !w.datesDone {
		w.dates, w.datesErr, w.datesDone = nil, nil, true
		w.dates, w.datesErr = w.parts.dateStyles()
	}
	if w.datesErr != nil {
		return nil, w.datesErr
	}
	r, err := w.parts.openSheet(w.sheets[i])
	if err != nil {
		return nil, err
	}
	r.dates = w.dates
	r.loadSST = func() (sharedTable, error) {
		if !w.sstDone {
			w.sst, w.sstErr = w.parts.sharedStrings()
			w.sstDone = true
		}
		return w.sst, w.sstErr
	}
	return r, nil
}

// Next reads the next row; io.EOF after the last. An error that lies in a
// cell names it (Cell).
func (s *Rows) Next() error { return s.read() }

// Row is the number of the current row, from 1.
func (s *Rows) Row() int { return s.row }

// Hidden says whether the current row is hidden in Excel (by hand, by a
// filter or in a collapsed group).
func (s *Rows) Hidden() bool { return s.hidden }

// Cells are the values of the current row, from column A to its last
// cell with a value: numbers as Excel stores them ("1234.5"), booleans 1
// and 0, text, the cached result of a formula. They are valid until the
// next row.
func (s *Rows) Cells() []string { return s.cells }

// Kind is the kind of cell col (from 0) of the current row.
func (s *Rows) Kind(col int) Kind { return s.kind(col) }

// Formula says whether cell col (from 0) of the current row, which has
// no value, holds a formula, and whether a result was saved.
func (s *Rows) Formula(col int) Formula { return s.formulaAt(col) }

// Progress is how far the read has got in the sheet's part, unpacked, of
// its size.
func (s *Rows) Progress() (read, size int64) {
	if s.part != nil {
		return s.part.n, s.part.size
	}
	return 0, 0
}

// Finish reads the sheet's part to its end, which proves it sound, and
// returns the error of a damaged part (see Damaged), whatever the read
// found; nil if it is sound.
func (s *Rows) Finish() error { return s.finishPart() }

// Close closes the sheet's part.
func (s *Rows) Close() { s.close() }

// Cell is the cell (A1) in which the error of Rows.Next lies; "" if none.
func Cell(err error) string {
	var ce *cellError
	if errors.As(err, &ce) {
		return ce.cell
	}
	return ""
}

// Range is a range of merged cells, whose text only its top-left cell
// holds in the file, while Excel shows it over the whole range.
type Range struct {
	Ref                      string // "A2:A5"
	Left, Top, Right, Bottom int    // from 1
}

// Contains says whether the cell of column col and row (from 1) lies in r.
func (r Range) Contains(col, row int) bool {
	return r.Left <= col && col <= r.Right && r.Top <= row && row <= r.Bottom
}

// MergedCells reads the ranges of merged cells of sheet i, which follow
// its rows in the part, in one more pass over it: the reads of the rows
// do not need them, only the way to an error does. What cannot be read is
// left out, as a read of the rows reports it.
func (w *Workbook) MergedCells(i int) []Range {
	f := w.parts[w.sheets[i].part]
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	var list []Range
	for {
		k, err := x.next()
		if err != nil {
			return list
		}
		if k == tagStart && x.main && string(x.name) == "mergeCell" && x.parseAttrs() == nil {
			if ref, ok, _ := x.attr("ref"); ok {
				if r, ok := parseRange(string(ref)); ok {
					list = append(list, r)
				}
			}
		}
	}
}

// parseRange reads a range such as "A2:B5", or a single cell.
func parseRange(ref string) (Range, bool) {
	start, end, ok := strings.Cut(ref, ":")
	if !ok {
		end = start
	}
	left, top, err1 := cellCoordinates([]byte(start))
	right, bottom, err2 := cellCoordinates([]byte(end))
	if err1 != nil || err2 != nil {
		return Range{}, false
	}
	return Range{ref, min(left, right), min(top, bottom), max(left, right), max(top, bottom)}, true
}

// CellName is the A1 name of the cell of column col and row, both from 1;
// "" if the cell lies outside Excel's sheet.
func CellName(col, row int) string {
	return cellName(col-1, row)
}

// cellName is CellName of a column from 0.
func cellName(col, row int) string {
	if col < 0 || col >= MaxColumns || row < 1 || row > MaxRows {
		return ""
	}
	var b [3]byte
	i := len(b)
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		i--
		b[i] = 'A' + byte((n-1)%26)
	}
	return string(b[i:]) + strconv.Itoa(row)
}

// odsMimeType starts the "mimetype" part of an OpenDocument file; that
// of a spreadsheet ends in ".spreadsheet".
const odsMimeType = "application/vnd.oasis.opendocument."

// isOpenDocument says whether the zip is an OpenDocument file, such as a
// LibreOffice spreadsheet (.ods) renamed .xlsx, which would read as a
// workbook without sheets.
func isOpenDocument(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if f.Name != "mimetype" || f.UncompressedSize64 > 100 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false // the verification says what is wrong
		}
		b, _ := io.ReadAll(io.LimitReader(rc, 100))
		rc.Close()
		if strings.HasPrefix(string(b), odsMimeType) {
			return true
		}
	}
	return false
}
