package indicators

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"

	"github.com/raumbudget/raumbudget/internal/msg"

	"github.com/raumbudget/raumbudget/internal/xlsx"
)

// workbook builds an xlsx file in memory. Each sheet is a list of rows from
// row 1; a string cell is written as text, any other value as a number.
func workbook(t testing.TB, sheets ...sheetData) []byte {
	t.Helper()
	return editedWorkbook(t, nil, sheets...)
}

// editedWorkbook is workbook with edit applied before saving, to merge
// cells, hide rows or write formulas.
func editedWorkbook(t testing.TB, edit func(f *excelize.File), sheets ...sheetData) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			must(t, f.SetSheetName("Sheet1", s.name))
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				must(t, f.SetCellValue(s.name, cellName(c, r+1), v))
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	buf, err := f.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

type sheetData struct {
	name string
	rows [][]any
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func readXLSXBytes(b []byte, name string, s Schema, sheet string) (*Table, error) {
	return Read(bytes.NewReader(b), name, s, Options{Sheet: sheet})
}

var xlsxHeader = []any{"Bezirksstelle", "Stadtteil", "Einwohner 0-18", "SGB II/XII"}

func TestXLSXNumbers(t *testing.T) {
	b := workbook(t, sheetData{"Daten", [][]any{
		xlsxHeader,
		{"A", "a1", 1234, 1234.5},
		{"A", "a2", 2345.68, 0.1 + 0.2},  // stored as 2345.68 and 0.30000000000000004
		{"B", "b1", "1.234,5", "1234"},   // numbers stored as text
		{"B", "b2", "1234,5", " 1 234 "}, // German text, padded
		{"C", "c1", "1.234", 1.234},      // text 1234, number 1.234
		{"C", "c2", "-0", 1e-3},
		{"D", "d1", 1.5e20, "12.345.678"},
		{"E", "1.5", 1.5, 1234.5}, // the text "1.5" elsewhere makes numbers 1.5 no text
		{"F", "f1", true, false},  // booleans read as 1 and 0: see the package doc
	}})
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))
	want := "A@2×2: 89492/25 6174/5\nB@4×2: 2469 2468\nC@6×2: 1234 247/200\nD@8×1: 150000000000000000000 12345678\nE@9×1: 3/2 2469/2\nF@10×1: 1 0\n"
	if got := dump(tb); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if tb.Sheet != "Daten" || !tb.HasArea || tb.Headings["sgb_recipients"] != "SGB II/XII" {
		t.Errorf("sheet %q, HasArea %v, headings %v", tb.Sheet, tb.HasArea, tb.Headings)
	}
}

// TestXLSXInlineStrings reads a sheet written by a stream writer, as large
// exports are, whose text cells are inline strings rather than shared ones.
func TestXLSXInlineStrings(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(t, err)
	must(t, sw.SetRow("A1", []any{"Bezirksstelle", "youth_0_18", "sgb_recipients"}))
	must(t, sw.SetRow("A2", []any{"A", "1.234", 1.234}))
	must(t, sw.SetRow("A4", []any{"B", "2.000,5", 7}))
	// An inline string "1.5" is not looked up (see xlsxSource.dialect) and
	// reads as the number it shows.
	must(t, sw.SetRow("A5", []any{"C", "1.5", 1}))
	must(t, sw.Flush())
	buf, err := f.WriteToBuffer()
	must(t, err)
	tb := mustRead(t)(readXLSXBytes(buf.Bytes(), "data.xlsx", two, ""))
	if got, want := dump(tb), "A@2×1: 1234 617/500\nB@4×1: 4001/2 7\nC@5×1: 3/2 1\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestXLSXSheets(t *testing.T) {
	b := workbook(t,
		sheetData{"Titel", [][]any{{"Indikatoren 2025"}}},
		sheetData{"Zahlen", [][]any{nil, nil, {nil, "Bezirksstelle", "youth_0_18", "sgb_recipients"}, {nil, "A", 1, 2}, nil, {nil, "B", 3, 4}}},
		sheetData{"Meine Daten", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1, "x"}}},
	)
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, "zahlen"))
	if got, want := dump(tb), "A@4×1: 1 2\nB@6×1: 3 4\n"; got != want || tb.Sheet != "Zahlen" {
		t.Errorf("sheet %q, got\n%swant\n%s", tb.Sheet, got, want)
	}
	if e := tb.ColumnError("youth_0_18", msg.New("total is 0")); e.Error() != `data.xlsx: Zahlen!C3: column "youth_0_18": total is 0` {
		t.Errorf("got %s", e)
	}
	_, err := readXLSXBytes(b, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Titel: column "unit" is missing (expected a heading like "Bezirksstelle")`)
	_, err = readXLSXBytes(b, "data.xlsx", two, "Daten")
	wantError(t, err, `data.xlsx: no sheet "Daten"; the workbook has "Titel", "Zahlen", "Meine Daten"`)
	_, err = readXLSXBytes(b, "data.xlsx", two, "Meine Daten")
	wantError(t, err, `data.xlsx: 'Meine Daten'!C2: column "sgb_recipients": "x" is not a number`)
}

func TestXLSXBadInput(t *testing.T) {
	h := xlsxHeader
	tests := []struct {
		name string
		rows [][]any
		want string
	}{
		{"not a number", [][]any{h, {"A", "a", 1, 2}, nil, nil, {"B", "b", 1, "abc"}}, `data.xlsx: Daten!D5: column "SGB II/XII": "abc" is not a number`},
		{"german 1.5 text", [][]any{h, {"A", "a", "1,5.0", 2}}, `data.xlsx: Daten!C2: column "Einwohner 0-18": "1,5.0" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{"empty value", [][]any{h, {"A", "a", 1, nil}}, `data.xlsx: Daten!D2: column "SGB II/XII": empty value`},
		{"negative", [][]any{h, {"A", "a", -5, 2}}, `data.xlsx: Daten!C2: column "Einwohner 0-18": negative value -5`},
		{"empty unit", [][]any{h, {"A", "a", 1, 2}, {nil, nil, nil, "Quelle"}}, `data.xlsx: Daten!A3: column "Bezirksstelle": empty unit name`},
		{"note right of the table", [][]any{h, {"A", "a", 1, 2}, {nil, nil, nil, nil, "Quelle"}}, `data.xlsx: Daten!E3: cell has no heading`},
		{"value right of the table", [][]any{h, {"A", "a", 1, 2}, {"B", "b", 1, 2, nil, nil, nil, 7}}, `data.xlsx: Daten!H3: cell has no heading`},
		{"value under an empty trailing heading", [][]any{{"Bezirksstelle", "Stadtteil", "Einwohner 0-18", "SGB II/XII", " "}, {"A", "a", 1, 2, 3}}, `data.xlsx: Daten!E2: cell has no heading`},
		{"newline in unit", [][]any{h, {"A", "a", 1, 2}, {"B\nC", "b", 1, 2}}, `data.xlsx: Daten!A3: column "Bezirksstelle": a name must be one line`},
		{"tab in area", [][]any{h, {"A", "a\tb", 1, 2}}, `data.xlsx: Daten!B2: column "Stadtteil": a name holds a tab; replace it by a space`},
		{"text 1.5", [][]any{h, {"A", "a", "1.5", 2}}, `data.xlsx: Daten!C2: column "Einwohner 0-18": "1.5" is text that reads two ways; enter it as a number`},
		{"text 1.50", [][]any{h, {"A", "a", 1, " 1.50 "}}, `data.xlsx: Daten!D2: column "SGB II/XII": "1.50" is text that reads two ways; enter it as a number`},
		{"text 1234.5", [][]any{h, {"A", "a", 1, 2}, {"B", "b", "1234.5", 2}}, `data.xlsx: Daten!C3: column "Einwohner 0-18": "1234.5" is text that reads two ways; enter it as a number`},
		{"text -0.5", [][]any{h, {"A", "a", "-0.5", 2}}, `data.xlsx: Daten!C2: column "Einwohner 0-18": "-0.5" is text that reads two ways; enter it as a number`},
		{"text 1.2345", [][]any{h, {"A", "a", 1.2345, "1.2345"}}, `data.xlsx: Daten!D2: column "SGB II/XII": "1.2345" is text that reads two ways; enter it as a number`},
		{"total row", [][]any{h, {"A", "a", 1, 2}, {"Summe", "", 1, 3}}, `data.xlsx: Daten!D3: column "SGB II/XII": "Summe" looks like a total row, but it does not add up: 3 here, the rows above sum to 2; correct or remove it`},
		{"total row not last", [][]any{h, {"A", "a", 1, 2}, {"Summe", "", 1, 2}, {"B", "b", 1, 2}}, `data.xlsx: Daten!A3: column "Bezirksstelle": "Summe" looks like a total row; remove it`},
		{"duplicate area", [][]any{h, {"A", "a", 1, 2}, {"B", "a", 1, 2}}, `data.xlsx: Daten!B3: column "Stadtteil": area "a" appears again (first in row 2)`},
		{"missing column", [][]any{{"Bezirksstelle", "Einwohner 0-18"}, {"A", 1}}, `data.xlsx: Daten: column "sgb_recipients" is missing (expected a heading like "SGB II/XII")`},
		{"same key twice", [][]any{{"Bezirksstelle", "youth_0_18", "SGB II/XII", "youth 0 18"}}, `data.xlsx: Daten!D1: column "youth 0 18": means "youth_0_18" like column "youth_0_18"; remove one of them`},
		{"area key and built-in area", [][]any{nil, {"Bezirksstelle", "Bezirk", "youth_0_18", "SGB II/XII", "area"}}, `data.xlsx: Daten!E2: column "area": means "area" like column "Bezirk"; remove one of them`},
		{"header only", [][]any{nil, h}, `data.xlsx: Daten!A2: no data rows below the header`},
		{"empty sheet", nil, `data.xlsx: Daten: no header row; the table is empty`},
		{"date text", [][]any{h, {"A", "a", 1, "31.12.2025"}}, `data.xlsx: Daten!D2: column "SGB II/XII": "31.12.2025" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
	}
	for _, tt := range tests {
		b := workbook(t, sheetData{"Daten", tt.rows})
		_, err := readXLSXBytes(b, "data.xlsx", two, "")
		t.Run(tt.name, func(t *testing.T) { wantError(t, err, tt.want) })
	}
	noArea := workbook(t, sheetData{"Daten", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1, 2}, {"A", 1, 2}}})
	_, err := readXLSXBytes(noArea, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!A3: column "Bezirksstelle": unit "A" appears again (first in row 2)`)
}

// TestXLSXLayout: cells under an empty heading between headings are a
// spacer column; an area column coarser than another is ignored.
func TestXLSXLayout(t *testing.T) {
	b := workbook(t, sheetData{"Daten", [][]any{
		{"Bezirksstelle", "Bezirk", nil, "Stadtteil", "Einwohner 0-18", nil, "SGB II/XII"},
		{"A", "I", "Notiz", "a", 1, 9, 2},
		{"A", "I", nil, "b", 1, "x", 2},
		{"B", "II", nil, "c", 1, nil, 2, nil},
	}})
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))
	if got, want := dump(tb), "A@2×2: 2 4\nB@4×1: 1 2\n"; got != want || tb.Headings["area"] != "Stadtteil" {
		t.Errorf("area %q, got\n%swant\n%s", tb.Headings["area"], got, want)
	}
}

func TestXLSXFormat(t *testing.T) {
	b := workbook(t, sheetData{"Daten", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1, 2}}})
	for _, name := range []string{"data.xlsm", "DATA.XLSX", "data", "data.bin"} {
		if _, err := readXLSXBytes(b, name, two, ""); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, err := readXLSXBytes([]byte("Bezirksstelle;youth_0_18\nA;1\n"), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: not an xlsx workbook (not a zip archive); is it CSV text named .xlsx?`)
	_, err = readXLSXBytes([]byte("PK\x03\x04 broken"), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: cannot read the workbook: zip: not a valid zip file`)
	_, err = readXLSXBytes(nil, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: not an xlsx workbook (not a zip archive); is it CSV text named .xlsx?`)
}

func TestErrorPlacesXLSX(t *testing.T) {
	b := workbook(t, sheetData{"Daten", [][]any{nil, xlsxHeader, {"A", "a", 1, 2}, {"B", "b", 0, 2}}})
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))
	for _, tt := range []struct {
		err  *Error
		want string
	}{
		{tb.ErrorAt(1, "youth_0_18", msg.New("zero value in an inverse indicator")), `data.xlsx: Daten!C4: column "Einwohner 0-18": zero value in an inverse indicator`},
		{tb.ErrorAt(0, "", msg.New("no column")), `data.xlsx: Daten!A3: no column`},
		{tb.ColumnError("sgb_recipients", msg.New("total is 0 but weight is 0.25")), `data.xlsx: Daten!D2: column "SGB II/XII": total is 0 but weight is 0.25`},
		{tb.ColumnError("other", msg.New("is unknown")), `data.xlsx: Daten: column "other" is unknown`},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got\n\t%s\nwant\n\t%s", got, tt.want)
		}
		if tt.err.Sheet != "Daten" {
			t.Errorf("Sheet %q", tt.err.Sheet)
		}
	}
}

// TestXLSXFormulas: the streamed value of a formula is the result that
// Excel saved; a workbook written by a script has none, whatever the
// formula would give: the reader calculates nothing.
func TestXLSXFormulas(t *testing.T) {
	noD3 := [][]any{xlsxHeader, {"A", "a", 1, 2}, {"B", "b", 3, nil}}
	noA3 := [][]any{xlsxHeader, {"A", "a", 1, 2}, {nil, "b", 3, 4}}
	for _, tt := range []struct {
		rows          [][]any
		cell, formula string
		want          string
	}{
		{noD3, "D3", "C3*2", `data.xlsx: Daten!D3: column "SGB II/XII": formula without a calculated value; open the file in Excel or LibreOffice and save it`},
		{noD3, "D3", `IF(C3>100,1,"")`, `data.xlsx: Daten!D3: column "SGB II/XII": formula without a calculated value; open the file in Excel or LibreOffice and save it`},
		{noD3, "D3", "NOSUCHFUNCTION(C3)", `data.xlsx: Daten!D3: column "SGB II/XII": formula without a calculated value; open the file in Excel or LibreOffice and save it`},
		{noA3, "A3", `"B"`, `data.xlsx: Daten!A3: column "Bezirksstelle": formula without a calculated value; open the file in Excel or LibreOffice and save it`},
	} {
		b := editedWorkbook(t, func(f *excelize.File) { must(t, f.SetCellFormula("Daten", tt.cell, tt.formula)) }, sheetData{"Daten", tt.rows})
		_, err := readXLSXBytes(b, "data.xlsx", two, "")
		wantError(t, err, tt.want)
		tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", all, ""))
		if got := problems(tb); got != tt.want+"\n" {
			t.Errorf("AllProblems: got %s", got)
		}
	}
}

// TestXLSXMergedNames: a unit name merged down over its areas' rows is in
// the top cell only, and Excel shows it in every row.
func TestXLSXMergedNames(t *testing.T) {
	merge := func(f *excelize.File) {
		must(t, f.MergeCell("Daten", "A2", "A4"))
		must(t, f.MergeCell("Daten", "A5", "A6"))
		must(t, f.MergeCell("Daten", "B6", "B7")) // an area over two units: each row has it
	}
	b := editedWorkbook(t, merge, sheetData{"Daten", [][]any{
		xlsxHeader,
		{"Bezirksstelle I", "a", 1, 2},
		{nil, "b", 3, 4},
		{nil, "c", 5, 6},
		{"Bezirksstelle II", "d", 7, 8},
		{nil, "e", 9, 10},
		{"Bezirksstelle III", nil, 11, 12},
	}})
	_, err := readXLSXBytes(b, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!B7: column "Stadtteil": area "e" appears again (first in row 6)`)
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", all, ""))
	if got, want := dump(tb), "Bezirksstelle I@2×3: 9 12\nBezirksstelle II@5×2: 16 18\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestXLSXMergedBadInput(t *testing.T) {
	tests := []struct {
		name  string
		merge [2]string
		rows  [][]any
		want  string
	}{
		{"value", [2]string{"D2", "D3"}, [][]any{xlsxHeader, {"A", "a", 1, 2}, {"A", "b", 3, nil}},
			`data.xlsx: Daten!D3: column "SGB II/XII": empty value in merged cells D2:D3; unmerge them and fill in every row`},
		{"area across", [2]string{"A3", "B3"}, [][]any{xlsxHeader, {"A", "a", 1, 2}, {"A", nil, 3, 4}},
			`data.xlsx: Daten!B3: column "Stadtteil": empty area name in merged cells A3:B3; unmerge them and fill in every row`},
		{"empty merged name", [2]string{"A2", "A3"}, [][]any{xlsxHeader, {nil, "a", 1, 2}, {nil, "b", 3, 4}},
			`data.xlsx: Daten!A2: column "Bezirksstelle": empty unit name in merged cells A2:A3; unmerge them and fill in every row`},
		{"merged total", [2]string{"A2", "A3"}, [][]any{xlsxHeader, {"Summe", "a", 1, 2}, {nil, "b", 3, 4}},
			`data.xlsx: Daten!A2: column "Bezirksstelle": "Summe" looks like a total row; remove it`},
		{"merged with a formula", [2]string{"D2", "D3"}, [][]any{xlsxHeader, {"A", "a", 1, nil}, {"A", "b", 3, nil}},
			`data.xlsx: Daten!D2: column "SGB II/XII": formula without a calculated value; open the file in Excel or LibreOffice and save it`},
	}
	for _, tt := range tests {
		b := editedWorkbook(t, func(f *excelize.File) {
			must(t, f.MergeCell("Daten", tt.merge[0], tt.merge[1]))
			if tt.name == "merged with a formula" {
				must(t, f.SetCellFormula("Daten", "D2", "C2+1"))
			}
		}, sheetData{"Daten", tt.rows})
		_, err := readXLSXBytes(b, "data.xlsx", two, "")
		t.Run(tt.name, func(t *testing.T) { wantError(t, err, tt.want) })
	}
}

// TestXLSXTwoSheets reads the indicators and the spending from two sheets
// of one workbook, from one file and from one reader.
func TestXLSXTwoSheets(t *testing.T) {
	b := workbook(t,
		sheetData{"Indikatoren", [][]any{xlsxHeader, {"A", "a", 1, 2}, {"B", "b", 3, 4}}},
		sheetData{"Ausgaben", [][]any{{"Bezirksstelle", "Mittelabfluss Vorjahr"}, {"B", 20.5}, {"A", 10}}},
	)
	path := filepath.Join(t.TempDir(), "daten.xlsx")
	must(t, os.WriteFile(path, b, 0o644))
	spending := Schema{NeedSpending: true}
	data := mustRead(t)(ReadFile(path, two, Options{Sheet: "Indikatoren"}))
	sp := mustRead(t)(ReadFile(path, spending, Options{Sheet: "Ausgaben"}))
	must(t, JoinSpending(data, sp))
	if got, want := dump(data), "A@2×1: 1 2 S=10\nB@3×1: 3 4 S=41/2\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	r := bytes.NewReader(b)
	data = mustRead(t)(Read(r, "daten.xlsx", two, Options{Sheet: "Indikatoren"}))
	sp = mustRead(t)(Read(r, "daten.xlsx", spending, Options{Sheet: "Ausgaben"}))
	must(t, JoinSpending(data, sp))
	if got, want := dump(data), "A@2×1: 1 2 S=10\nB@3×1: 3 4 S=41/2\n"; got != want || data.Sheet != "Indikatoren" {
		t.Errorf("sheet %q, got\n%swant\n%s", data.Sheet, got, want)
	}
	if e := data.ErrorAt(1, keySpending, msg.New("x")); e.Error() != `daten.xlsx: Ausgaben!B2: column "Mittelabfluss Vorjahr": x` {
		t.Errorf("got %s", e)
	}
}

// unsureSheets are sheets the reader cannot read for sure, with the error
// that names the cell: excelize reads each of them without a word, and
// wrongly (issue 10).
var unsureSheets = []struct{ name, rows, want string }{
	{"shared string index not a number", `<c r="C2" t="s"><v>x1</v></c>`,
		`data.xlsx: Daten!C2: cannot read the sheet: the sheet is damaged: shared string index "x1" is not a number`},
	{"shared string index out of range", `<c r="C2" t="s"><v>7</v></c>`,
		`data.xlsx: Daten!C2: cannot read the sheet: the sheet is damaged: shared string index 7 is out of range (the workbook has 3 shared strings)`},
	{"cell of another namespace", `<c r="B2"><v>1</v></c><foo:c xmlns:foo="urn:foo" r="C2"><v>5</v></foo:c>`,
		`data.xlsx: Daten!C2: cannot read the sheet: the sheet is damaged: element <foo:c> is in namespace "urn:foo", not in SpreadsheetML's`},
	{"mismatched end tags", `<c r="B2"><v>1</c></v>`,
		`data.xlsx: Daten!B2: cannot read the sheet: malformed XML in row 2: end tag </c> does not match <v>`},
	{"not UTF-8", "<c r=\"B2\"><v>1</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>\xe4</t></is></c>",
		`data.xlsx: Daten!C2: cannot read the sheet: malformed XML in row 2: text that is not UTF-8`},
}

// unsureWorkbook is a workbook with a header of shared strings, and row 2
// made of unit A and cells.
func unsureWorkbook(t testing.TB, cells string) []byte {
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>` + cells + `</row>`
	return rawXLSX(t, rawParts(rawSheet(rows), rawSST("Bezirksstelle", "youth_0_18", "sgb_recipients")))
}

// TestXLSXRefusesWhatItCannotReadForSure: each is an error that names
// file, sheet and cell, for allocate and check alike.
func TestXLSXRefusesWhatItCannotReadForSure(t *testing.T) {
	for _, tt := range unsureSheets {
		t.Run(tt.name, func(t *testing.T) {
			b := unsureWorkbook(t, tt.rows)
			_, err := readXLSXBytes(b, "data.xlsx", two, "")
			wantError(t, err, tt.want)
			_, err = readXLSXBytes(b, "data.xlsx", all, "")
			wantError(t, err, tt.want)
		})
	}
	// The same cells in order are read.
	tb := mustRead(t)(readXLSXBytes(unsureWorkbook(t, `<c r="B2"><v>1</v></c><c r="C2"><v>2</v></c>`), "data.xlsx", two, ""))
	if got := dump(tb); got != "A@2×1: 1 2\n" {
		t.Errorf("got %s", got)
	}
}

// odsFile is the start of an OpenDocument spreadsheet as LibreOffice
// writes it: a zip whose first part, stored, is its mimetype.
func odsFile(t testing.TB) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	must(t, err)
	_, err = io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	must(t, err)
	w, err = zw.Create("content.xml")
	must(t, err)
	_, err = io.WriteString(w, `<office:document-content/>`)
	must(t, err)
	must(t, zw.Close())
	return b.Bytes()
}

// TestMisleadingFiles: each message says what is wrong and where (issue
// 11, finding 18), for reading a table and for listing the sheets.
func TestMisleadingFiles(t *testing.T) {
	dir := t.TempDir()
	utf16Sheet := func(sheet string) []byte {
		enc, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sheet)
		must(t, err)
		return rawXLSX(t, rawParts(enc, ""))
	}
	xls := []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an old workbook")
	for _, tt := range []struct {
		name     string
		data     []byte
		want     string
		sheetErr string // of SheetNames, if it fails
	}{
		{"x.xlsx", odsFile(t), `x.xlsx: an OpenDocument spreadsheet (.ods), not an xlsx workbook; save it in LibreOffice as Excel 2007-365 (.xlsx)`, "="},
		{"x.ods", odsFile(t), `x.ods: an OpenDocument spreadsheet (.ods), not an xlsx workbook; save it in LibreOffice as Excel 2007-365 (.xlsx)`, "="},
		{"x.xls", xls, `x.xls: an old Excel 97-2003 workbook (.xls) or an encrypted one; save it in Excel as .xlsx (Excel workbook), without a password`, "="},
		{"x.xlsx", xls, `x.xlsx: an old Excel 97-2003 workbook (.xls) or an encrypted one; save it in Excel as .xlsx (Excel workbook), without a password`, "="},
		{"u.xlsx", utf16Sheet(rawSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)),
			`u.xlsx: Daten: cannot read the sheet: malformed XML: the part is UTF-16 text, which Excel does not write; open the workbook in Excel or LibreOffice and save it again`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.data), tt.name, two, Options{})
			wantError(t, err, tt.want)
			path := filepath.Join(dir, tt.name)
			must(t, os.WriteFile(path, tt.data, 0o644))
			_, err = SheetNames(path)
			switch tt.sheetErr {
			case "=":
				wantError(t, err, strings.Replace(tt.want, tt.name, path, 1))
			case "":
				must(t, err)
			}
		})
	}
}

// TestXLSXHiddenSheets: a hidden or very hidden sheet is never taken by
// default, only by name, with a warning (issue 11, finding 2).
func TestXLSXHiddenSheets(t *testing.T) {
	old := sheetData{"Alt", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1000, 1000}}}
	cur := sheetData{"Daten", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1, 2}}}
	for _, very := range []bool{false, true} {
		b := editedWorkbook(t, func(f *excelize.File) {
			f.SetActiveSheet(1) // excelize does not hide the active sheet
			must(t, f.SetSheetVisible("Alt", false, very))
		}, old, cur)
		tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))
		if got := dump(tb); tb.Sheet != "Daten" || got != "A@2×1: 1 2\n" || len(tb.Warnings) != 0 {
			t.Errorf("very hidden %v: sheet %q, %s, warnings %v", very, tb.Sheet, got, tb.Warnings)
		}
		tb = mustRead(t)(readXLSXBytes(b, "data.xlsx", two, "alt"))
		if got := dump(tb); tb.Sheet != "Alt" || got != "A@2×1: 1000 1000\n" || fmt.Sprint(tb.Warnings) != "[data.xlsx: Alt: the sheet is hidden in Excel; it is read because it was asked for by name]" {
			t.Errorf("very hidden %v: sheet %q, %s, warnings %v", very, tb.Sheet, got, tb.Warnings)
		}
		_, err := readXLSXBytes(b, "data.xlsx", two, "Neu")
		wantError(t, err, `data.xlsx: no sheet "Neu"; the workbook has "Alt" (hidden), "Daten"`)
		path := filepath.Join(t.TempDir(), "data.xlsx")
		must(t, os.WriteFile(path, b, 0o644))
		sheets, err := Sheets(path)
		must(t, err)
		if fmt.Sprint(sheets) != "[{Alt true} {Daten false}]" {
			t.Errorf("sheets %v", sheets)
		}
	}
	// A state that is not known is not taken for visible; nor is a
	// workbook of hidden sheets read.
	p := rawParts(rawSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`), "")
	p["xl/workbook.xml"] = strings.Replace(p["xl/workbook.xml"], `sheetId="1"`, `sheetId="1" state="weird"`, 1)
	_, err := readXLSXBytes(rawXLSX(t, p), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: every sheet of the workbook is hidden in Excel; name the one to read (--sheet)`)
}

// TestXLSXDates: a number shown as a date is no value (issue 11, finding
// 3): 15.03.2023 is 45000 in the file.
func TestXLSXDates(t *testing.T) {
	for _, tt := range []struct {
		name string
		fmt  excelize.Style
		want string // "" if the value is read
	}{
		{"built-in 14", excelize.Style{NumFmt: 14}, `data.xlsx: Daten!D3: column "SGB II/XII": "45000" is a date in Excel (its cell has a date or time format), not a number; give the cell a number format`},
		{"built-in 22", excelize.Style{NumFmt: 22}, "date"},
		{"built-in 46", excelize.Style{NumFmt: 46}, "date"},
		{"custom date", excelize.Style{CustomNumFmt: ptr("dd.mm.yyyy")}, "date"},
		{"custom time", excelize.Style{CustomNumFmt: ptr("[h]:mm")}, "date"},
		{"number", excelize.Style{NumFmt: 4}, ""},
		{"custom number", excelize.Style{CustomNumFmt: ptr(`#,##0 "Tage"`)}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := editedWorkbook(t, func(f *excelize.File) {
				st, err := f.NewStyle(&tt.fmt)
				must(t, err)
				must(t, f.SetCellStyle("Daten", "D3", "D3", st))
				must(t, f.SetCellStyle("Daten", "A2", "B3", st)) // names and areas may look like anything
			}, sheetData{"Daten", [][]any{xlsxHeader, {"A", "a", 1, 2}, {"B", "b", 3, 45000}}})
			tb, err := readXLSXBytes(b, "data.xlsx", two, "")
			switch tt.want {
			case "":
				must(t, err)
				if got := dump(tb); got != "A@2×1: 1 2\nB@3×1: 3 45000\n" {
					t.Errorf("got %s", got)
				}
			case "date":
				if err == nil || !strings.Contains(err.Error(), "Daten!D3") || !strings.Contains(err.Error(), "is a date in Excel") {
					t.Errorf("error %v", err)
				}
			default:
				wantError(t, err, tt.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestZipTwoEntries: a zip with two entries of one name is refused
// (issue 11, finding 3): excelize reads the last, other programs the first.
func TestZipTwoEntries(t *testing.T) {
	good := rawXLSX(t, rawParts(rawSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`), ""))
	b := rezip(t, good, nil, func(zw *zip.Writer) {
		w, err := zw.Create("xl/worksheets/sheet1.xml")
		must(t, err)
		_, err = io.WriteString(w, rawSheet(`<row r="1"><c r="A1"><v>2</v></c></row>`))
		must(t, err)
	})
	_, err := readXLSXBytes(b, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: the workbook's zip holds two entries named "xl/worksheets/sheet1.xml"; which one is the workbook's is unknown`)
	path := filepath.Join(t.TempDir(), "data.xlsx")
	must(t, os.WriteFile(path, b, 0o644))
	_, err = Sheets(path)
	wantError(t, err, path+`: the workbook's zip holds two entries named "xl/worksheets/sheet1.xml"; which one is the workbook's is unknown`)
}

// manySheets is a workbook listing n sheets "S1", "S2", ..., each its own
// small part.
func manySheets(t testing.TB, n int) []byte {
	p := rawParts(rawSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Bezirksstelle</t></is></c><c r="B1" t="inlineStr"><is><t>youth_0_18</t></is></c>`+
		`<c r="C1" t="inlineStr"><is><t>sgb_recipients</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row>`), "")
	var sheets, rels strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sheets, `<sheet name="S%d" sheetId="%[1]d" r:id="rS%[1]d"/>`, i)
		fmt.Fprintf(&rels, `<Relationship Id="rS%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s%[1]d.xml"/>`, i)
		p[fmt.Sprintf("xl/worksheets/s%d.xml", i)] = p["xl/worksheets/sheet1.xml"]
	}
	p["xl/workbook.xml"] = strings.Replace(p["xl/workbook.xml"], `<sheet name="Daten" sheetId="1" r:id="rId1"/>`, sheets.String(), 1)
	p["xl/_rels/workbook.xml.rels"] = strings.Replace(p["xl/_rels/workbook.xml.rels"], `</Relationships>`, rels.String()+`</Relationships>`, 1)
	return rawXLSX(t, p)
}

// TestManySheets: the sheets are bounded, found without quadratic
// lookups, and a workbook is opened once for all of them (issue 11,
// finding 13).
func TestManySheets(t *testing.T) {
	_, err := readXLSXBytes(manySheets(t, xlsx.MaxSheets+1), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: cannot read the workbook: the workbook has more than 1000 sheets`)

	path := filepath.Join(t.TempDir(), "data.xlsx")
	must(t, os.WriteFile(path, manySheets(t, xlsx.MaxSheets), 0o644))
	w, err := OpenWorkbook(path)
	must(t, err)
	defer w.Close()
	sheets, err := w.Sheets()
	must(t, err)
	if len(sheets) != xlsx.MaxSheets {
		t.Fatalf("%d sheets", len(sheets))
	}
	for _, s := range sheets {
		tb := mustRead(t)(w.Read(two, Options{Sheet: s.Name}))
		if tb.Sheet != s.Name || dump(tb) != "A@2×1: 1 2\n" {
			t.Fatalf("sheet %q: %s", tb.Sheet, dump(tb))
		}
	}
}

// TestXLSXFormulaResults: whether a formula's result is empty or missing
// is read from the file, as Excel or a script saved it (issue 11, finding
// 14): with a <v>, empty, the result is empty; without one, no program
// calculated it.
func TestXLSXFormulaResults(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>Bezirksstelle</t></is></c><c r="B1" t="inlineStr"><is><t>youth_0_18</t></is></c><c r="C1" t="inlineStr"><is><t>sgb_recipients</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row>`
	for _, tt := range []struct{ cell, want string }{
		{`<c r="C3" t="str"><f>IF(B3&gt;100,1,"")</f><v></v></c>`, `data.xlsx: Daten!C3: column "sgb_recipients": empty value (its formula's result is empty)`},
		{`<c r="C3"><f>B3*2</f></c>`, `data.xlsx: Daten!C3: column "sgb_recipients": formula without a calculated value; open the file in Excel or LibreOffice and save it`},
		{``, `data.xlsx: Daten!C3: column "sgb_recipients": empty value`},
	} {
		sheet := rawSheet(rows + `<row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3"><v>1</v></c>` + tt.cell + `</row>`)
		_, err := readXLSXBytes(rawXLSX(t, rawParts(sheet, "")), "data.xlsx", two, "")
		wantError(t, err, tt.want)
	}
}
