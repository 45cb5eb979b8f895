package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

// parseAllocate runs the allocate command's option parsing only.
func parseAllocate(t *testing.T, args ...string) (*allocateOptions, error) {
	t.Helper()
	var got *allocateOptions
	c := newAllocateCmd(func(o *allocateOptions) error { got = o; return nil })
	c.SetArgs(args)
	c.SilenceErrors, c.SilenceUsage = true, true
	err := c.Execute()
	return got, err
}

func TestAllocateOptionsPrecedence(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "raumbudget.yaml")
	if err := os.WriteFile(config, []byte("data: in.csv\nbudget: 100\nindicator-share: 0.7\nlang: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("RAUMBUDGET_BUDGET", "200")
	opts, err := parseAllocate(t, "--config", config, "--indicator-share", "0.8")
	if err != nil {
		t.Fatal(err)
	}
	if opts.Budget != allocate.Cents(200_00) {
		t.Errorf("budget %d: the environment must beat the config file", opts.Budget)
	}
	if opts.Share.RatString() != "4/5" {
		t.Errorf("indicator share %s: the flag must beat the config file", opts.Share.RatString())
	}
	if opts.Output.Lang.Code != "en" || opts.Output.Format != "table" {
		t.Errorf("lang %s, format %s: config, then default", opts.Output.Lang.Code, opts.Output.Format)
	}
	if opts.Data.Data != filepath.Join(dir, "in.csv") {
		t.Errorf("data %s: relative to the config file", opts.Data.Data)
	}
}

func TestAllocateOptionsDefaults(t *testing.T) {
	opts, err := parseAllocate(t, "--demo")
	if err != nil {
		t.Fatal(err)
	}
	if opts.Share.RatString() != "3/5" || len(opts.Formula.Weights) != 4 || opts.Budget != 12_000_000_00 {
		t.Errorf("defaults: share %s, %d weights, budget %d", opts.Share.RatString(), len(opts.Formula.Weights), opts.Budget)
	}
	for key, w := range opts.Formula.Weights {
		if w.RatString() != "1/4" {
			t.Errorf("default weight of %s is %s", key, w.RatString())
		}
	}
}

func TestAllocateUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--demo", "--data", "x.csv"},
		{"--data", "x.csv"},
		{"--demo", "--inverse", "nothing"},
		{"--demo", "--weights", "youth_0_18=1,typo=0"},
		{"--demo", "--indicator-share", "-0.1"},
	} {
		if _, err := parseAllocate(t, args...); err == nil || exitCode(&runError{err}) != exitUsage {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
}
