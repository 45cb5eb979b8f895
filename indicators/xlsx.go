package indicators

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads one sheet of a workbook, row by row. A damaged workbook
// must end in an *Error like any bad input, even if it makes the workbook
// library panic.
func readXLSX(r io.ReadSeeker, name string, schema Schema, opt Options) (t *Table, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &Error{File: name, Msg: fmt.Sprintf("cannot read the workbook: %v", p)}
		}
	}()
	f, err := openWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheet, err := pickSheet(f, name, opt.Sheet)
	if err != nil {
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, &Error{File: name, Sheet: sheet, Msg: "cannot read the sheet: " + err.Error()}
	}
	defer rows.Close()
	t = newTable(name, sheet, schema)
	return t.read(&xlsxSource{f: f, rows: rows, sheet: sheet, file: name}, schema)
}

// pickSheet returns the sheet's name as the workbook spells it (Excel
// compares sheet names without case), or the first sheet.
func pickSheet(f *excelize.File, file, want string) (string, error) {
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return "", &Error{File: file, Msg: "the workbook has no sheets"}
	}
	if want == "" {
		return sheets[0], nil
	}
	for _, s := range sheets {
		if strings.EqualFold(s, want) {
			return s, nil
		}
	}
	quoted := make([]string, len(sheets))
	for i, s := range sheets {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	msg := fmt.Sprintf("no sheet %q; the workbook has %s", want, strings.Join(quoted, ", "))
	return "", &Error{File: file, Msg: msg}
}

// xlsxSource streams the rows of a sheet. Its raw cell values are numbers
// as Excel stores them ("1234.5") or the text of text cells.
type xlsxSource struct {
	f     *excelize.File
	rows  *excelize.Rows
	sheet string
	file  string
	row   int // 1-based; Rows.Next visits every row, also those not in the file
	// hid says whether the row is hidden. For a row not in the file,
	// excelize gives the options of the next row that is, but such a row
	// has no cells and is skipped as blank.
	hid bool

	decimalTexts map[string]bool // see sharedText; nil until first needed
	merges       []mergedCells   // see empty; nil until first needed
}

var rawValues = excelize.Options{RawCellValue: true}

func (s *xlsxSource) next() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.wrap(err)
		}
		return nil, io.EOF
	}
	s.row++
	cells, err := s.rows.Columns(rawValues)
	if err != nil {
		return nil, s.wrap(err)
	}
	s.hid = s.rows.GetRowOpts().Hidden
	return cells, nil
}

func (s *xlsxSource) hidden() bool {
	return s.hid
}

func (s *xlsxSource) line(int) int {
	return s.row
}

func (s *xlsxSource) noHeading(col int) *Error {
	return &Error{File: s.file, Sheet: s.sheet, Cell: cellName(col, s.row), Msg: "cell has no heading"}
}

func (s *xlsxSource) wrap(err error) *Error {
	return &Error{File: s.file, Sheet: s.sheet, Msg: "cannot read the sheet: " + err.Error()}
}

// dialect reads numbers as stored, and text (numbers typed as text, or
// imported from a German CSV) by German rules. The raw values do not say
// which a cell is, and looking its type up loads the whole sheet into
// memory once, which costs more than streaming it; so only values that
// read two ways are looked up:
//
//   - "1.234" is the number 1.234 or the German text 1234; a text cell is
//     read the German way.
//   - "1.5" is the number 1.5 or a text that German rules refuse, which
//     came from an English source where "1.500" beside it means 1.5 and
//     not the 1500 it reads as German text. Such a text cell is refused.
//     Nearly every decimal number has this form, so the type is looked up
//     only when the value is also one of the workbook's shared strings,
//     where Excel keeps the text of text cells.
func (s *xlsxSource) dialect(col int, v string) (Dialect, error) {
	switch {
	case !isMachineNumber(v):
		return German, nil
	case isGroupedThousands(v):
		if s.isText(col) {
			return German, nil
		}
	case strings.Contains(v, ".") && s.sharedText(v) && s.isText(col):
		return 0, fmt.Errorf("%s is text that reads two ways; enter it as a number", quote(v))
	}
	return Machine, nil
}

// sharedText says whether v is, trimmed, a shared string that looks like a
// machine number with a decimal point. The set is made on first use.
// Inline strings (of streamed exports) and text results of formulas are
// not shared strings, and excelize keeps a shared string table beyond
// 16 MB on disk, outside f.SharedStrings: such text reads as a number.
func (s *xlsxSource) sharedText(v string) bool {
	if s.decimalTexts == nil {
		s.decimalTexts = map[string]bool{}
		if sst := s.f.SharedStrings; sst != nil {
			for i := range sst.SI {
				t := trimSpace(sst.SI[i].String())
				if strings.Contains(t, ".") && isMachineNumber(t) {
					s.decimalTexts[t] = true
				}
			}
		}
	}
	return s.decimalTexts[v]
}

func (s *xlsxSource) isText(col int) bool {
	typ, err := s.f.GetCellType(s.sheet, cellName(col, s.row))
	return err == nil && (typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString)
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
	c, r := col+1, s.row
	if m, ok := s.mergedAt(c, r); ok {
		e.merged = m.ref
		if m.left != c || m.top != r {
			// excelize looks up a merged cell's top-left cell instead;
			// only that cell can hold a formula or text.
			e.above = m.left == c
			e.text, _ = s.f.GetCellValue(s.sheet, cellName(m.left-1, m.top), rawValues)
			return e
		}
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
	list, _ := s.f.GetMergeCells(s.sheet, true)
	merges := make([]mergedCells, 0, len(list))
	for _, mc := range list {
		ref := mc[0]
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

// formula says whether cell holds a formula and why its value is empty.
// The streamed value of a formula is its result as saved by Excel, or ""
// when no program calculated it, as in a workbook written by a script;
// calculating it tells that from a formula whose result is "", such as
// =WENN(B2>0;B2;""), for which saving the file would not help. A formula
// that excelize cannot calculate counts as not calculated.
func (s *xlsxSource) formula(cell string) (st formulaState) {
	defer func() { _ = recover() }() // st is what was found before a panic
	if f, err := s.f.GetCellFormula(s.sheet, cell); err != nil || f == "" {
		return noFormula
	}
	st = uncalculated
	if v, err := s.f.CalcCellValue(s.sheet, cell, rawValues); err == nil && trimSpace(v) == "" {
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
