package indicators

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/internal/xlsx"
	"github.com/raumbudget/raumbudget/internal/xlsx/xlsxtest"
)

// The parts of workbooks, built by hand (see xlsxtest).
var (
	rawSheet = xlsxtest.Sheet
	rawSST   = xlsxtest.SST
	rawParts = xlsxtest.Parts
	rawXLSX  = xlsxtest.Zip
)

// sheetAgrees checks that the xlsx reader reads every sheet of a workbook
// as excelize does, but for what it refuses on purpose (xlsx.ErrBadSheet).
func sheetAgrees(t testing.TB, data []byte) {
	t.Helper()
	w, err := xlsx.Open(bytes.NewReader(data), maxCSV)
	must(t, err)
	var names []string
	for _, s := range w.Sheets() {
		names = append(names, s.Name)
	}
	read := func(i int) (string, error) {
		r, err := w.Rows(i)
		if err != nil {
			return "", err
		}
		defer r.Close()
		var b strings.Builder
		for err = r.Next(); err == nil; err = r.Next() {
			xlsxtest.DumpRow(&b, r.Row(), r.Hidden(), r.Cells(), nil)
		}
		if err == io.EOF {
			err = nil
		}
		return b.String(), err
	}
	refused := func(_ int, err error) bool { return errors.Is(err, xlsx.ErrBadSheet) }
	xlsxtest.Agrees(t, data, names, read, refused)
	must(t, w.Sound())
}

// TestXLSXParts finds the sheet's part where the workbook says it is.
func TestXLSXParts(t *testing.T) {
	sheet := rawSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>1</v></c><c r="C2"><v>2.5</v></c></row>`)
	sst := rawSST("Bezirksstelle", "youth_0_18", "sgb_recipients")
	rels := func(target string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="` + target + `"/></Relationships>`
	}
	for _, tt := range []struct {
		name  string
		edit  func(p map[string]string)
		sheet string
	}{
		{"relative", func(map[string]string) {}, ""},
		{"absolute", func(p map[string]string) { p["xl/_rels/workbook.xml.rels"] = rels("/xl/worksheets/sheet1.xml") }, ""},
		{"elsewhere", func(p map[string]string) {
			p["xl/_rels/workbook.xml.rels"] = rels("../daten/./blatt.xml")
			p["daten/blatt.xml"] = p["xl/worksheets/sheet1.xml"]
			delete(p, "xl/worksheets/sheet1.xml")
		}, ""},
		{"workbook elsewhere", func(p map[string]string) {
			p["_rels/.rels"] = strings.Replace(p["_rels/.rels"], `Target="xl/workbook.xml"`, `Target="/wb/book.xml"`, 1)
			p["wb/book.xml"], p["wb/_rels/book.xml.rels"] = p["xl/workbook.xml"], p["xl/_rels/workbook.xml.rels"]
			p["wb/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"]
			delete(p, "xl/workbook.xml")
			delete(p, "xl/_rels/workbook.xml.rels")
			delete(p, "xl/worksheets/sheet1.xml")
		}, ""},
		{"strict", func(p map[string]string) {
			for name, s := range p {
				s = strings.ReplaceAll(s, "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
				p[name] = strings.ReplaceAll(s, "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
			}
		}, ""},
		{"case", func(p map[string]string) {
			p["XL/SharedStrings.XML"] = p["xl/sharedStrings.xml"]
			delete(p, "xl/sharedStrings.xml")
		}, "DATEN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := rawParts(sheet, sst)
			tt.edit(p)
			b := rawXLSX(t, p)
			tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, tt.sheet))
			if got := dump(tb); got != "A@2×1: 1 5/2\n" || tb.Sheet != "Daten" {
				t.Errorf("sheet %q: got %s", tb.Sheet, got)
			}
			sheetAgrees(t, b)
		})
	}
	p := rawParts(sheet, sst)
	delete(p, "xl/worksheets/sheet1.xml")
	_, err := readXLSXBytes(rawXLSX(t, p), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten: cannot read the sheet: sheet Daten does not exist`)
	p = rawParts(rawSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1"><c r="B1"><v>1</v></c></row>`), sst)
	_, err = readXLSXBytes(rawXLSX(t, p), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!B1: cannot read the sheet: the sheet is damaged: row 1 comes after row 1`)
	p = rawParts(sheet, rawSST("a", "<si><t>&bad;</t></si>"))
	_, err = readXLSXBytes(rawXLSX(t, p), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!A1: cannot read the sheet: the shared strings: malformed XML: unknown entity "&bad;"`)
}

// TestXLSXEncoding reads a sheet in another encoding than UTF-8, which
// Excel does not write.
func TestXLSXEncoding(t *testing.T) {
	sheet := strings.Replace(rawSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Bezirksstelle</t></is></c><c r="B1" t="inlineStr"><is><t>youth_0_18</t></is></c><c r="C1" t="inlineStr"><is><t>sgb_recipients</t></is></c></row>`+
		"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Stra\xdfe \xa4</t></is></c><c r=\"B2\"><v>1</v></c><c r=\"C2\"><v>2</v></c></row>"), "UTF-8", "ISO-8859-15", 1)
	b := rawXLSX(t, rawParts(sheet, ""))
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))
	if got := dump(tb); got != "Straße €@2×1: 1 2\n" {
		t.Errorf("got %s", got)
	}
	_, err := readXLSXBytes(rawXLSX(t, rawParts(strings.Replace(sheet, "ISO-8859-15", "EBCDIC-X", 1), "")), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten: cannot read the sheet: malformed XML: unknown encoding "EBCDIC-X"`)
}

// TestXLSXLibreOffice reads a workbook saved by LibreOffice Calc 7.4 from
// one that excelize wrote: shared strings, rich text, a formula with its
// result, a boolean, a hidden row and merged cells.
func TestXLSXLibreOffice(t *testing.T) {
	b, err := os.ReadFile("testdata/libreoffice.xlsx")
	must(t, err)
	sheetAgrees(t, b)
	tb := mustRead(t)(readXLSXBytes(b, "lo.xlsx", two, ""))
	want := "A@2×2: 2468 7405/2\nB@4×1: 1/10 4001/2\nC@5×2: 7001/1000 9\n"
	if got := dump(tb); got != want || fmt.Sprint(tb.HiddenRows) != "[3]" {
		t.Errorf("hidden %v, got\n%swant\n%s", tb.HiddenRows, got, want)
	}
	sp := mustRead(t)(readXLSXBytes(b, "lo.xlsx", Schema{NeedSpending: true}, "Ausgaben"))
	if got := dump(sp); got != "A@2×1: S=41/4\nB@3×1: S=20\nC@4×1: S=0\n" {
		t.Errorf("got %s", got)
	}
}

// TestXLSXStreamWriter reads what excelize's stream writer writes: inline
// strings, rows with gaps, hidden rows, formulas without results.
func TestXLSXStreamWriter(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(t, err)
	must(t, sw.SetRow("A1", []any{"Bezirksstelle", "Stadtteil", "youth_0_18", "sgb_recipients", "Notiz"}))
	must(t, sw.SetRow("A2", []any{"A & B", "<a1>", 1, 2.5, nil}))
	must(t, sw.SetRow("A3", []any{"A & B", "a2\r\n", int64(3), "1.234", "x"}, excelize.RowOpts{Hidden: true}))
	must(t, sw.SetRow("B7", []any{"a3", 5, excelize.Cell{Formula: "C3*2", Value: 6}}))
	must(t, sw.SetRow("A9", []any{"C", "c1", true, false}))
	must(t, sw.SetRow("A10", []any{"_x0041_", "c2", 0.1, 1e21}))
	must(t, sw.Flush())
	buf, err := f.WriteToBuffer()
	must(t, err)
	sheetAgrees(t, buf.Bytes())
	_, err = readXLSXBytes(buf.Bytes(), "s.xlsx", two, "")
	wantError(t, err, `s.xlsx: Sheet1!A7: column "Bezirksstelle": empty unit name`)
	tb := mustRead(t)(readXLSXBytes(buf.Bytes(), "s.xlsx", all, ""))
	// "1.234" is text, read the German way; _x0041_ is written escaped.
	want := "A & B@2×2: 4 2473/2\nC@9×1: 1 0\n_x0041_@10×1: 1/10 1000000000000000000000\n"
	if got := dump(tb); got != want || fmt.Sprint(tb.HiddenRows) != "[3]" {
		t.Errorf("hidden %v, got\n%swant\n%s", tb.HiddenRows, got, want)
	}
}

// TestRowReaderDates: a RowReader (actuals') reads a number shown as a
// date as the number of days Excel keeps, and tells it is a number cell;
// a date as text (t="d") is neither.
func TestRowReaderDates(t *testing.T) {
	p := rawParts(rawSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Datum</t></is></c></row>`+
		`<row r="2"><c r="A2" s="1"><v>46053</v></c><c r="B2" t="d"><v>2026-01-31T00:00:00</v></c><c r="C2"><v>12.5</v></c></row>`), "")
	p["xl/styles.xml"] = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	rr, err := OpenRows(bytes.NewReader(rawXLSX(t, p)), "ist.xlsx", Options{})
	must(t, err)
	for range 2 {
		_, err = rr.Next()
		must(t, err)
	}
	if !rr.IsNumberCell(0) || rr.IsNumberCell(1) || !rr.IsNumberCell(2) {
		t.Errorf("number cells: %v %v %v", rr.IsNumberCell(0), rr.IsNumberCell(1), rr.IsNumberCell(2))
	}
	if d, err := rr.Dialect(0, "46053"); d != Machine || err != nil {
		t.Errorf("date-styled number: %v, %v", d, err)
	}
	if _, err := rr.Dialect(1, "2026-01-31T00:00:00"); err == nil {
		t.Error("a date as text reads as a number")
	}
	must(t, rr.Close())
}
