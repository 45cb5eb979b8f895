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
	"slices"
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
type rowEncoder struct {
	w       *bufio.Writer
	row     int
	cells   []cellAt
	scratch []byte
}

func (e *rowEncoder) put(sheet string, c, r int, x excelize.Cell) error {
	if r != e.row {
		return fmt.Errorf("%s!%s: a unit's row writes into row %d", sheet, cell(c, r), e.row)
	}
	e.cells = append(e.cells, cellAt{col: c, cell: x})
	return nil
}

// endRow writes the row's cells in column order; a cell set twice keeps
// the last value, as the StreamWriter's does.
func (e *rowEncoder) endRow(sheet string) error {
	slices.SortStableFunc(e.cells, func(x, y cellAt) int { return x.col - y.col })
	b := e.scratch[:0]
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(e.row), 10)
	b = append(b, `">`...)
	for i, c := range e.cells {
		if i+1 < len(e.cells) && e.cells[i+1].col == c.col {
			continue
		}
		var err error
		if b, err = appendCell(b, c.col, e.row, c.cell); err != nil {
			return fmt.Errorf("%s!%s: %w", sheet, cell(c.col, e.row), err)
		}
	}
	b = append(b, `</row>`...)
	e.scratch = b
	e.cells = e.cells[:0]
	_, err := e.w.Write(b)
	return err
}

// appendCell is the library's writeCell for the values a report's unit
// rows hold: a number, a text, or a formula.
func appendCell(b []byte, c, r int, x excelize.Cell) ([]byte, error) {
	b = append(b, `<c r="`...)
	b = appendColumn(b, c)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if x.StyleID != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(x.StyleID), 10)
		b = append(b, '"')
	}
	if x.Formula != "" {
		if x.Value != nil {
			return b, fmt.Errorf("a formula cell with a value %v", x.Value)
		}
		b = append(b, ` t="str"><f>`...)
		b = appendFormula(b, x.Formula, r)
		return append(b, `</f></c>`...), nil
	}
	switch v := x.Value.(type) {
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return b, fmt.Errorf("the number %v", v)
		}
		b = append(b, `><v>`...)
		b = append(b, formatCellFloat(v)...)
		return append(b, `</v></c>`...), nil
	case string:
		return appendInlineString(b, v), nil
	}
	return b, fmt.Errorf("a cell of type %T in a unit's row", x.Value)
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

// appendFormula appends the formula's text, escaped, with row r for
// each rowMark.
func appendFormula(b []byte, f string, r int) []byte {
	for {
		i := strings.Index(f, rowMark)
		if i < 0 {
			return appendEscaped(b, f)
		}
		b = appendEscaped(b, f[:i])
		b = strconv.AppendInt(b, int64(r), 10)
		f = f[i+len(rowMark):]
	}
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

// formatCellFloat is the library's number text: the shortest decimal,
// cut (not rounded) to Excel's 15 significant digits.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
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
