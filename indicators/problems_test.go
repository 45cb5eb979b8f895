package indicators

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// all is the schema of two with AllProblems.
var all = Schema{Indicators: two.Indicators, AllowSpending: true, AllProblems: true}

// problems lists the messages of t.Problems, one a line.
func problems(t *Table) string {
	var b strings.Builder
	for _, p := range t.Problems {
		b.WriteString(p.Error() + "\n")
	}
	return b.String()
}

func TestAllProblemsCSV(t *testing.T) {
	const h = "Bezirksstelle;Einwohner 0-18;SGB II/XII\n"
	in := h +
		"A;1;2\n" +
		"B;x;-1\n" + // two problems, B is left out ...
		";3;4\n" +
		"A;5;6\n" +
		"C;7;8\n" +
		"D;1;2;note\n" + // cells moved: one problem, the rest unchecked
		"B;1;2\n" + // ... but is there
		"E;;\n" +
		"B;3;4\n"
	tb, err := readString("data.csv", in, all)
	if err != nil {
		t.Fatal(err)
	}
	want := `data.csv:3: column "Einwohner 0-18": "x" is not a number
data.csv:3: column "SGB II/XII": negative value -1
data.csv:4: column "Bezirksstelle": empty unit name
data.csv:5: column "Bezirksstelle": unit "A" appears again (first on line 2)
data.csv:7: cell 4 has no heading
data.csv:8: column "Bezirksstelle": unit "B" appears again (first on line 3)
data.csv:9: column "Einwohner 0-18": empty value
data.csv:9: column "SGB II/XII": empty value
data.csv:10: column "Bezirksstelle": unit "B" appears again (first on line 3)
`
	if got := problems(tb); got != want {
		t.Errorf("problems:\n%swant\n%s", got, want)
	}
	if got, want := dump(tb), "A@2×1: 1 2\nC@6×1: 7 8\n"; got != want {
		t.Errorf("units:\n%swant\n%s", got, want)
	}
	// Without AllProblems the first problem ends the read, as before.
	_, err = readString("data.csv", in, two)
	wantError(t, err, `data.csv:3: column "Einwohner 0-18": "x" is not a number`)
}

// TestAllProblemsOrder: a row's problems come from left to right, while
// without AllProblems the first found is reported, the unit's before the
// area's and the indicators' in the schema's order.
func TestAllProblemsOrder(t *testing.T) {
	in := "Stadtteil;Bezirksstelle;Einwohner 0-18;SGB II/XII\nSumme;;-1;x\n"
	s := Schema{Indicators: []string{"sgb_recipients", "youth_0_18"}}
	_, err := readString("data.csv", in, s)
	wantError(t, err, `data.csv:2: column "Bezirksstelle": empty unit name`)
	s.AllProblems = true
	tb := mustRead(t)(readString("data.csv", in, s))
	want := `data.csv:2: column "Stadtteil": "Summe" looks like a total row; remove it
data.csv:2: column "Bezirksstelle": empty unit name
data.csv:2: column "Einwohner 0-18": negative value -1
data.csv:2: column "SGB II/XII": "x" is not a number
`
	if got := problems(tb); got != want || len(tb.Units) != 0 {
		t.Errorf("units %v, problems:\n%swant\n%s", tb.Units, got, want)
	}
}

func TestAllProblemsAreas(t *testing.T) {
	in := "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\n" +
		"A;a;1;x\n" + // a is taken even so
		"A;b;1;2\n" +
		"B;a;3;4\n" +
		"B;c;5;6\n" +
		"C;d;0;abc\n" // C has no good row and is no unit
	tb := mustRead(t)(readString("data.csv", in, all))
	want := `data.csv:2: column "SGB II/XII": "x" is not a number
data.csv:4: column "Stadtteil": area "a" appears again (first on line 2)
data.csv:6: column "SGB II/XII": "abc" is not a number
`
	if got := problems(tb); got != want {
		t.Errorf("problems:\n%swant\n%s", got, want)
	}
	if got, want := dump(tb), "A@3×1: 1 2\nB@5×1: 5 6\n"; got != want {
		t.Errorf("units:\n%swant\n%s", got, want)
	}
}

// TestAllProblemsEnds: what leaves nothing to check still ends the read.
func TestAllProblemsEnds(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `data.csv: no header row; the table is empty`},
		{"Bezirksstelle;Einwohner 0-18\nA;x\n", `data.csv: column "sgb_recipients" is missing (expected a heading like "SGB II/XII")`},
		{"Bezirksstelle;youth_0_18;youth 0 18;sgb_recipients\nA;x;1;2\n", `data.csv:1: column "youth 0 18": means "youth_0_18" like column "youth_0_18"; remove one of them`},
		{"Bezirksstelle;youth_0_18;sgb_recipients\n", `data.csv:1: no data rows below the header`},
		{"PK\x03\x04", `data.csv: not CSV text but a zip archive (an xlsx workbook?); name it .xlsx`},
	} {
		_, err := readString("data.csv", tt.in, all)
		wantError(t, err, tt.want)
	}
	_, err := readXLSXBytes([]byte("PK\x03\x04 broken"), "data.xlsx", all, "")
	wantError(t, err, `data.xlsx: cannot read the workbook: zip: not a valid zip file`)
}

// TestAllProblemsNoGoodRow: a table whose every row is bad has no units
// but its problems, and no error.
func TestAllProblemsNoGoodRow(t *testing.T) {
	tb := mustRead(t)(readString("data.csv", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;\n", all))
	if got, want := problems(tb), "data.csv:2: column \"sgb_recipients\": empty value\n"; got != want || len(tb.Units) != 0 {
		t.Errorf("units %v, problems:\n%swant\n%s", tb.Units, got, want)
	}
}

func TestAllProblemsCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n")
	for i := range maxProblems + 5 {
		fmt.Fprintf(&b, "U%d;x;1\n", i)
	}
	b.WriteString("Z;1;2\n")
	tb := mustRead(t)(readString("data.csv", b.String(), all))
	if n := len(tb.Problems); n != maxProblems+1 {
		t.Fatalf("%d problems", n)
	}
	last := fmt.Sprint(tb.Problems[maxProblems-1], "\n", tb.Problems[maxProblems])
	if want := "data.csv:1002: column \"youth_0_18\": \"x\" is not a number\ndata.csv: … and more problems; fix these first"; last != want {
		t.Errorf("last problems:\n%s\nwant\n%s", last, want)
	}
	if got := dump(tb); got != "A@2×1: 1 2\n" {
		t.Errorf("units: %s", got) // the read stopped before Z
	}
	// The cap counts problems, not rows; the note goes where the cap is hit.
	b.Reset()
	b.WriteString("Bezirksstelle;youth_0_18;sgb_recipients\n")
	for i := range maxProblems/2 + 1 {
		fmt.Fprintf(&b, "U%d;x;y\n", i)
	}
	tb = mustRead(t)(readString("data.csv", b.String(), all))
	if n := len(tb.Problems); n != maxProblems+1 || tb.Problems[maxProblems].Msg.String() != "… and more problems; fix these first" {
		t.Errorf("%d problems, last %v", n, tb.Problems[n-1])
	}
}

func TestAllProblemsPeriods(t *testing.T) {
	in := "Quartal;Bezirksstelle;Betrag\n" +
		"2026-Q1;A;x\n" + // a problem of an earlier period still counts
		"2026-Q2;A;1\n" +
		";B;2\n" +
		"2026-Q2;B;-3\n" +
		"2026-Q2;C;4\n" +
		"2026-Q1;D;y\n" // earlier: not read
	s := Schema{Indicators: []string{KeyAmount}, LatestPeriod: true, AllProblems: true}
	tb := mustRead(t)(readString("data.csv", in, s))
	want := `data.csv:2: column "Betrag": "x" is not a number
data.csv:4: column "Quartal": empty period
data.csv:5: column "Betrag": negative value -3
`
	if got := problems(tb); got != want {
		t.Errorf("problems:\n%swant\n%s", got, want)
	}
	if got, want := dump(tb), "A@3×1: 1\nC@6×1: 4\n"; got != want || tb.Period != "2026-Q2" {
		t.Errorf("period %s, units:\n%swant\n%s", tb.Period, got, want)
	}
}

func TestAllProblemsXLSX(t *testing.T) {
	b := workbook(t, sheetData{"Daten", [][]any{
		xlsxHeader,
		{"A", "a", 1, 2},
		{"A", "b", "1.5", nil},
		nil,
		{"B", "a", 3, 4},
		{"C", "c", 5, 6, nil, "Notiz"},
		{"C", "d", 7, 8},
	}})
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", all, ""))
	want := `data.xlsx: Daten!C3: column "Einwohner 0-18": "1.5" is text that reads two ways; enter it as a number
data.xlsx: Daten!D3: column "SGB II/XII": empty value
data.xlsx: Daten!B5: column "Stadtteil": area "a" appears again (first in row 2)
data.xlsx: Daten!F6: cell has no heading
`
	if got := problems(tb); got != want {
		t.Errorf("problems:\n%swant\n%s", got, want)
	}
	if got, want := dump(tb), "A@2×1: 1 2\nC@7×1: 7 8\n"; got != want {
		t.Errorf("units:\n%swant\n%s", got, want)
	}
	for _, p := range tb.Problems {
		if p.Sheet != "Daten" || p.Cell == "" {
			t.Errorf("%#v", p)
		}
	}
	b = bigBadWorkbook(t, maxProblems+1)
	tb = mustRead(t)(readXLSXBytes(b, "data.xlsx", all, ""))
	if got := tb.Problems[len(tb.Problems)-1].Error(); len(tb.Problems) != maxProblems+1 || got != "data.xlsx: Daten: … and more problems; fix these first" {
		t.Errorf("%d problems, last %s", len(tb.Problems), got)
	}
}

// bigBadWorkbook has n rows, each with a bad value.
func bigBadWorkbook(t *testing.T, n int) []byte {
	rows := [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}}
	for i := range n {
		rows = append(rows, []any{fmt.Sprint("U", i), "x", 1})
	}
	return workbook(t, sheetData{"Daten", rows})
}

func TestHiddenRows(t *testing.T) {
	hide := func(f *excelize.File) {
		for _, r := range []int{1, 3, 6, 9, 12} { // the header, data rows, a blank row, a row after the total
			must(t, f.SetRowVisible("Daten", r, false))
		}
	}
	b := editedWorkbook(t, hide, sheetData{"Daten", [][]any{
		xlsxHeader,
		{"A", "a", 1, 2},
		{"A", "b", 3, 4},
		nil, nil, // not in the file: excelize gives them the next row's options
		{"B", "c", 5, 6},
		{"B", "d", 0, 0},
		{"C", "e", 7, 8},
		nil,
		{"Summe", nil, 16, 20},
		nil,
		{"D", "f", 1, 1},
	}})
	s := Schema{Indicators: two.Indicators, EndAtTotal: true}
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", s, ""))
	if !slices.Equal(tb.HiddenRows, []int{3, 6}) {
		t.Errorf("hidden rows %v", tb.HiddenRows)
	}
	if got, want := dump(tb), "A@2×2: 4 6\nB@6×2: 5 6\nC@8×1: 7 8\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want) // hidden rows count, as in Excel
	}
	// A bad row that is hidden is one too: the user cannot see it.
	s.AllProblems = true
	b = editedWorkbook(t, func(f *excelize.File) { must(t, f.SetRowVisible("Daten", 3, false)) }, sheetData{"Daten", [][]any{
		xlsxHeader, {"A", "a", 1, 2}, {"A", "b", "x", 4},
	}})
	tb = mustRead(t)(readXLSXBytes(b, "data.xlsx", s, ""))
	if !slices.Equal(tb.HiddenRows, []int{3}) || len(tb.Problems) != 1 {
		t.Errorf("hidden rows %v, problems %v", tb.HiddenRows, tb.Problems)
	}
	tb = mustRead(t)(readString("data.csv", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n", two))
	if tb.HiddenRows != nil || tb.Problems != nil {
		t.Errorf("csv: hidden rows %v, problems %v", tb.HiddenRows, tb.Problems)
	}
}

// TestHiddenRowsPeriods: rows of an earlier period are not read, hidden
// or not.
func TestHiddenRowsPeriods(t *testing.T) {
	hide := func(f *excelize.File) {
		for _, r := range []int{2, 4} {
			must(t, f.SetRowVisible("Daten", r, false))
		}
	}
	b := editedWorkbook(t, hide, sheetData{"Daten", [][]any{
		{"Quartal", "Bezirksstelle", "Betrag"},
		{"2026-Q1", "A", 1},
		{"2026-Q2", "A", 2},
		{"2026-Q2", "B", 3},
		{"2026-Q1", "B", 4},
	}})
	s := Schema{Indicators: []string{KeyAmount}, LatestPeriod: true}
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", s, ""))
	if !slices.Equal(tb.HiddenRows, []int{4}) {
		t.Errorf("hidden rows %v", tb.HiddenRows)
	}
}
