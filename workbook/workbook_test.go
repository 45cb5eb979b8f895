package workbook

import (
	"bytes"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"

	"github.com/raumbudget/raumbudget/internal/msg"
)

func rat(s string) *big.Rat {
	r, _ := new(big.Rat).SetString(s)
	return r
}

// smallInput has one inverse indicator, so the formulas cover both kinds.
func smallInput() allocate.Input {
	in := allocate.Input{Budget: 1_000_000_01, IndicatorShare: rat("0.6"), Indicators: []allocate.Indicator{
		{Key: "youth_0_18", Weight: rat("0.5")}, {Key: "open_space_m2", Weight: rat("0.5"), Inverse: true}}}
	for _, u := range [][3]string{{"Nord", "2000", "50000.5"}, {"Mitte", "500", "10000"}, {"Süd", "2500", "240000"}} {
		in.Units = append(in.Units, allocate.Unit{Name: u[0], Values: []*big.Rat{rat(u[1]), rat(u[2])}, Spending: rat("1000.25")})
	}
	return in
}

func meta(lang *report.Lang, date string) Meta {
	d, _ := time.Parse("2006-01-02", date)
	return Meta{Version: "test", Command: []string{"raumbudget", "allocate"}, Settings: [][2]string{{"budget", "1000000.01"}},
		Inputs: []Input{{Name: "daten.csv", SHA256: strings.Repeat("ab", 32)}, {Name: "/dev/fd/63"}}, ReportDate: d, Lang: lang}
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestAllocationWorkbook(t *testing.T) {
	res, err := allocate.Run(smallInput())
	if err != nil {
		t.Fatal(err)
	}
	data, err := Allocation(res, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got, want := f.GetSheetList(), []string{"Übersicht", "Zuteilung", "Indikatoren", "Protokoll"}; !slices.Equal(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	for u, unit := range res.Units {
		v, _ := f.GetCellValue("Zuteilung", cell(2, u+2), excelize.Options{RawCellValue: true})
		if want := strings.TrimRight(strings.TrimRight(unit.Amount.String(), "0"), "."); v != want {
			t.Errorf("%s: %s in the workbook, %s", unit.Name, v, unit.Amount)
		}
	}
	if sum, _ := f.GetCellFormula("Zuteilung", "B5"); sum != "SUM(B2:B4)" {
		t.Errorf("total formula %q", sum)
	}
	if share, _ := f.GetCellFormula("Indikatoren", "F9"); share != "(1/C9)/SUMPRODUCT(1/C$8:C$10)" {
		t.Errorf("inverse share formula %q", share)
	}
	rows, _ := f.GetRows("Protokoll")
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return len(r) == 2 && r[0] == "daten.csv" && strings.HasPrefix(r[1], "SHA-256 abab")
	}) || !slices.ContainsFunc(rows, func(r []string) bool {
		return len(r) == 2 && r[0] == "/dev/fd/63" && strings.HasPrefix(r[1], "ohne Prüfsumme: keine gewöhnliche Datei")
	}) {
		t.Errorf("the audit sheet lacks the input's checksum: %v", rows)
	}
}

func TestWorkbookIsReproducible(t *testing.T) {
	res, _ := allocate.Run(smallInput())
	a, _ := Allocation(res, meta(report.English, "2026-11-22"))
	b, _ := Allocation(res, meta(report.English, "2026-11-22"))
	c, _ := Allocation(res, meta(report.English, "2026-11-23"))
	if !bytes.Equal(a, b) {
		t.Error("the same inputs and date give different bytes")
	}
	if bytes.Equal(a, c) {
		t.Error("another report date gives the same bytes")
	}
	if got := open(t, a).GetSheetList(); !slices.Equal(got, []string{"Summary", "Allocation", "Indicators", "Audit"}) {
		t.Errorf("English sheets %v", got)
	}
}

func planResult(t *testing.T) *scenario.Result {
	t.Helper()
	yearly := allocate.Cents(4_000_000_03)
	res, err := scenario.Run(scenario.Plan{Start: scenario.Period{Year: 2026, Quarter: 1}, Quarters: 3,
		Schedule: scenario.Schedule{Rule: scenario.EssenRule()}, Budgets: scenario.Budgets{Default: &yearly},
		Corridor: &allocate.Corridor{MaxDecrease: rat("0.05"), MaxIncrease: rat("0.05")}}, smallInput())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestPlanWorkbook(t *testing.T) {
	res := planResult(t)
	data, err := Plan(res, &allocate.Corridor{MaxDecrease: rat("0.05"), MaxIncrease: rat("0.05")}, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Übersicht", "Zuteilung", "Verlauf", "Indikatoren", "Protokoll"}) {
		t.Errorf("sheets %v", got)
	}
	header, _ := f.GetRows("Zuteilung")
	if !slices.Equal(header[0], []string{"Bezirksstelle", "2026-Q1", "2026-Q2", "2026-Q3"}) {
		t.Errorf("header %v", header[0])
	}
	if check, _ := f.GetCellFormula("Zuteilung", "D7"); !strings.Contains(check, "ROUND(D5-D6,2)=0") {
		t.Errorf("check formula %q", check)
	}
	checkDampedFormulas(t, f, res)
}

// checkDampedFormulas: with a corridor every share after it is a live
// formula clamping λ·p between the bounds around the reference share.
func checkDampedFormulas(t *testing.T, f *excelize.File, res *scenario.Result) {
	t.Helper()
	rows, err := f.GetRows("Indikatoren")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for r, row := range rows {
		for c, title := range row {
			if !strings.HasSuffix(title, " Anteil") || !strings.HasPrefix(title, "20") {
				continue
			}
			for u := range res.Quarters[0].Units {
				found++
				at, _ := excelize.CoordinatesToCellName(c+1, r+2+u)
				formula, _ := f.GetCellFormula("Indikatoren", at)
				if !strings.HasPrefix(formula, "MEDIAN(") || !strings.Contains(formula, ",$D$") {
					t.Errorf("%s (%s): %q is not the corridor's formula", at, title, formula)
				}
			}
		}
	}
	if want := len(res.Quarters) * len(res.Quarters[0].Units); found != want {
		t.Errorf("%d damped shares found, want %d", found, want)
	}
}

func TestComparisonWorkbook(t *testing.T) {
	base, other := planResult(t), planResult(t)
	c := &report.Comparison{Names: []string{"baseline", "b"}, Results: []*scenario.Result{base, other}, Period: scenario.Period{Year: 2026, Quarter: 3},
		Changes: [][][2]string{nil, {{"every", "2"}}}}
	data, err := Comparison(c, nil, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Übersicht", "Vergleich", "Szenarien", "Zuteilung", "Protokoll"}) {
		t.Errorf("sheets %v", got)
	}
	if head, _ := f.GetCellValue("Vergleich", "B3"); head != "Basis" {
		t.Errorf("the baseline's column is headed %q under de", head)
	}
	if legend, _ := f.GetCellValue("Szenarien", "B3"); legend != "every = 2" {
		t.Errorf("legend of b: %q", legend)
	}
	if d, _ := f.GetCellFormula("Vergleich", "D4"); d != "C4-$B4" {
		t.Errorf("difference formula %q", d)
	}
}

// Text from the input stays text in the workbook, never a formula.
func TestInputTextIsNeverAFormula(t *testing.T) {
	in := smallInput()
	in.Units[0].Name = `=HYPERLINK("http://x","klick")`
	res, err := allocate.Run(in)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Allocation(res, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	for _, sheet := range []string{"Zuteilung", "Indikatoren"} {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			if len(row) == 0 || row[0] != in.Units[0].Name {
				continue
			}
			if formula, _ := f.GetCellFormula(sheet, cell(1, r+1)); formula != "" {
				t.Errorf("%s!A%d holds the formula %q", sheet, r+1, formula)
			}
			if typ, _ := f.GetCellType(sheet, cell(1, r+1)); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s!A%d is of type %v, not text", sheet, r+1, typ)
			}
		}
	}
}

// TestLongNameNotCut: a name longer than a cell holds is an error, never
// cut silently (the workbook library would keep its first 32,767
// characters).
func TestLongNameNotCut(t *testing.T) {
	in := smallInput()
	in.Units[0].Name = strings.Repeat("N", maxCellChars+1)
	res, err := allocate.Run(in)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Allocation(res, meta(report.German, "2026-11-22"))
	if err == nil || !strings.Contains(err.Error(), "does not fit in a cell (at most 32,767)") {
		t.Fatalf("got %v, want the cell limit", err)
	}
	if de := msg.Of(err, msg.DE); !strings.Contains(de, "passt in keine Zelle (höchstens 32.767)") {
		t.Errorf("German: %s", de)
	}
	in.Units[0].Name = strings.Repeat("N", maxCellChars)
	if res, err = allocate.Run(in); err != nil {
		t.Fatal(err)
	}
	if _, err := Allocation(res, meta(report.German, "2026-11-22")); err != nil {
		t.Fatalf("a name of exactly the limit: %v", err)
	}
}

// TestSummaryHoldsNumbersAndADate: the Übersicht gives each quarter's
// indicator share, budget and total as numbers with a number format (a
// controller calculates with them) and the report date as a date cell
// shown the language's way.
func TestSummaryHoldsNumbersAndADate(t *testing.T) {
	res := planResult(t)
	for _, tt := range []struct {
		lang             *report.Lang
		sheet, date      string
		budget, total    string
		headingOfPeriods string
	}{
		{report.German, "Übersicht", "22.11.2026", "1000000.01", "1000000.01", "Quartal"},
		{report.English, "Summary", "2026-11-22", "1000000.01", "1000000.01", "Quarter"},
	} {
		data, err := Plan(res, nil, meta(tt.lang, "2026-11-22"))
		if err != nil {
			t.Fatal(err)
		}
		f := open(t, data)
		rows, err := f.GetRows(tt.sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := f.GetCellValue(tt.sheet, "B3"); got != tt.date {
			t.Errorf("%s: report date shown as %q, want %q", tt.lang.Code, got, tt.date)
		}
		if raw := rows[2][1]; raw != "46348" {
			t.Errorf("%s: report date cell holds %q, want the date serial 46348", tt.lang.Code, raw)
		}
		head := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == tt.headingOfPeriods })
		if head < 0 {
			t.Fatalf("%s: no period table headed %q in %v", tt.lang.Code, tt.headingOfPeriods, rows)
		}
		first := rows[head+1]
		want := res.Quarters[0]
		if first[0] != want.Period.String() || first[2] != tt.budget || first[3] != tt.total {
			t.Errorf("%s: first period row %v, want %s with budget and total %s, %s", tt.lang.Code, first, want.Period, tt.budget, tt.total)
		}
		if got := len(rows) - head - 1; got < len(res.Quarters) {
			t.Errorf("%s: %d period rows, want %d", tt.lang.Code, got, len(res.Quarters))
		}
		for _, c := range []int{3, 4} {
			id, _ := f.GetCellStyle(tt.sheet, cell(c, head+2))
			style, err := f.GetStyle(id)
			if err != nil || style.CustomNumFmt == nil || !strings.Contains(*style.CustomNumFmt, "€") {
				t.Errorf("%s: %s has no euro number format (%v)", tt.lang.Code, cell(c, head+2), err)
			}
		}
	}
}
