package cmd

import (
	"bytes"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/gen"
)

func writeGeneratedCSV(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gen.WriteCSV(&buf, gen.Rows(2000, 12, 1), true); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "daten.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file is read once per settings; each caller gets values of its own.
func TestTableCacheReadsOnce(t *testing.T) {
	path := writeGeneratedCSV(t)
	c := newTableCache()
	schema := indicators.Schema{Indicators: []string{"youth_0_18"}, AllowSpending: true}
	a, err := c.read(path, schema, indicators.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Rat).Set(a.Units[0].Values[0])
	a.Units[0].Values[0].SetInt64(-1) // as an adjustment does
	b, _ := c.read(path, schema, indicators.Options{})
	if b.Units[0].Values[0].Cmp(want) != 0 {
		t.Errorf("a change to one copy reached the next: %s, want %s", b.Units[0].Values[0], want)
	}
	if c.reads != 1 {
		t.Errorf("%d reads of one file with the same settings", c.reads)
	}
	schema.Indicators = []string{"youth_0_18", "sgb_recipients"}
	if _, err := c.read(path, schema, indicators.Options{}); err != nil || c.reads != 2 {
		t.Errorf("other settings: %d reads, %v", c.reads, err)
	}
}

// A scenario's adjustment does not reach the scenarios after it, which
// share the baseline's table.
func TestScenarioAdjustmentStaysInItsScenario(t *testing.T) {
	data := writeGeneratedCSV(t)
	path := writeScenarioFile(t, `data: `+data+`
annual-budget: 4000000
start: 2026-Q1
quarters: 2
scenarios:
  - name: forecast
    adjust: {sgb_recipients: {Bezirksstelle 3: +25%}}
  - {name: same}
`)
	runs, err := loadScenarioFile(path)
	if err != nil {
		t.Fatal(err)
	}
	results, err := runScenarios(runs)
	if err != nil {
		t.Fatal(err)
	}
	amounts := func(i int) []int64 {
		var out []int64
		for _, q := range results[i].Quarters {
			for _, u := range q.Units {
				out = append(out, int64(u.Amount))
			}
		}
		return out
	}
	if slices.Equal(amounts(0), amounts(1)) {
		t.Error("the adjustment changed nothing")
	}
	if !slices.Equal(amounts(0), amounts(2)) {
		t.Error("the scenario after an adjustment differs from the baseline")
	}
}
