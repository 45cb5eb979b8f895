package demo

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func readAll(t *testing.T, name string, r io.Reader) [][]string {
	t.Helper()
	cr := csv.NewReader(r)
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: %d records, want a header and data", name, len(recs))
	}
	return recs
}

func number(t *testing.T, name string, row int, col, s string) float64 {
	t.Helper()
	if s == "" {
		t.Fatalf("%s row %d, %s: empty cell", name, row, col)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil {
		t.Fatalf("%s row %d, %s: %q is not a number", name, row, col, s)
	}
	if v < 0 {
		t.Fatalf("%s row %d, %s: negative value %q", name, row, col, s)
	}
	return v
}

func integer(t *testing.T, name string, row int, col, s string) int {
	t.Helper()
	number(t, name, row, col, s)
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%s row %d, %s: %q is not a whole number of people", name, row, col, s)
	}
	return n
}

func firstAppearance(recs [][]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		if !seen[r[0]] {
			seen[r[0]] = true
			out = append(out, r[0])
		}
	}
	return out
}

func checkEncoding(t *testing.T, name string, b []byte) {
	t.Helper()
	if !utf8.Valid(b) {
		t.Errorf("%s: not valid UTF-8", name)
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s: starts with a BOM", name)
	}
}

func TestEncoding(t *testing.T) {
	checkEncoding(t, IndicatorsName, indicators)
	checkEncoding(t, SpendingName, spending)
}

func TestIndicators(t *testing.T) {
	recs := readAll(t, IndicatorsName, Indicators())
	want := []string{"Bezirksstelle", "Stadtbezirk", "Stadtteil", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²"}
	if got := strings.Join(recs[0], ";"); got != strings.Join(want, ";") {
		t.Fatalf("header = %q, want %q", got, strings.Join(want, ";"))
	}

	offices := firstAppearance(recs)
	if len(offices) != 8 {
		t.Errorf("%d offices, want 8: %v", len(offices), offices)
	}

	// Rows must be grouped by office: once an office is left it must not return.
	done := map[string]bool{}
	districts := map[string]bool{}
	quarters := map[string]bool{}
	var youth, sgb, migrants int
	var space float64
	for i, r := range recs[1:] {
		row := i + 2 // 1-based line number in the file
		if i > 0 && recs[i][0] != r[0] {
			done[recs[i][0]] = true
		}
		if done[r[0]] {
			t.Errorf("row %d: %s appears again after other offices", row, r[0])
		}
		for j, cell := range r {
			if strings.TrimSpace(cell) == "" {
				t.Errorf("row %d, %s: empty cell", row, want[j])
			}
		}
		districts[r[1]] = true
		if quarters[r[2]] {
			t.Errorf("row %d: Stadtteil %q appears twice", row, r[2])
		}
		quarters[r[2]] = true

		y := integer(t, IndicatorsName, row, want[3], r[3])
		s := integer(t, IndicatorsName, row, want[4], r[4])
		m := integer(t, IndicatorsName, row, want[5], r[5])
		f := number(t, IndicatorsName, row, want[6], r[6])
		if m > y {
			t.Errorf("row %d (%s): Migranten 0-18 %d > Einwohner 0-18 %d", row, r[2], m, y)
		}
		youth += y
		sgb += s
		migrants += m
		space += f
	}
	if len(districts) != 9 {
		t.Errorf("%d Stadtbezirke, want 9", len(districts))
	}
	if n := len(quarters); n < 45 || n > 55 {
		t.Errorf("%d Stadtteile, want 45–55", n)
	}
	if youth != 94930 {
		t.Errorf("Einwohner 0-18 sum to %d, want 94930", youth)
	}
	for _, c := range []struct {
		name     string
		sum      float64
		min, max float64
	}{
		{"SGB II/XII", float64(sgb), 80_000, 90_000},
		{"Migranten 0-18", float64(migrants), 27_000, 33_000},
		{"Freifläche m²", space, 1, 1e9},
	} {
		if c.sum < c.min || c.sum > c.max {
			t.Errorf("%s sum to %v, want between %v and %v", c.name, c.sum, c.min, c.max)
		}
	}
}

func TestSpending(t *testing.T) {
	ind := readAll(t, IndicatorsName, Indicators())
	recs := readAll(t, SpendingName, Spending())
	if got, want := strings.Join(recs[0], ";"), "Bezirksstelle;Mittelabfluss Vorjahr"; got != want {
		t.Fatalf("header = %q, want %q", got, want)
	}

	offices := firstAppearance(ind)
	if len(recs)-1 != len(offices) {
		t.Errorf("%s has %d rows, want one per office (%d)", SpendingName, len(recs)-1, len(offices))
	}
	var total float64
	for i, r := range recs[1:] {
		row := i + 2
		if i < len(offices) && r[0] != offices[i] {
			t.Errorf("row %d: office %q, want %q (order of %s)", row, r[0], offices[i], IndicatorsName)
		}
		v := number(t, SpendingName, row, "Mittelabfluss Vorjahr", r[1])
		if v <= 0 {
			t.Errorf("row %d: %s spent %v, want > 0", row, r[0], v)
		}
		if k := strings.IndexByte(r[1], ','); k < 0 || len(r[1])-k-1 != 2 {
			t.Errorf("row %d: %q does not have two decimals after a comma", row, r[1])
		}
		total += v
	}
	if total < 40e6 || total > 55e6 {
		t.Errorf("spending totals %.2f €, want between 40 and 55 million", total)
	}
}

func TestReadersAreFresh(t *testing.T) {
	for _, f := range []func() *bytes.Reader{Indicators, Spending} {
		a, _ := io.ReadAll(f())
		b, _ := io.ReadAll(f())
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("second reader differs from the first")
		}
	}
}

func TestBudget(t *testing.T) {
	if Budget*4 != 48_000_000_00 {
		t.Errorf("Budget = %d cents, want a quarter of 48,000,000 €", Budget)
	}
}
