package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/cmd"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/calc"
)

var (
	templateIndicators = indicators.Schema{Indicators: []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"}}
	templateSpending   = indicators.Schema{NeedSpending: true}
)

// TestFramedByLibreOffice: init's workbook as the statistics office sends
// it, with a two-line title, a total row of =SUM formulas and a source
// note below the table, saved by LibreOffice (which stores the formulas'
// results, as Excel does) as xlsx and as German CSV, reads as the bare
// workbook does (issue 13).
func TestFramedByLibreOffice(t *testing.T) {
	calc.Require(t)
	if testing.Short() {
		t.Skip("LibreOffice takes a minute")
	}
	dir := t.TempDir()
	var stderr bytes.Buffer
	if code := cmd.Run([]string{"init", dir}, io.Discard, &stderr); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr.String())
	}
	bare := filepath.Join(dir, "indikatoren.xlsx")
	tmpl, err := os.ReadFile(bare)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(tmpl))
	if err != nil {
		t.Fatal(err)
	}
	indTotal := frameSheet(t, f, "Indikatoren", "Summe", "C", "F")
	spTotal := frameSheet(t, f, "Mittelabfluss", "Stadt Essen", "B", "B")
	framed := filepath.Join(dir, "framed.xlsx")
	if err := f.SaveAs(framed); err != nil {
		t.Fatal(err)
	}
	framedDir := filepath.Join(dir, "framed")
	if err := os.Mkdir(framedDir, 0o755); err != nil {
		t.Fatal(err)
	}
	saved, savedCSV := filepath.Join(framedDir, "indikatoren.xlsx"), filepath.Join(dir, "indikatoren.csv")
	for _, out := range []string{saved, savedCSV} {
		if err := calc.SaveAs(framed, out); err != nil {
			t.Fatal(err)
		}
	}

	for _, tt := range []struct {
		path   string
		sheet  string
		schema indicators.Schema
		total  int
	}{
		{saved, "Indikatoren", templateIndicators, indTotal},
		{saved, "Mittelabfluss", templateSpending, spTotal},
		{savedCSV, "", templateIndicators, indTotal},
	} {
		want, err := indicators.ReadFile(bare, tt.schema, indicators.Options{Sheet: tt.sheet})
		if err != nil {
			t.Fatal(err)
		}
		got, err := indicators.ReadFile(tt.path, tt.schema, indicators.Options{Sheet: tt.sheet})
		if err != nil {
			t.Fatalf("%s %s: %v", filepath.Base(tt.path), tt.sheet, err)
		}
		if g, w := unitLines(got, 3), unitLines(want, 0); g != w {
			t.Errorf("%s %s: got\n%swant\n%s", filepath.Base(tt.path), tt.sheet, g, w)
		}
		if got.HeadingRow != 4 || got.TotalRow != tt.total || len(got.Titles) != 2 || len(got.Notes) != 2 {
			t.Errorf("%s %s: heading row %d, total row %d (want %d), titles %v, notes %v",
				filepath.Base(tt.path), tt.sheet, got.HeadingRow, got.TotalRow, tt.total, got.Titles, got.Notes)
		}
		if n := got.Notes; len(n) == 2 && (n[0].Text != "Quelle: IT.NRW, Stand 31.12.2025" || n[1].Line != tt.total+3) {
			t.Errorf("%s %s: notes %v", filepath.Base(tt.path), tt.sheet, n)
		}
	}

	// allocate with init's config, on the bare and the framed workbook.
	config, err := os.ReadFile(filepath.Join(dir, "raumbudget.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(framedDir, "raumbudget.yaml"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	allocate := []string{"allocate", "--lang", "de", "-o", "csv", "--config"}
	want := raumbudget(t, append(allocate, filepath.Join(dir, "raumbudget.yaml"))...)
	if got := raumbudget(t, append(allocate, filepath.Join(framedDir, "raumbudget.yaml"))...); !bytes.Equal(got, want) {
		t.Errorf("allocate on the framed workbook:\n%s\nwant, as on the bare one:\n%s", got, want)
	}
}

// frameSheet adds to the sheet, above its table, a two-line title and an empty
// row, and below it a total row labelled label with =SUM formulas in the
// columns from to to, an empty row and two notes. It returns the total
// row's number.
func frameSheet(t *testing.T, f *excelize.File, sheet, label, from, to string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	last := len(rows) + 3 // the table's last row, once the title is in
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.InsertRows(sheet, 1, 3))
	must(f.SetCellStr(sheet, "A1", "Einwohner, Leistungsbezug und Freiflächen"))
	must(f.SetCellStr(sheet, "A2", "nach Bezirksstellen und Stadtteilen, Stadt Essen 2025"))
	total := last + 1
	must(f.SetCellStr(sheet, fmt.Sprint("A", total), label))
	for c := from[0]; c <= to[0]; c++ {
		col := string(c)
		must(f.SetCellFormula(sheet, fmt.Sprint(col, total), fmt.Sprintf("SUM(%s5:%s%d)", col, col, last)))
	}
	must(f.SetCellStr(sheet, fmt.Sprint("A", total+2), "Quelle: IT.NRW, Stand 31.12.2025"))
	must(f.SetCellStr(sheet, fmt.Sprint("A", total+3), "* vorläufige Werte"))
	return total
}

// unitLines lists a table's units, their rows moved up by shift.
func unitLines(t *indicators.Table, shift int) string {
	var b bytes.Buffer
	for _, u := range t.Units {
		fmt.Fprintf(&b, "%s@%d×%d:", u.Name, u.Line-shift, u.Rows)
		for _, v := range u.Values {
			b.WriteString(" " + v.RatString())
		}
		if u.Spending != nil {
			b.WriteString(" S=" + u.Spending.RatString())
		}
		b.WriteString("\n")
	}
	return b.String()
}
