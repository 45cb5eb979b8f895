package cmd

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/monitor"
)

func parseMonitor(t *testing.T, args ...string) (*monitorOptions, error) {
	t.Helper()
	var got *monitorOptions
	c := newMonitorCmd(func(o *monitorOptions) error { got = o; return nil })
	c.SetArgs(args)
	c.SilenceErrors, c.SilenceUsage = true, true
	return got, c.Execute()
}

func TestMonitorOptions(t *testing.T) {
	opts, err := parseMonitor(t, "2026", "--soll", "plan.csv", "--ist", "a.csv", "--ist", "b.xlsx", "c.csv",
		"--as-of", "April 2026", "--method", "linear", "--tolerance", "2,5 %", "--strict")
	if err != nil {
		t.Fatal(err)
	}
	if opts.Year != 2026 || opts.Soll != "plan.csv" || !slices.Equal(opts.Ist, []string{"a.csv", "b.xlsx", "c.csv"}) {
		t.Errorf("year %d, soll %s, ist %v", opts.Year, opts.Soll, opts.Ist)
	}
	if opts.AsOf != 4 || opts.Method != monitor.Linear || opts.Tolerance.RatString() != "1/40" || !opts.Strict {
		t.Errorf("as of %d, method %v, tolerance %s, strict %v", opts.AsOf, opts.Method, opts.Tolerance.RatString(), opts.Strict)
	}
}

func TestMonitorOptionsDefaults(t *testing.T) {
	opts, err := parseMonitor(t, "2026", "--soll", "plan.csv", "--ist", "a.csv")
	if err != nil {
		t.Fatal(err)
	}
	if opts.AsOf != 0 || opts.Method != monitor.Auto || opts.Tolerance.RatString() != "1/20" || opts.Strict || opts.Output.Format != "table" {
		t.Errorf("%+v", opts)
	}
}

// A config file shared with plan: its keys are accepted, cost-centers read.
func TestMonitorOptionsFromSharedConfig(t *testing.T) {
	config := filepath.Join(t.TempDir(), "rb.yaml")
	yaml := "data: indikatoren.xlsx\nannual-budget: 48000000\ncost-centers:\n  \"51010\": Bezirksstelle I\n  51020: Bezirksstelle II\n"
	if err := os.WriteFile(config, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	opts, err := parseMonitor(t, "2026", "--config", config, "--soll", "p.csv", "--ist", "i.csv")
	if err != nil {
		t.Fatal(err)
	}
	if opts.CostCenters["51010"] != "Bezirksstelle I" || opts.CostCenters["51020"] != "Bezirksstelle II" || opts.Tolerance.RatString() != "1/20" {
		t.Errorf("cost centres %v, tolerance %s", opts.CostCenters, opts.Tolerance.RatString())
	}
	if _, err := parsePlan(t, "--config", config); err != nil {
		t.Errorf("plan refuses the shared config: %v", err)
	}
}

func TestMonitorOptionsErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"20x6", "--soll", "p", "--ist", "i"}, `YEAR: "20x6" is not a year like 2026`},
		{[]string{"2026", "--soll", "p", "--ist", "i", "--method", "trend"}, `--method: unknown method "trend" (use linear or seasonal)`},
		{[]string{"2026", "--soll", "p", "--ist", "i", "--tolerance", "-5%"}, `--tolerance: "-5%" is not a share like 5%`},
		{[]string{"2026", "--soll", "p", "--ist", "i", "--as-of", "2026-13"}, `--as-of: "2026-13" is not a month like 2026-01, 01.2026 or Januar 2026`},
		{[]string{"2026", "--soll", "p", "--ist", "i", "-o", "xlsx"}, "-o xlsx needs --out FILE.xlsx"},
	} {
		_, err := parseMonitor(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || exitCode(&runError{err}) != exitUsage {
			t.Errorf("%v: got %v, want %s (exit 2)", tc.args, err, tc.want)
		}
	}
}
