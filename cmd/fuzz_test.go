package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzScenarioFile feeds any bytes to the scenario file reader (which
// reads config files too): it never panics, and what it refuses is a usage
// error of one line.
func FuzzScenarioFile(f *testing.F) {
	for _, seed := range []string{
		"", "demo: true\n", baseScenario + "  - {name: a, from: 1}\n",
		"scenarios: [{name: a, adjust: {sgb_recipients: {X: +1%}}}]\n",
		"weights: {a: 1/3, b: 2/3}\nschedule: [{period: 2026-Q1, indicator-share: 0.6}]\n",
		"annual-budgets: {2026: 1, x: 2}\n", "- a\n- b\n",
		"data: x.csv\nallocate: {budget: 1}\nplan: {start: 2026-Q1, from: 0.6, schedule: []}\n", "plan: 1\n",
		"plan: {output: xlsx, start: 2026-Q1}\nstart: 2026-Q2\n", "transition-start: 2026-Q1\nschedule: [{period: 2026-Q1, indicator-share: 1}]\n", "a: &x [*x]\n", "data: [1, 2]\n", "\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "s.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadScenarioFile(path)
		var usage *usageError
		if err != nil && !errors.As(err, &usage) {
			t.Fatalf("not a usage error: %T %v", err, err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("a message of more than one line: %q", err)
		}
	})
}
