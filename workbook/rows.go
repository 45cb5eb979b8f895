package workbook

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A streamed sheet's table of units is not handed to the workbook
// library cell by cell: its rows are generated while the report is
// saved, straight into the sheet's deflate stream, in the XML the
// library's StreamWriter writes (rows_test.go compares the two). The
// library writes the rest of the sheet — page setup, panes, widths, title
// and total rows, filter — and, in place of the units, one marker row
// that the zip writer replaces with the generated rows. So the rows cost
// no memory, and a cell costs a few appends instead of the library's
// generic path (cell names, interfaces, escaping, a temporary file above
// 16 MiB that is read back).

// unitRows writes rows first … first+n−1, one per unit, by calling row
// for each unit, which writes the row's cells with set and formula. A
// sheet in memory gets them at once; a streamed sheet when it is saved.
func (b *book) unitRows(sheet string, first, n int, row func(u int) error) error {
	s, ok := b.streams[sheet]
	if !ok || n == 0 {
		for u := range n {
			if err := row(u); err != nil {
				return err
			}
			if err := b.endRow(sheet, first+u); err != nil {
				return err
			}
		}
		return nil
	}
	if err := b.endRow(sheet, first-1); err != nil {
		return err
	}
	last := first + n - 1
	token := b.rowToken(sheet)
	b.generated[token] = &generatedRows{sheet: sheet, stream: s, first: first, n: n, row: row}
	// The marker: the last unit's row with the token, written now so that
	// the library's rows before and after stay in order around it.
	if err := s.sw.SetRow(cell(1, last), []any{token}); err != nil {
		return err
	}
	s.written = last
	return nil
}

// generatedRows is a streamed sheet's table of units, generated on save.
type generatedRows struct {
	sheet    string
	stream   *sheetStream
	first, n int
	row      func(u int) error
}

// rowToken is a text no report contains: a random nonce (the marker is
// replaced, so the file's bytes do not depend on it) and the sheet.
func (b *book) rowToken(sheet string) string {
	if b.nonce == "" {
		var n [12]byte
		_, _ = rand.Read(n[:])
		b.nonce = hex.EncodeToString(n[:])
	}
	return fmt.Sprintf("raumbudget-rows-%s-%d", b.nonce, len(b.generated))
}

// generate writes the rows into w through the sheet's encoder.
func (g *generatedRows) generate(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := &rowEncoder{w: bw}
	g.stream.enc = e
	defer func() { g.stream.enc = nil }()
	for u := range g.n {
		e.row = g.first + u
		if err := g.row(u); err != nil {
			return err
		}
		if err := e.endRow(g.sheet); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// splice replaces the marker row of token in part (a worksheet's XML as
// the library wrote it) with the generated rows; false if the token is
// not in part.
func (g *generatedRows) splice(part []byte, token string, w io.Writer) (bool, error) {
	at := bytes.Index(part, []byte(token))
	if at < 0 {
		return false, nil
	}
	start := bytes.LastIndex(part[:at], []byte("<row "))
	end := bytes.Index(part[at:], []byte("</row>"))
	if start < 0 || end < 0 {
		return false, fmt.Errorf("workbook: %s: the marker of the units' rows is not in a row", g.sheet)
	}
	end += at + len("</row>")
	if _, err := w.Write(part[:start]); err != nil {
		return false, err
	}
	if err := g.generate(w); err != nil {
		return false, err
	}
	_, err := w.Write(part[end:])
	return true, err
}

// rowEncoder writes a generated row's cells as the StreamWriter would.
// A row's cells wait in a slot per column, so that they go out in column
// order without a sort, and a number waits as a number, not boxed in an
// interface: a report of 100,000 units writes millions of cells.
type rowEncoder struct {
	w       *bufio.Writer
	row     int
	slots   []rowSlot // by column − 1
	last    int       // the number of slots this row uses
	number  []byte    // the row's number as text
	scratch []byte
}

// rowSlot is a cell waiting in its column. A formula's text is escaped
// and split at its rowMarks once per column, not per row: every unit's
// row has the same formulas.
type rowSlot struct {
	set    bool
	number bool    // value is the number num
	num    float64 // when number
	cents  bool    // value is euros(amount), written from the cents
	amount int64   // when cents
	cell   excelize.Cell
	// formula and parts: the last formula text of the column and its
	// escaped pieces between rowMarks.
	formula string
	parts   [][]byte
}

func (e *rowEncoder) slot(sheet string, c, r int) (*rowSlot, error) {
	if r != e.row {
		return nil, fmt.Errorf("%s!%s: a unit's row writes into row %d", sheet, cell(c, r), e.row)
	}
	if c < 1 || c > excelize.MaxColumns {
		return nil, fmt.Errorf("%s!%s: no such column", sheet, cell(c, r))
	}
	for len(e.slots) < c {
		e.slots = append(e.slots, rowSlot{})
	}
	e.last = max(e.last, c)
	s := &e.slots[c-1]
	s.set = true
	return s, nil
}

func (e *rowEncoder) put(sheet string, c, r int, x excelize.Cell) error {
	s, err := e.slot(sheet, c, r)
	if err != nil {
		return err
	}
	s.cell, s.number, s.cents = x, false, false
	return nil
}

// putNumber is put of a number, unboxed.
func (e *rowEncoder) putNumber(sheet string, c, r int, v float64, style int) error {
	s, err := e.slot(sheet, c, r)
	if err != nil {
		return err
	}
	s.cell, s.number, s.cents, s.num = excelize.Cell{StyleID: style}, true, false, v
	return nil
}

// putEuros is putNumber of euros(amount), written from the cents.
func (e *rowEncoder) putEuros(sheet string, c, r int, amount int64, style int) error {
	s, err := e.slot(sheet, c, r)
	if err != nil {
		return err
	}
	s.cell, s.number, s.cents, s.amount = excelize.Cell{StyleID: style}, false, true, amount
	return nil
}

// endRow writes the row's cells in column order; a cell set twice keeps
// the last value, as the StreamWriter's does.
func (e *rowEncoder) endRow(sheet string) error {
	// The row's number, written once: every cell and most formulas
	// repeat it.
	e.number = strconv.AppendInt(e.number[:0], int64(e.row), 10)
	b := e.scratch[:0]
	b = append(b, `<row r="`...)
	b = append(b, e.number...)
	b = append(b, `">`...)
	var err error
	for i := range e.last {
		s := &e.slots[i]
		if !s.set {
			continue
		}
		s.set = false
		if err == nil {
			if b, err = s.append(b, i+1, e.number); err != nil {
				err = fmt.Errorf("%s!%s: %w", sheet, cell(i+1, e.row), err)
			}
		}
	}
	e.last = 0
	if err != nil {
		return err
	}
	b = append(b, `</row>`...)
	e.scratch = b
	_, err = e.w.Write(b)
	return err
}

// append is the library's writeCell for the values a report's unit rows
// hold: a number, a text, or a formula.
func (s *rowSlot) append(b []byte, c int, row []byte) ([]byte, error) {
	x := s.cell
	b = append(b, `<c r="`...)
	b = appendColumn(b, c)
	b = append(b, row...)
	b = append(b, '"')
	if x.StyleID != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(x.StyleID), 10)
		b = append(b, '"')
	}
	if s.number {
		return appendNumber(b, s.num)
	}
	if s.cents {
		b = append(b, `><v>`...)
		b = appendEuros(b, s.amount)
		return append(b, `</v></c>`...), nil
	}
	if x.Formula != "" {
		if x.Value != nil {
			return b, fmt.Errorf("a formula cell with a value %v", x.Value)
		}
		if x.Formula != s.formula || s.parts == nil {
			s.formula, s.parts = x.Formula, formulaParts(x.Formula)
		}
		b = append(b, ` t="str"><f>`...)
		for i, part := range s.parts {
			if i > 0 {
				b = append(b, row...)
			}
			b = append(b, part...)
		}
		return append(b, `</f></c>`...), nil
	}
	switch v := x.Value.(type) {
	case float64:
		return appendNumber(b, v)
	case string:
		return appendInlineString(b, v), nil
	}
	return b, fmt.Errorf("a cell of type %T in a unit's row", x.Value)
}

// appendNumber ends a cell of the number v.
func appendNumber(b []byte, v float64) ([]byte, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b, fmt.Errorf("the number %v", v)
	}
	b = append(b, `><v>`...)
	b = appendCellFloat(b, v)
	return append(b, `</v></c>`...), nil
}

// formulaParts are the formula's pieces between its rowMarks, escaped.
func formulaParts(f string) [][]byte {
	var parts [][]byte
	for _, piece := range strings.Split(f, rowMark) {
		parts = append(parts, appendEscaped(nil, piece))
	}
	return parts
}

// appendColumn appends the column's letters: A … Z, AA …
func appendColumn(b []byte, c int) []byte {
	var letters [4]byte
	i := len(letters)
	for c > 0 {
		c--
		i--
		letters[i] = byte('A' + c%26)
		c /= 26
	}
	return append(b, letters[i:]...)
}

// appendInlineString is the library's inline string: escaped as XML text
// with line feeds kept, "_xHHHH_" escaped as the library does, and
// xml:space="preserve" where the text begins or ends with white space.
func appendInlineString(b []byte, s string) []byte {
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	if plainText(s) {
		b = append(b, s...)
	} else {
		var esc strings.Builder
		_ = xml.EscapeText(&esc, []byte(s))
		b = append(b, bstrMarshal(strings.ReplaceAll(esc.String(), "&#xA;", "\n"))...)
	}
	return append(b, `</t></is></c>`...)
}

func isSpace(c byte) bool { return c == 9 || c == 10 || c == 13 || c == 32 }

// plainText says whether s is written as it is: no character XML
// escapes, no "_x" the library escapes, valid UTF-8 without controls.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c >= 0x80, c == '&', c == '<', c == '>', c == '"', c == '\'', c == '_':
			return false
		}
	}
	return true
}

// appendEscaped is xml.EscapeText of s.
func appendEscaped(b []byte, s string) []byte {
	if plainFormula(s) {
		return append(b, s...)
	}
	var esc bytes.Buffer
	_ = xml.EscapeText(&esc, []byte(s))
	return append(b, esc.Bytes()...)
}

func plainFormula(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c >= 0x80, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
}

// appendEuros is appendCellFloat of float64(cents)/100, written from
// the integer: below 10^15 cents the shortest decimal of that float is
// the amount itself (a float64 tells every decimal of 15 significant
// digits from the others), without trailing zeros.
func appendEuros(b []byte, cents int64) []byte {
	const limit = 1_000_000_000_000_000
	if cents <= -limit || cents >= limit {
		return appendCellFloat(b, float64(cents)/100)
	}
	if cents < 0 {
		b = append(b, '-')
		cents = -cents
	}
	b = strconv.AppendInt(b, cents/100, 10)
	switch c := cents % 100; {
	case c == 0:
	case c%10 == 0:
		b = append(b, '.', byte('0'+c/10))
	default:
		b = append(b, '.', byte('0'+c/10), byte('0'+c%10))
	}
	return b
}

// appendCellFloat appends the library's number text: the shortest
// decimal, cut (not rounded) to Excel's 15 significant digits.
func appendCellFloat(b []byte, value float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx, c := range str {
		if c < '0' || c > '9' || significant == 0 && c == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			if idx == decimal+1 {
				idx-- // no point without digits after it
			}
			return b[:start+idx]
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return b[:start+decimal]
	}
	return b
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is the library's escape of text that reads as "_xHHHH_".
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}
