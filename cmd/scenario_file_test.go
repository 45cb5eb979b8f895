package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/scenario"
)

func writeScenarioFile(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const baseScenario = `data: in/daten.csv
annual-budget: 48000000
start: 2026-Q1
quarters: 4
weights: {youth_0_18: 0.5, sgb_recipients: 0.5}
scenarios:
`

func TestScenarioOverrides(t *testing.T) {
	path := writeScenarioFile(t, baseScenario+`  - {name: fast, from: 1}
  - {name: slow, every: 2, step: 0.05, to: 0.9}
  - {name: forecast, data: prognose.csv, spending: ../sp.csv, previous: gebucht.csv}
  - {name: weights, weights: {youth_0_18: 1}}
  - {name: corridor, max-decrease: 5%, max-increase: 2%}
  - {name: budgets, annual-budgets: {2026: 1000, 2027: 2000}, start: 2026-Q3, quarters: 2}
  - {name: listed, schedule: [{period: 2026-Q1, indicator-share: 0.7}]}
  - name: adjusted
    adjust: {sgb_recipients: {Nord: +10%, Süd: "=5"}}
`)
	runs, err := loadScenarioFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	byName := map[string]*planOptions{}
	for _, r := range runs {
		byName[r.Name] = r.Plan
	}
	base := byName["baseline"]
	check := func(name string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s: override not applied", name)
		}
	}
	check("baseline", base.Data.Data == filepath.Join(dir, "in/daten.csv") && base.Plan.Quarters == 4 && *base.Plan.Budgets.Default == 48_000_000_00)
	check("fast", byName["fast"].Plan.Schedule.Rule.From.RatString() == "1" && byName["fast"].Plan.Quarters == 4)
	slow := byName["slow"].Plan.Schedule.Rule
	check("slow", slow.Every == 2 && slow.Step.RatString() == "1/20" && slow.To.RatString() == "9/10" && slow.From.RatString() == "3/5")
	f := byName["forecast"]
	check("forecast", f.Data.Data == filepath.Join(dir, "prognose.csv") && f.Data.Spending == filepath.Join(dir, "../sp.csv") && f.Previous == filepath.Join(dir, "gebucht.csv"))
	check("weights", len(byName["weights"].Formula.Weights) == 1 && len(base.Formula.Weights) == 2)
	c := byName["corridor"].Plan.Corridor
	check("corridor", c != nil && c.MaxDecrease.RatString() == "1/20" && c.MaxIncrease.RatString() == "1/50" && base.Plan.Corridor == nil)
	b := byName["budgets"].Plan
	check("budgets", b.Budgets.ByYear[2027] == 2000_00 && b.Start == (scenario.Period{Year: 2026, Quarter: 3}) && b.Quarters == 2)
	check("listed", len(byName["listed"].Plan.Schedule.List) == 1 && len(base.Plan.Schedule.List) == 0)
	adj := runs[len(runs)-1].Adjust
	check("adjusted", len(adj) == 2 && adj[0].Unit == "Nord" && adj[0].Op == '%' && adj[1].Op == '=' && len(runs[0].Adjust) == 0)
}

func TestScenarioFileErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"unknown key", baseScenario + "  - {name: a, form: 1}\n", `s.yaml:7: unknown key "form"`},
		{"unknown top key", "dta: x.csv\n", `s.yaml:1: unknown key "dta"`},
		{"no name", baseScenario + "  - {from: 1}\n", `s.yaml:7: scenarios: each entry needs a name`},
		{"duplicate name", baseScenario + "  - {name: a, from: 1}\n  - {name: a, from: 0.8}\n", `s.yaml:8: scenarios: the name "a" is taken`},
		{"baseline name", baseScenario + "  - {name: baseline}\n", `s.yaml:7: scenarios: the name "baseline" is taken`},
		{"bad value", baseScenario + "  - name: a\n    from: zwei\n", `s.yaml:8: from: "zwei" is not a number`},
		{"bad inherited", strings.Replace(baseScenario, "quarters: 4", "quarters: -1", 1) + "  - {name: a}\n", `s.yaml:4: quarters: "-1" is not a whole number of 1 or more`},
		{"bad adjust", baseScenario + "  - name: a\n    adjust: {sgb_recipients: {Nord: 10}}\n", `s.yaml:8: adjust: sgb_recipients: Nord: "10": write +10%, -5%, +500, -200 or =1234`},
		{"output key", "output: json\n", `s.yaml:1: unknown key "output"`},
		{"not a list", baseScenario[:len(baseScenario)-len("scenarios:\n")] + "scenarios: {name: a}\n", `s.yaml:6: scenarios: expected a list`},
		{"empty", "", `the file is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadScenarioFile(writeScenarioFile(t, tt.content))
			var usage *usageError
			if err == nil || !errors.As(err, &usage) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a usage error containing %q", err, tt.want)
			}
		})
	}
}
