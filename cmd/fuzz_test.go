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

// FuzzConfig feeds any bytes to the config reader with allocate's and
// plan's keys: it never panics and never takes long (aliases are bounded),
// and what it refuses is a usage error of one line naming the file.
func FuzzConfig(f *testing.F) {
	for _, seed := range []string{
		"", "data: d.csv\nbudget: 1000\n", "budget: 1\nbudget: 2\n", "inverse: {a: b}\n", "data: ~\n",
		"a: 1\n---\nb: 2\n", "annual-budgets: {2O27: 1}\n", "weights: &w {a: 1}\ncolumns: *w\n",
		"a0: &a [x, x]\na1: &b [*a, *a]\na2: [*b, *b]\n", "a: &x [*x]\n", "- a\n", "budget: .inf\n", "\t:\n",
	} {
		f.Add([]byte(seed))
	}
	keys := []string{"annual-budget", "annual-budgets", "budget", "columns", "data", "inverse", "schedule", "spending", "weights"}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := loadConfig(path, keys)
		var usage *usageError
		if err != nil && !errors.As(err, &usage) {
			t.Fatalf("not a usage error: %T %v", err, err)
		}
		if err != nil && (strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), path)) {
			t.Fatalf("not one line naming the file: %q", err)
		}
	})
}
