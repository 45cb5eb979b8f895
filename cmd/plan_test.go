package cmd

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

func parsePlan(t *testing.T, args ...string) (*planOptions, error) {
	t.Helper()
	var got *planOptions
	c := newPlanCmd(func(o *planOptions) error { got = o; return nil })
	c.SetArgs(args)
	c.SilenceErrors, c.SilenceUsage = true, true
	return got, c.Execute()
}

func TestPlanOptionsDefaults(t *testing.T) {
	opts, err := parsePlan(t, "--demo", "--start", "2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	p := opts.Plan
	r := p.Schedule.Rule
	if p.Start != (scenario.Period{Year: 2026, Quarter: 2}) || p.Quarters != 6 || p.Corridor != nil {
		t.Errorf("start %s, %d quarters, corridor %v", p.Start, p.Quarters, p.Corridor)
	}
	if r.From.RatString() != "3/5" || r.To.RatString() != "1" || r.Step.RatString() != "1/10" || r.Every != 1 {
		t.Errorf("rule %s %s %s %d, want the Essen schedule", r.From.RatString(), r.To.RatString(), r.Step.RatString(), r.Every)
	}
	if *p.Budgets.Default != allocate.Cents(48_000_000_00) {
		t.Errorf("demo yearly budget %d", *p.Budgets.Default)
	}
}

func TestPlanOptionsFromConfig(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "plan.yaml")
	yaml := "demo: true\nstart: 2026-Q1\nmax-decrease: 5%\nprevious: booked.csv\n" +
		"schedule:\n  - {period: 2026-Q1, indicator-share: 0.6}\n  - {period: 2026-Q3, indicator-share: 1}\n" +
		"annual-budgets:\n  2026: 48.000.000\n  2027: 49500000.50\n"
	if err := os.WriteFile(config, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	opts, err := parsePlan(t, "--config", config)
	if err != nil {
		t.Fatal(err)
	}
	p := opts.Plan
	if len(p.Schedule.List) != 2 || p.Schedule.List[1].Period != (scenario.Period{Year: 2026, Quarter: 3}) {
		t.Errorf("schedule %v", p.Schedule.List)
	}
	if p.Budgets.ByYear[2026] != 48_000_000_00 || p.Budgets.ByYear[2027] != 49_500_000_50 {
		t.Errorf("budgets %v", p.Budgets.ByYear)
	}
	if p.Corridor == nil || p.Corridor.MaxDecrease.RatString() != "1/20" || p.Corridor.MaxIncrease != nil {
		t.Errorf("corridor %+v", p.Corridor)
	}
	if opts.Previous != filepath.Join(dir, "booked.csv") {
		t.Errorf("previous %s: relative to the config", opts.Previous)
	}
}

func TestPlanUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--demo", "--quarters", "0"},
		{"--demo", "--every", "0"},
		{"--demo", "--step", "x"},
		{"--demo", "--max-decrease", "120%"},
		{"--demo", "--max-increase", "-1%"},
		{"--demo", "--start", "2026"},
	} {
		if _, err := parsePlan(t, args...); err == nil || exitCode(&runError{err}) != exitUsage {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
}

// The xlsx audit sheet names the transition start the plan counted from,
// also when it is the default (the plan's start).
func TestPlanAuditNamesTransitionStart(t *testing.T) {
	dir := t.TempDir()
	for start, want := range map[string]string{"": "2026-Q3", "2026-Q1": "2026-Q1"} {
		out := filepath.Join(dir, "plan"+start+".xlsx")
		args := []string{"plan", "--demo", "--start", "2026-Q3", "--quarters", "1", "-o", "xlsx", "--out", out}
		if start != "" {
			args = append(args, "--transition-start", start)
		}
		var stderr strings.Builder
		if code := Run(args, io.Discard, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetList()[len(f.GetSheetList())-1])
		f.Close()
		found := false
		for _, row := range rows {
			if len(row) >= 2 && row[0] == "transition-start" {
				found = true
				if row[1] != want {
					t.Errorf("transition start %q: audit says %q, want %s", start, row[1], want)
				}
			}
		}
		if !found {
			t.Errorf("transition start %q: no transition-start in the audit sheet %v", start, rows)
		}
	}
}
