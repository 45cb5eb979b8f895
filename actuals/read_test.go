package actuals

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/indicators"
)

func read(t *testing.T, name, text string, opt Options) (*Ist, error) {
	t.Helper()
	s := New()
	return s, s.Read(strings.NewReader(text), name, opt)
}

func mustRead(t *testing.T, name, text string, opt Options) *Ist {
	t.Helper()
	s, err := read(t, name, text, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadSumsPerUnitAndMonth(t *testing.T) {
	s := mustRead(t, "ist.csv", "Bezirksstelle;Monat;Betrag;Fälle\n"+
		"Bezirksstelle I;01.2026;1.234,56;\n"+
		"Bezirksstelle I;Januar 2026;-34,56 €;\n"+
		"Bezirksstelle II;2026-01;100;\n"+
		"\n"+
		"Bezirksstelle I;Feb. 2026;10;12\n"+
		"Bezirksstelle I;02/2026;0,5;3,5\n", Options{})
	if got := strings.Join(s.Units, ","); got != "Bezirksstelle I,Bezirksstelle II" {
		t.Errorf("units %s", got)
	}
	for _, tc := range []struct {
		unit  string
		month Month
		cents int64
	}{
		{"Bezirksstelle I", MonthOf(2026, 1), 120000}, {"Bezirksstelle II", MonthOf(2026, 1), 10000},
		{"Bezirksstelle I", MonthOf(2026, 2), 1050}, {"Bezirksstelle I", MonthOf(2026, 3), 0},
	} {
		if got := s.Amount(tc.unit, tc.month); got != tc.cents {
			t.Errorf("%s %v: %d cents, want %d", tc.unit, tc.month, got, tc.cents)
		}
	}
	if c, ok := s.Cases("Bezirksstelle I", MonthOf(2026, 2)); !ok || c != 1550 {
		t.Errorf("cases %d %v, want 1550 hundredths", c, ok)
	}
	if _, ok := s.Cases("Bezirksstelle I", MonthOf(2026, 1)); ok {
		t.Error("January has no cases")
	}
	if !s.HasCases || s.LastMonth(2026) != 2 || s.Complete(2026) {
		t.Errorf("HasCases %v, last month %d, complete %v", s.HasCases, s.LastMonth(2026), s.Complete(2026))
	}
}

func TestReadEnglishCSV(t *testing.T) {
	s := mustRead(t, "ist.csv", "unit,month,amount\nBezirksstelle I,2026-03,\"1,234.50\"\nBezirksstelle I,2026-03,0.5\n", Options{})
	if got := s.Amount("Bezirksstelle I", MonthOf(2026, 3)); got != 123500 {
		t.Errorf("%d cents", got)
	}
}

// The three forms of one export give the same sums.
func TestReadCostCentreAndDate(t *testing.T) {
	plain := mustRead(t, "a.csv", "Bezirksstelle;Monat;Betrag\nBezirksstelle I;01.2026;10\nBezirksstelle II;02.2026;20\n", Options{})
	centres := map[string]string{"51010": "Bezirksstelle I", "51020": "Bezirksstelle II"}
	cc := mustRead(t, "b.csv", "Kostenstelle;Buchungsdatum;Betrag\n51010;15.01.2026;10\n51020;28.02.2026;20\n", Options{CostCenters: centres})
	for _, s := range []*Ist{plain, cc} {
		if s.Amount("Bezirksstelle I", MonthOf(2026, 1)) != 1000 || s.Amount("Bezirksstelle II", MonthOf(2026, 2)) != 2000 {
			t.Errorf("sums differ: %v", s.sums)
		}
	}
}

func TestReadXLSXDateCells(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Kostenstelle", "Buchungsdatum", "Betrag"},
		{"51010", time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), 1234.56},
		{"51010", "01.02.2026", -0.56},
		{"51010", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), "1.000,5"},
	}
	for i, row := range rows {
		for j, v := range row {
			name, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	s := New()
	err := s.Read(bytes.NewReader(buf.Bytes()), "ist.xlsx", Options{CostCenters: map[string]string{"51010": "Bezirksstelle I"}})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := s.Amount("Bezirksstelle I", MonthOf(2026, 1)), s.Amount("Bezirksstelle I", MonthOf(2026, 2)); a != 123456 || b != 99994 {
		t.Errorf("January %d, February %d cents", a, b)
	}
}

func TestReadErrors(t *testing.T) {
	centres := Options{CostCenters: map[string]string{"51010": "Bezirksstelle I"}}
	for _, tc := range []struct {
		name, text string
		opt        Options
		want       string
	}{
		{"unmapped", "Kostenstelle;Monat;Betrag\n51010;01.2026;1\n51099;01.2026;1\n", centres,
			`ist.csv:3: column "Kostenstelle": cost centre "51099" has no district office in the config (cost-centers)`},
		{"no mapping", "Kostenstelle;Monat;Betrag\n51010;01.2026;1\n", Options{},
			`ist.csv:1: column "Kostenstelle" is a cost centre, but the config maps none to a district office (cost-centers)`},
		{"bad month", "Bezirksstelle;Monat;Betrag\nI;01.2026;1\nI;13.2026;1\n", Options{},
			`ist.csv:3: column "Monat": "13.2026" is not a month like 2026-01, 01.2026 or Januar 2026`},
		{"short year", "Bezirksstelle;Monat;Betrag\nI;Jan 26;1\n", Options{},
			`ist.csv:2: column "Monat": "Jan 26" is not a month like 2026-01, 01.2026 or Januar 2026; write the year with four digits`},
		{"bad date", "Bezirksstelle;Buchungsdatum;Betrag\nI;31.04.2026;1\n", Options{},
			`ist.csv:2: column "Buchungsdatum": "31.04.2026" is not a date like 15.01.2026`},
		{"bad amount", "Bezirksstelle;Monat;Betrag\nI;01.2026;1.2OO\n", Options{},
			`ist.csv:2: column "Betrag": "1.2OO" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{"decimals", "Bezirksstelle;Monat;Betrag\nI;01.2026;1,005\n", Options{},
			`ist.csv:2: column "Betrag": "1,005" has more than two decimals or is too large`},
		{"empty amount", "Bezirksstelle;Monat;Betrag\nI;01.2026;\n", Options{},
			`ist.csv:2: column "Betrag": empty value`},
		{"negative cases", "Bezirksstelle;Monat;Betrag;Fälle\nI;01.2026;1;-2\n", Options{},
			`ist.csv:2: column "Fälle": negative value`},
		{"total row", "Bezirksstelle;Monat;Betrag\nI;01.2026;1\nSumme;01.2026;1\n", Options{},
			`ist.csv:3: column "Bezirksstelle": "Summe" looks like a total row; remove it`},
		{"no amount", "Bezirksstelle;Monat;Summe\nI;01.2026;1\n", Options{},
			`ist.csv:1: no column "Betrag" in the header`},
		{"header only", "Bezirksstelle;Monat;Betrag\n", Options{},
			`ist.csv:1: no data rows below the header`},
		{"twice", "Bezirksstelle;Monat;Betrag;Betrag\nI;01.2026;1;2\n", Options{},
			`ist.csv:1: column "Betrag": appears twice (also column 3)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(t, "ist.csv", tc.text, tc.opt)
			var ie *indicators.Error
			if !errors.As(err, &ie) || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// FuzzRead: no table panics the reader; it reads or names a place.
func FuzzRead(f *testing.F) {
	f.Add("Bezirksstelle;Monat;Betrag;Fälle\nI;01.2026;1.234,56;3\nI;Jan. 2026;-1;\n")
	f.Add("Kostenstelle,Buchungsdatum,amount\n51010,15.01.2026,12.5\n")
	f.Add("unit,month,amount\nI,2026-13,1\n")
	f.Fuzz(func(t *testing.T, text string) {
		s := New()
		err := s.Read(strings.NewReader(text), "ist.csv", Options{CostCenters: map[string]string{"51010": "I"}})
		if err != nil {
			var ie *indicators.Error
			if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v is not one line with a place", err)
			}
			return
		}
		if len(s.Units) == 0 || len(s.Years()) == 0 {
			t.Fatalf("read %q without units or months", text)
		}
	})
}
