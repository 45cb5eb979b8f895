package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"math"
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
	for _, c := range rowCells {
		if err := e.put("Sheet1", c.col, 12, c.cell); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.endRow("Sheet1"); err != nil {
		t.Fatal(err)
	}
	_ = w.Flush()
	if want := libraryRow(t, rowCells); buf.String() != want {
		t.Errorf("generated\n%s\nlibrary\n%s", buf.String(), want)
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
