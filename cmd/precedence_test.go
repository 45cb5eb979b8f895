package cmd

import (
	"os"
	"path/filepath"
	"testing"
)

// Every pair of levels for the two forms of the schedule and of the
// yearly budget: the form at the higher level decides, both at one level
// is a usage error.
func TestTwoFormsEveryPairOfLevels(t *testing.T) {
	type side struct{ level, key, value string }
	rule, list := "rule", "list"
	tests := []struct {
		a, b side
		want string // which form decides, or "error"
	}{
		{side{"flag", "from", "0.9"}, side{"config", "schedule", "[{period: 2026-Q1, indicator-share: 0.5}]"}, rule},
		{side{"env", "from", "0.9"}, side{"config", "schedule", "[{period: 2026-Q1, indicator-share: 0.5}]"}, rule},
		{side{"config", "from", "0.9"}, side{"config", "schedule", "[{period: 2026-Q1, indicator-share: 0.5}]"}, "error"},
		{side{"env", "every", "2"}, side{"env", "schedule", "x"}, "error"},
		{side{"flag", "to", "0.9"}, side{"env", "schedule", "x"}, rule},
		{side{"config", "step", "0.2"}, side{"env", "schedule", "x"}, "error"}, // the list from the environment wins, and is no list
		{side{"flag", "annual-budget", "4000000"}, side{"config", "annual-budgets", "{2026: 8000000}"}, rule},
		{side{"env", "annual-budget", "4000000"}, side{"config", "annual-budgets", "{2026: 8000000}"}, rule},
		{side{"config", "annual-budget", "4000000"}, side{"config", "annual-budgets", "{2026: 8000000}"}, "error"},
		{side{"flag", "annual-budget", "4000000"}, side{"env", "annual-budgets", "x"}, rule},
		{side{"env", "annual-budget", "4000000"}, side{"env", "annual-budgets", "x"}, "error"},
		{side{"default", "from", ""}, side{"config", "schedule", "[{period: 2026-Q1, indicator-share: 0.5}]"}, list},
		{side{"default", "annual-budget", ""}, side{"config", "annual-budgets", "{2026: 8000000}"}, list},
	}
	for _, tt := range tests {
		name := tt.a.level + " " + tt.a.key + " vs " + tt.b.level + " " + tt.b.key
		t.Run(name, func(t *testing.T) {
			config := "demo: true\nstart: 2026-Q1\n"
			args := []string{}
			for _, sd := range []side{tt.a, tt.b} {
				switch sd.level {
				case "flag":
					args = append(args, "--"+sd.key+"="+sd.value)
				case "env":
					t.Setenv(envName(sd.key), sd.value)
				case "config":
					config += sd.key + ": " + sd.value + "\n"
				}
			}
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
				t.Fatal(err)
			}
			opts, err := parsePlan(t, append(args, "--config", path)...)
			if tt.want == "error" {
				if err == nil || exitCode(&runError{err}) != exitUsage {
					t.Fatalf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p := opts.Plan
			var got string
			switch tt.a.key {
			case "annual-budget":
				got = map[bool]string{true: rule, false: list}[p.Budgets.Default != nil && len(p.Budgets.ByYear) == 0]
			default:
				got = map[bool]string{true: rule, false: list}[len(p.Schedule.List) == 0]
			}
			if got != tt.want {
				t.Errorf("the %s decides, want the %s (schedule %+v, budgets %+v)", got, tt.want, p.Schedule, p.Budgets)
			}
		})
	}
}
