package indicators

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// readXLSX reads one sheet of a workbook.
func readXLSX(r io.ReadSeeker, name string, schema Schema, opt Options) (*Table, error) {
	w, err := openXLSX(r, name)
	if err != nil {
		return nil, err
	}
	return w.Read(schema, opt)
}

// Workbook is an xlsx workbook opened for reading one or more of its
// sheets: its zip directory, its list of sheets, the proof that its parts
// are sound, its shared strings and its styles are read once, however
// many sheets are read (check reads every one).
type Workbook struct {
	r      io.ReadSeeker
	file   *os.File // to close, if OpenWorkbook opened it
	name   string
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

// OpenWorkbook opens the workbook at path, with the limits and checks of
// Read.
func OpenWorkbook(path string) (*Workbook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, OpenError(path, err)
	}
	rf, err := regular(f, path)
	if rf != f {
		f.Close()
	}
	if err != nil {
		return nil, err
	}
	if _, err := detectFormat(rf, path); err != nil {
		rf.Close()
		return nil, err
	}
	w, err := openXLSX(rf, path)
	if err != nil {
		rf.Close()
		return nil, err
	}
	w.file = rf
	return w, nil
}

// openXLSX reads the zip directory and the list of sheets, and starts the
// proof that the parts are sound (see checkZip).
func openXLSX(r io.ReadSeeker, name string) (w *Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			w, err = nil, &Error{File: name, Msg: msg.New("cannot read the workbook: %v", p)}
		}
	}()
	zr, err := openZip(r, name)
	if err != nil {
		return nil, err
	}
	if err := notOpenDocument(zr, name); err != nil {
		return nil, err
	}
	w = &Workbook{r: r, name: name, parts: zipParts(zr)}
	w.sheets, err = w.parts.sheets()
	if err != nil {
		if verr := verify(r, zr.File, name, nil).wait(); verr != nil {
			return nil, verr
		}
		return nil, &Error{File: name, Msg: msg.New("cannot read the workbook: %v", err)}
	}
	w.sound = verify(r, zr.File, name, w.parts.streamed(w.sheets))
	return w, nil
}

// Close closes the file that OpenWorkbook opened, when its parts have
// been proved.
func (w *Workbook) Close() error {
	w.sound.wait()
	if w.file != nil {
		return w.file.Close()
	}
	return nil
}

// Sheets lists the sheets in order; a damaged workbook is an error.
func (w *Workbook) Sheets() ([]Sheet, error) {
	if err := w.sound.wait(); err != nil {
		return nil, err
	}
	sheets := make([]Sheet, len(w.sheets))
	for i, s := range w.sheets {
		sheets[i] = Sheet{s.name, s.hidden}
	}
	return sheets, nil
}

// Read reads one sheet, row by row, from the zip; only the lookups on the
// way to an error open the workbook with excelize. The parts are proved
// sound beside the read, and a damaged part is the error, whatever the
// read found. A damaged workbook must end in an *Error like any bad
// input, even if it makes the workbook library panic.
func (w *Workbook) Read(schema Schema, opt Options) (t *Table, err error) {
	name := w.name
	var rows *sheetReader
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &Error{File: name, Msg: msg.New("cannot read the workbook: %v", p)}
		}
		if rows != nil {
			// The sheet's part, streamed once, is proved sound by
			// reading it to its end; the shared strings were when read.
			if derr := rows.finishPart(); derr != nil {
				err = derr
			}
			rows.close()
		}
		if derr := damaged(name, err); derr != nil {
			t, err = nil, derr
		}
		if verr := w.sound.wait(); verr != nil {
			t, err = nil, verr
		}
	}()
	if err := checkSchema(name, schema); err != nil {
		return nil, err
	}
	i, err := pickSheet(w.sheets, name, opt.Sheet)
	if err != nil {
		return nil, err
	}
	sheet := w.sheets[i].name
	rows, err = w.openSheet(w.sheets[i])
	if err != nil {
		return nil, &Error{File: name, Sheet: sheet, Msg: msg.New("cannot read the sheet: %v", err)}
	}
	src := &xlsxSource{r: w.r, sound: w.sound, rows: rows, sheet: sheet, file: name}
	src.reopen = func() (*sheetReader, error) { return w.openSheet(w.sheets[i]) }
	if part := w.parts[w.sheets[i].part]; part.UncompressedSize64 > largeSheet {
		src.large = func() (io.ReadCloser, error) { return part.Open() }
	}
	defer src.close()
	t = newTable(name, sheet, schema)
	if w.sheets[i].hidden {
		t.Warnings = append(t.Warnings, &Error{File: name, Sheet: sheet, Msg: msg.New("the sheet is hidden in Excel; it is read because it was asked for by name")})
	}
	return t.read(src, schema)
}

// openSheet opens the part of a sheet, with the workbook's shared
// strings, read on the first that a sheet needs, and its styles.
func (w *Workbook) openSheet(s workbookSheet) (*sheetReader, error) {
	if !w.datesDone {
		w.dates, w.datesErr, w.datesDone = nil, nil, true
		w.dates, w.datesErr = w.parts.dateStyles()
	}
	if w.datesErr != nil {
		return nil, w.datesErr
	}
	r, err := w.parts.openSheet(s)
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

// odsMimeType starts the "mimetype" part of an OpenDocument file; that
// of a spreadsheet ends in ".spreadsheet".
const odsMimeType = "application/vnd.oasis.opendocument."

// notOpenDocument refuses an OpenDocument file, such as a LibreOffice
// spreadsheet (.ods) renamed .xlsx: a zip too, but without a workbook,
// which would read as one without sheets.
func notOpenDocument(zr *zip.Reader, name string) error {
	for _, f := range zr.File {
		if f.Name != "mimetype" || f.UncompressedSize64 > 100 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil // the verification says what is wrong
		}
		b, _ := io.ReadAll(io.LimitReader(rc, 100))
		rc.Close()
		if strings.HasPrefix(string(b), odsMimeType) {
			return &Error{File: name, Msg: msg.New("an OpenDocument spreadsheet (.ods), not an xlsx workbook; save it in LibreOffice as Excel 2007-365 (.xlsx)")}
		}
	}
	return nil
}

// pickSheet returns the index of the sheet, whose name Excel compares
// without case, or of the first sheet that is not hidden. A hidden sheet
// is taken only by name: a very hidden one, which no menu of Excel shows,
// could hold other figures than those the user sees.
func pickSheet(sheets []workbookSheet, file, want string) (int, error) {
	if len(sheets) == 0 {
		return 0, &Error{File: file, Msg: msg.New("the workbook has no sheets")}
	}
	if want == "" {
		for i, s := range sheets {
			if !s.hidden {
				return i, nil
			}
		}
		return 0, &Error{File: file, Msg: msg.New("every sheet of the workbook is hidden in Excel; name the one to read (--sheet)")}
	}
	for i, s := range sheets {
		if strings.EqualFold(s.name, want) {
			return i, nil
		}
	}
	names := make(joined, len(sheets))
	for i, s := range sheets {
		names[i] = named(s.name)
		if s.hidden {
			names[i] = msg.New("%s (hidden)", named(s.name))
		}
	}
	return 0, &Error{File: file, Msg: msg.New("no sheet %s; the workbook has %s", named(want), names)}
}

// xlsxSource streams the rows of a sheet. Its raw cell values are numbers
// as Excel stores them ("1234.5") or the text of text cells; excelize
// serves the lookups on the way to an error.
type xlsxSource struct {
	r      io.ReadSeeker
	sound  *verification
	rows   *sheetReader
	sheet  string
	file   string
	f      *excelize.File // see excel
	failed bool           // excelize could not open the workbook
	merges []mergedCells  // see empty; nil until first needed
	// large, if not nil, opens the sheet's part again: a sheet too large
	// for excelize's lookups, which decode the whole of it (a 36 MB
	// workbook took 3.5 GB), is looked up in the stream instead.
	large func() (io.ReadCloser, error)
	// reopen opens the sheet again, for a second read beside this one.
	reopen func() (*sheetReader, error)
}

// progress is as far as the read has got in the sheet's part, unpacked.
func (s *xlsxSource) progress() (int64, int64) {
	if p := s.rows.part; p != nil {
		return p.n, p.size
	}
	return 0, 0
}

// rewind opens the sheet again from its start, from the zip, which is read
// at offsets: the reads do not disturb each other.
func (s *xlsxSource) rewind() (source, func() error, error) {
	rows, err := s.reopen()
	if err != nil {
		return nil, nil, err
	}
	src := &xlsxSource{r: s.r, sound: s.sound, rows: rows, sheet: s.sheet, file: s.file, large: s.large, reopen: s.reopen}
	done := func() error {
		rows.close()
		src.close()
		return nil
	}
	return src, done, nil
}

// largeSheet is the size of a sheet's part above which its lookups are
// made from the stream: excelize takes a part this large some seconds
// and hundreds of MB.
var largeSheet uint64 = 8 << 20 // a variable for the tests

// excel opens the workbook with excelize, on the first lookup, once its
// parts are proved sound; nil if it cannot. It loads the whole workbook,
// which is fine on the way to an error.
func (s *xlsxSource) excel() *excelize.File {
	if s.f == nil && !s.failed {
		s.failed = true
		if s.sound.wait() == nil {
			f, err := openChecked(s.r)
			s.f, s.failed = f, err != nil
		}
	}
	return s.f
}

func (s *xlsxSource) close() {
	if s.f != nil {
		s.f.Close()
	}
}

var rawValues = excelize.Options{RawCellValue: true}

func (s *xlsxSource) next() ([]string, error) {
	if err := s.rows.read(); err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, s.wrap(err)
	}
	return s.rows.cells, nil
}

func (s *xlsxSource) hidden() bool {
	return s.rows.hidden
}

func (s *xlsxSource) line(int) int {
	return s.rows.row
}

func (s *xlsxSource) noHeading(col int) *Error {
	return &Error{File: s.file, Sheet: s.sheet, Cell: cellName(col, s.rows.row), Msg: msg.New("cell has no heading")}
}

func (s *xlsxSource) wrap(err error) *Error {
	e := &Error{File: s.file, Sheet: s.sheet, Msg: msg.New("cannot read the sheet: %v", err)}
	var ce *cellError
	if errors.As(err, &ce) {
		e.Cell = ce.cell
	}
	return e
}

// dialect reads numbers as stored, and text (numbers typed as text, or
// imported from a German CSV) by German rules: "1.234" in a number cell is
// 1.234, in a text cell 1234. A text that reads as a number with a decimal
// point, such as "1.5", came from an English source, where "1.500" beside
// it means 1.5 and not the 1500 it reads as German text; such a shared
// string, which is how Excel keeps text, is refused. An inline string or
// a formula's text result "1.5" reads as the number 1.5: streaming writers
// keep the text of programs that way.
func (s *xlsxSource) dialect(col int, v string) (Dialect, error) {
	kind := s.rows.kind(col)
	switch {
	case kind == dateValue:
		return 0, msg.Errorf("%s is a date in Excel (its cell has a date or time format), not a number; give the cell a number format", cellText(v))
	case kind == numberValue:
		return Machine, nil
	case !isMachineNumber(v) || isGroupedThousands(v):
		return German, nil
	case kind == sharedString && strings.Contains(v, "."):
		return 0, msg.Errorf("%s is text that reads two ways; enter it as a number", cellText(v))
	}
	return Machine, nil
}

// mergedCells is a range of merged cells, whose text only its top-left
// cell holds in the file, while Excel shows it over the whole range.
type mergedCells struct {
	ref                      string // "A2:A5"
	left, top, right, bottom int    // from 1
}

// empty looks up why cell col reads as empty while Excel may show
// something: the cell lies in merged cells or holds a formula. Both need
// the whole sheet loaded, which is fine on the way to an error.
func (s *xlsxSource) empty(col int) emptyCell {
	var e emptyCell
	c, r := col+1, s.rows.row
	if m, ok := s.mergedAt(c, r); ok {
		e.merged = m.ref
		if m.left != c || m.top != r {
			// excelize looks up a merged cell's top-left cell instead;
			// only that cell can hold a formula or text. In a large
			// sheet the reader knows the text (see builder.name).
			e.above, e.top = m.left == c, m.top
			if s.large == nil {
				e.text, _ = s.excel().GetCellValue(s.sheet, cellName(m.left-1, m.top), rawValues)
			}
			return e
		}
	}
	if s.large != nil {
		e.formula = s.rows.formulaAt(col)
		return e
	}
	e.formula = s.formula(cellName(col, r))
	return e
}

func (s *xlsxSource) mergedAt(col, row int) (mergedCells, bool) {
	if s.merges == nil {
		s.merges = s.loadMerges()
	}
	for _, m := range s.merges {
		if m.left <= col && col <= m.right && m.top <= row && row <= m.bottom {
			return m, true
		}
	}
	return mergedCells{}, false
}

// loadMerges returns the sheet's merged cells; a range that does not parse
// is left out.
func (s *xlsxSource) loadMerges() []mergedCells {
	var list []string
	if s.large != nil {
		list = s.streamMerges()
	} else if f := s.excel(); f != nil {
		mcs, _ := f.GetMergeCells(s.sheet, true)
		for _, mc := range mcs {
			list = append(list, mc[0])
		}
	}
	merges := make([]mergedCells, 0, len(list))
	for _, ref := range list {
		start, end, ok := strings.Cut(ref, ":")
		if !ok {
			end = start
		}
		left, top, err1 := excelize.CellNameToCoordinates(start)
		right, bottom, err2 := excelize.CellNameToCoordinates(end)
		if err1 == nil && err2 == nil {
			merges = append(merges, mergedCells{ref, min(left, right), min(top, bottom), max(left, right), max(top, bottom)})
		}
	}
	return merges
}

// streamMerges reads the ranges of merged cells from the sheet's part,
// where they follow the rows, in one more pass over it; what it cannot
// read is left out, as the read of the rows reports it.
func (s *xlsxSource) streamMerges() []string {
	rc, err := s.large()
	if err != nil {
		return nil
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	var list []string
	for {
		k, err := x.next()
		if err != nil {
			return list
		}
		if k == tagStart && x.main && string(x.name) == "mergeCell" && x.parseAttrs() == nil {
			if ref, ok, _ := x.attr("ref"); ok {
				list = append(list, string(ref))
			}
		}
	}
}

// formula says whether cell holds a formula and why its value is empty.
// The streamed value of a formula is its result as saved by Excel, or ""
// when no program calculated it, as in a workbook written by a script;
// calculating it tells that from a formula whose result is "", such as
// =WENN(B2>0;B2;""), for which saving the file would not help. A formula
// that excelize cannot calculate counts as not calculated.
func (s *xlsxSource) formula(cell string) (st formulaState) {
	defer func() { _ = recover() }() // st is what was found before a panic
	x := s.excel()
	if x == nil {
		return noFormula
	}
	if f, err := x.GetCellFormula(s.sheet, cell); err != nil || f == "" {
		return noFormula
	}
	st = uncalculated
	if v, err := x.CalcCellValue(s.sheet, cell, rawValues); err == nil && trimSpace(v) == "" {
		st = emptyResult
	}
	return st
}

// isMachineNumber matches -?\d+(\.\d+)?([eE][-+]?\d+)?, the way Excel
// stores a number.
func isMachineNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		exp := s[i+1:]
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if !isDigits(exp) {
			return false
		}
		s = s[:i]
	}
	i, f, dot := strings.Cut(s, ".")
	return isDigits(i) && (!dot || isDigits(f))
}

// isGroupedThousands matches -?\d{1,3}\.\d{3}, which German text shares
// with machine numbers.
func isGroupedThousands(s string) bool {
	s = strings.TrimPrefix(s, "-")
	i, f, dot := strings.Cut(s, ".")
	return dot && isDigits(i) && len(i) <= 3 && isDigits(f) && len(f) == 3
}
