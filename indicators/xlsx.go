package indicators

import (
	"io"
	"os"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/xlsx"
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
	book *xlsx.Workbook
	file *os.File // to close, if OpenWorkbook opened it
	name string
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
// proof that the parts are sound.
func openXLSX(r io.ReadSeeker, name string) (*Workbook, error) {
	book, err := xlsx.Open(r, maxCSV)
	switch {
	case err == xlsx.ErrTooLarge:
		return nil, tooLarge(name)
	case err == xlsx.ErrOpenDocument:
		return nil, &Error{File: name, Msg: msg.New("an OpenDocument spreadsheet (.ods), not an xlsx workbook; save it in LibreOffice as Excel 2007-365 (.xlsx)")}
	case err != nil:
		return nil, &Error{File: name, Msg: textOf(err)}
	}
	return &Workbook{book: book, name: name}, nil
}

// Close closes the file that OpenWorkbook opened, when its parts have
// been proved.
func (w *Workbook) Close() error {
	w.book.Sound()
	if w.file != nil {
		return w.file.Close()
	}
	return nil
}

// Sheets lists the sheets in order; a damaged workbook is an error.
func (w *Workbook) Sheets() ([]Sheet, error) {
	if err := w.sound(); err != nil {
		return nil, err
	}
	return w.book.Sheets(), nil
}

// Sheet is a sheet of a workbook.
type Sheet = xlsx.Sheet

// SheetNames lists the sheets of the workbook at path, in order, hidden
// ones too, with the same limits as reading it.
func SheetNames(path string) ([]string, error) {
	sheets, err := Sheets(path)
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.Name
	}
	return names, err
}

// Sheets lists the sheets of the workbook at path, in order, with the
// same limits and checks as reading it.
func Sheets(path string) ([]Sheet, error) {
	w, err := OpenWorkbook(path)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	return w.Sheets()
}

// sound waits for the proof that the workbook's parts are sound; the
// *Error of a damaged part.
func (w *Workbook) sound() *Error {
	if err := w.book.Sound(); err != nil {
		return &Error{File: w.name, Msg: textOf(err)}
	}
	return nil
}

// Read reads one sheet, row by row, from the zip. The parts are proved
// sound beside the read, and a damaged part is the error, whatever the
// read found. A damaged workbook must end in an *Error like any bad
// input, even if it makes a library panic.
func (w *Workbook) Read(schema Schema, opt Options) (t *Table, err error) {
	name := w.name
	var rows *xlsx.Rows
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &Error{File: name, Msg: msg.New("cannot read the workbook: %v", p)}
		}
		if rows != nil {
			// The sheet's part, streamed once, is proved sound by
			// reading it to its end; the shared strings were when read.
			if derr := rows.Finish(); derr != nil {
				err = derr
			}
			rows.Close()
		}
		if derr := xlsx.Damaged(err); derr != nil {
			t, err = nil, &Error{File: name, Msg: textOf(derr)}
		}
		if verr := w.sound(); verr != nil {
			t, err = nil, verr
		}
	}()
	if err := checkSchema(name, schema); err != nil {
		return nil, err
	}
	sheets := w.book.Sheets()
	i, err := pickSheet(sheets, name, opt.Sheet)
	if err != nil {
		return nil, err
	}
	sheet := sheets[i].Name
	rows, err = w.book.Rows(i)
	if err != nil {
		return nil, &Error{File: name, Sheet: sheet, Msg: msg.New("cannot read the sheet: %v", err)}
	}
	src := &xlsxSource{book: w.book, index: i, rows: rows, sheet: sheet, file: name}
	t = newTable(name, sheet, schema)
	if sheets[i].Hidden {
		t.Warnings = append(t.Warnings, &Error{File: name, Sheet: sheet, Msg: msg.New("the sheet is hidden in Excel; it is read because it was asked for by name")})
	}
	return t.read(src, schema)
}

// pickSheet returns the index of the sheet, whose name Excel compares
// without case, or of the first sheet that is not hidden. A hidden sheet
// is taken only by name: a very hidden one, which no menu of Excel shows,
// could hold other figures than those the user sees.
func pickSheet(sheets []Sheet, file, want string) (int, error) {
	if len(sheets) == 0 {
		return 0, &Error{File: file, Msg: msg.New("the workbook has no sheets")}
	}
	if want == "" {
		for i, s := range sheets {
			if !s.Hidden {
				return i, nil
			}
		}
		return 0, &Error{File: file, Msg: msg.New("every sheet of the workbook is hidden in Excel; name the one to read (--sheet)")}
	}
	for i, s := range sheets {
		if strings.EqualFold(s.Name, want) {
			return i, nil
		}
	}
	names := make(joined, len(sheets))
	for i, s := range sheets {
		names[i] = named(s.Name)
		if s.Hidden {
			names[i] = msg.New("%s (hidden)", named(s.Name))
		}
	}
	return 0, &Error{File: file, Msg: msg.New("no sheet %s; the workbook has %s", named(want), names)}
}

// xlsxSource streams the rows of a sheet. Its raw cell values are numbers
// as Excel stores them ("1234.5") or the text of text cells.
type xlsxSource struct {
	book  *xlsx.Workbook
	index int // the sheet's, in book
	rows  *xlsx.Rows
	sheet string
	file  string
	// datesAsNumbers reads a number shown as a date as a number: a
	// RowReader's caller asks for the dates it wants (IsNumberCell).
	datesAsNumbers bool
	// merges are the sheet's merged cells, read on the first lookup.
	merges     []xlsx.Range
	mergesRead bool
}

// progress is as far as the read has got in the sheet's part, unpacked.
func (s *xlsxSource) progress() (int64, int64) {
	return s.rows.Progress()
}

// rewind opens the sheet again from its start, from the zip, which is read
// at offsets: the reads do not disturb each other.
func (s *xlsxSource) rewind() (source, func() error, error) {
	rows, err := s.book.Rows(s.index)
	if err != nil {
		return nil, nil, err
	}
	src := &xlsxSource{book: s.book, index: s.index, rows: rows, sheet: s.sheet, file: s.file, datesAsNumbers: s.datesAsNumbers, merges: s.merges, mergesRead: s.mergesRead}
	done := func() error {
		rows.Close()
		return nil
	}
	return src, done, nil
}

func (s *xlsxSource) next() ([]string, error) {
	if err := s.rows.Next(); err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, s.wrap(err)
	}
	return s.rows.Cells(), nil
}

func (s *xlsxSource) hidden() bool {
	return s.rows.Hidden()
}

func (s *xlsxSource) line(int) int {
	return s.rows.Row()
}

func (s *xlsxSource) noHeading(col int) *Error {
	return &Error{File: s.file, Sheet: s.sheet, Cell: cellName(col, s.rows.Row()), Msg: msg.New("cell has no heading")}
}

func (s *xlsxSource) wrap(err error) *Error {
	return &Error{File: s.file, Sheet: s.sheet, Cell: xlsx.Cell(err), Msg: msg.New("cannot read the sheet: %v", err)}
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
	kind := s.rows.Kind(col)
	if kind == xlsx.DateValue && s.datesAsNumbers {
		kind = xlsx.Number
	}
	switch {
	case kind == xlsx.DateValue || kind == xlsx.DateText:
		return 0, msg.Errorf("%s is a date in Excel (its cell has a date or time format), not a number; give the cell a number format", cellText(v))
	case kind == xlsx.Number:
		return Machine, nil
	case !isMachineNumber(v) || isGroupedThousands(v):
		return German, nil
	case kind == xlsx.SharedString && strings.Contains(v, "."):
		return 0, msg.Errorf("%s is text that reads two ways; enter it as a number", cellText(v))
	}
	return Machine, nil
}

// empty looks up why cell col reads as empty while Excel may show
// something: the cell lies in merged cells, whose text only the top-left
// cell holds (in the name columns the reader remembers it, see
// builder.name), or holds a formula, whose result the file may lack.
func (s *xlsxSource) empty(col int) emptyCell {
	var e emptyCell
	c, r := col+1, s.rows.Row()
	if m, ok := s.mergedAt(c, r); ok {
		e.merged = m.Ref
		if m.Left != c || m.Top != r {
			// Only the top-left cell can hold a formula or text.
			e.above, e.top = m.Left == c, m.Top
			return e
		}
	}
	e.formula = s.rows.Formula(col)
	return e
}

// mergedAt returns the merged cells that hold the cell; they are read on
// the first lookup, on the way to an error.
func (s *xlsxSource) mergedAt(col, row int) (xlsx.Range, bool) {
	if !s.mergesRead {
		s.merges, s.mergesRead = s.book.MergedCells(s.index), true
	}
	for _, m := range s.merges {
		if m.Contains(col, row) {
			return m, true
		}
	}
	return xlsx.Range{}, false
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
