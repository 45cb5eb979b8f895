package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rowCells are cells of every kind a unit's row holds, with the texts
// and numbers whose XML is easy to get wrong.
var rowCells = []cellAt{
	{1, excelize.Cell{Value: "Bezirksstelle 1"}},
	{2, excelize.Cell{Value: 1791.0, StyleID: 7}},
	{3, excelize.Cell{Value: 0.000004827067689353971234, StyleID: 5}},
	{4, excelize.Cell{Value: 123456789012345678.0}},
	{5, excelize.Cell{Value: -0.1 - 0.2}},
	{6, excelize.Cell{Value: 1e-300, StyleID: 2}},
	{7, excelize.Cell{Value: math.MaxFloat64}},
	{8, excelize.Cell{Value: ` Süd & "Nord" <Mitte> `}},
	{9, excelize.Cell{Value: "a_x0041_b _x005F_x0041_ line\nfeed\ttab"}},
	{10, excelize.Cell{Value: ""}},
	{11, excelize.Cell{Formula: `IF(C12=0,"",D12/C12)`, StyleID: 4}},
	{12, excelize.Cell{Formula: "B12/SUM(B$11:B$100010)", StyleID: 5}},
	{28, excelize.Cell{Formula: `$B$7*L12+(1-$B$7)*K12`}},
	{703, excelize.Cell{Value: 0.5}}, // column AAA
}

// libraryRow is the XML of row 12 with cells as the StreamWriter writes it.
func libraryRow(t *testing.T, cells []cellAt) string {
	t.Helper()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	values := make([]any, 703)
	for _, c := range cells {
		values[c.col-1] = c.cell
	}
	if err := sw.SetRow("A12", values); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	xml, _ := io.ReadAll(rc)
	s := string(xml)
	start, end := strings.Index(s, `<row r="12"`), strings.Index(s, "</row>")
	if start < 0 || end < 0 {
		t.Fatalf("no row 12 in %s", s)
	}
	return s[start : end+len("</row>")]
}

// The encoder of generated rows writes the very XML of the library's
// StreamWriter, so a large report reads as one streamed by the library.
func TestGeneratedRowIsTheLibrarys(t *testing.T) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	e := &rowEncoder{w: w, row: 12}
	want := libraryRow(t, rowCells)
	// Twice: the second time numbers go in unboxed, and the formulas'
	// pieces are the ones kept from the first row.
	for i := range 2 {
		buf.Reset()
		for _, c := range rowCells {
			if v, ok := c.cell.Value.(float64); ok && i == 1 {
				if err := e.putNumber("Sheet1", c.col, 12, v, c.cell.StyleID); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := e.put("Sheet1", c.col, 12, c.cell); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.endRow("Sheet1"); err != nil {
			t.Fatal(err)
		}
		_ = w.Flush()
		if buf.String() != want {
			t.Errorf("generated\n%s\nlibrary\n%s", buf.String(), want)
		}
	}
}

// A formula's rowMarks take the row being written, and the pieces kept
// for a column follow a new formula text in that column.
func TestGeneratedRowFormulas(t *testing.T) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	e := &rowEncoder{w: w}
	for r, f := range map[int]string{7: "B" + rowMark + "/B$9", 8: "B" + rowMark + "/B$9", 9: `IF(C` + rowMark + `<0,"<",D` + rowMark + `)`} {
		buf.Reset()
		e.row = r
		_ = e.put("S", 2, r, excelize.Cell{Formula: f})
		if err := e.endRow("S"); err != nil {
			t.Fatal(err)
		}
		_ = w.Flush()
		text := strings.ReplaceAll(strings.ReplaceAll(f, rowMark, strconv.Itoa(r)), "<", "&lt;")
		text = strings.ReplaceAll(text, `"`, "&#34;")
		if want := `<row r="` + strconv.Itoa(r) + `"><c r="B` + strconv.Itoa(r) + `" t="str"><f>` + text + `</f></c></row>`; buf.String() != want {
			t.Errorf("got %s, want %s", buf.String(), want)
		}
	}
}

// formatCellFloat is the library's number text (excelize's
// float64ToString), the reference of appendCellFloat.
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

// appendCellFloat writes the library's text of numbers of every size, in
// place after what the buffer holds.
func TestAppendCellFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	values := []float64{0, 1, -1, 0.1, 123456789012345.6, 1234567890123456.7, 9999999999999999, 1e15, 1e16 + 2,
		123456789012345678, 0.000004827067689353971234, -0.30000000000000004, 1e-300, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, 100000000000000.5}
	for range 100000 {
		values = append(values, math.Float64frombits(rng.Uint64()), rng.Float64()*math.Pow(10, float64(rng.IntN(40)-20)),
			float64(rng.Int64N(1e17))/100)
	}
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		got := appendCellFloat([]byte("<v>"), v)
		if want := "<v>" + formatCellFloat(v); string(got) != want {
			t.Fatalf("%v: %s, want %s", v, got, want)
		}
	}
}

// A cell written twice keeps the last value, in column order; a cell of
// another row or of a type a unit's row never holds is an error.
func TestGeneratedRowOrderAndErrors(t *testing.T) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	e := &rowEncoder{w: w, row: 3}
	_ = e.put("S", 2, 3, excelize.Cell{Value: 2.0})
	_ = e.put("S", 1, 3, excelize.Cell{Value: "first"})
	_ = e.put("S", 2, 3, excelize.Cell{Value: 3.0})
	if err := e.endRow("S"); err != nil {
		t.Fatal(err)
	}
	_ = w.Flush()
	want := `<row r="3"><c r="A3" t="inlineStr"><is><t>first</t></is></c><c r="B3"><v>3</v></c></row>`
	if buf.String() != want {
		t.Errorf("got %s, want %s", buf.String(), want)
	}
	if err := e.put("S", 1, 4, excelize.Cell{Value: 1.0}); err == nil {
		t.Error("a cell of row 4 in row 3 was accepted")
	}
	_ = e.put("S", 1, 3, excelize.Cell{Value: 7})
	if err := e.endRow("S"); err == nil || !strings.Contains(err.Error(), "S!A3") {
		t.Errorf("an int cell: %v", err)
	}
}

// appendEuros writes what appendCellFloat writes of the amount as a
// float64, for amounts of every size and sign.
func TestAppendEuros(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	amounts := []int64{0, 1, 5, 10, 99, 100, 101, 110, -1, -10, -100, -12345, 999_999_999_999_999, -999_999_999_999_999,
		1_000_000_000_000_000, 123_456_789_012_345_678, math.MaxInt64, math.MinInt64 + 1}
	for range 300000 {
		amounts = append(amounts, rng.Int64N(1_000_000_000_000_000)>>uint(rng.IntN(50)), -rng.Int64N(1<<53))
	}
	for _, c := range amounts {
		if got, want := string(appendEuros([]byte("x"), c)), "x"+formatCellFloat(float64(c)/100); got != want {
			t.Fatalf("%d cents: %s, want %s", c, got, want)
		}
	}
}
