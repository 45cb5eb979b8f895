package cmd

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/demo"
)

// No setting is ever silently ignored (issue 10): every flag of plan and
// of scenario compare, set at every level — flag, environment, config file,
// scenario key — against a config that gives its setting in the other form,
// changes what the run writes or makes it exit 2.

// walkCase is one setting to walk: a value other than the base's, and the
// settings it needs around it to matter (an --out file for --force).
type walkCase struct {
	value   string
	context map[string]string // extra config keys of the base
}

// planWalk are the plan's settings; the base config gives the schedule as
// a list and the yearly budget per year, the other forms of from, to,
// step, every and annual-budget.
var planWalk = map[string]walkCase{
	"annual-budget":    {value: "50000000"},
	"start":            {value: "2026-Q2"},
	"quarters":         {value: "2"},
	"transition-start": {value: "2025-Q4"},
	"from":             {value: "0.7"},
	"to":               {value: "0.7"},
	"step":             {value: "0.2"},
	"every":            {value: "2"},
	"max-decrease":     {value: "1%"},
	"max-increase":     {value: "1%"},
	"previous":         {value: "booked.csv", context: map[string]string{"max-decrease": "1%"}},
	"previous-period":  {value: "2025-Q3", context: map[string]string{"previous": "plan-2025.json"}},
	"data":             {value: "other.csv"},
	"spending":         {value: "other-spending.csv"},
	"sheet":            {value: "B", context: map[string]string{"data": "book.xlsx"}},
	"spending-sheet":   {value: "S2", context: map[string]string{"spending": "book.xlsx", "spending-sheet": "S1"}},
	"demo":             {value: "true"},
	"weights":          {value: "youth_0_18=1,sgb_recipients=0"},
	"inverse":          {value: "open_space_m2"},
	"output":           {value: "json"},
	"out":              {value: "out-x.csv"},
	"force":            {value: "true", context: map[string]string{"out": "out-existing.csv"}},
	"lang":             {value: "en"},
	"report-date":      {value: "2020-01-01", context: map[string]string{"output": "xlsx", "out": "out-r.xlsx"}},
	"ledger":           {value: "walk.db"},
}

// compareWalk are the settings of scenario compare itself.
var compareWalk = map[string]walkCase{
	"period":      {value: "2026-Q1"},
	"total":       {value: "true"},
	"output":      {value: "json"},
	"out":         {value: "out-c.csv"},
	"force":       {value: "true", context: map[string]string{"out": "out-existing.csv"}},
	"lang":        {value: "en"},
	"report-date": {value: "2020-01-01", context: map[string]string{"output": "xlsx", "out": "out-r.xlsx"}},
}

// baseList gives the two-form settings in their list forms.
const baseList = `data: indikatoren.csv
spending: mittelabfluss.csv
start: 2026-Q1
quarters: 3
schedule:
  - {period: 2026-Q1, indicator-share: 0.6}
  - {period: 2026-Q3, indicator-share: 0.8}
annual-budgets: {2026: 48000000}
`

// baseRule gives them as the rule and one yearly budget.
const baseRule = `data: indikatoren.csv
spending: mittelabfluss.csv
start: 2026-Q1
quarters: 3
from: 0.6
annual-budget: 48000000
`

// outcome is everything a run writes.
type outcome struct {
	code           int
	stdout, stderr string
	files          string
}

func (o outcome) String() string {
	return fmt.Sprintf("exit %d, stderr %q, %d bytes of stdout, files %d bytes", o.code, o.stderr, len(o.stdout), len(o.files))
}

func TestEverySettingCounts(t *testing.T) {
	dir := walkFiles(t)
	t.Chdir(dir)
	for _, key := range flagNames(newPlanCmd(nil)) {
		c, ok := planWalk[key]
		if !ok {
			t.Errorf("plan --%s is not walked: add it to planWalk", key)
			continue
		}
		for _, lv := range []string{"flag", "env", "config", "scenario"} {
			walkPlan(t, key, c, lv, baseList)
		}
	}
	// The list forms, against a base with the rule and one yearly budget.
	for key, value := range map[string]string{
		"schedule":       "[{period: 2026-Q1, indicator-share: 0.9}]",
		"annual-budgets": "{2026: 60000000}",
	} {
		for _, lv := range []string{"env", "config", "scenario"} {
			walkPlan(t, key, walkCase{value: value}, lv, baseRule)
		}
	}
	for _, key := range flagNames(newScenarioCompareCmd(nil)) {
		c, ok := compareWalk[key]
		if !ok {
			t.Errorf("scenario compare --%s is not walked: add it to compareWalk", key)
			continue
		}
		for _, lv := range []string{"flag", "env", "config", "scenario"} {
			walkCompare(t, key, c, lv)
		}
	}
}

// flagNames are a command's flags but --help and --config, whose levels
// are walked by hand below.
func flagNames(c *cobra.Command) []string {
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "help" && f.Name != "config" {
			names = append(names, f.Name)
		}
	})
	slices.Sort(names)
	return names
}

// walkPlan runs plan (or, at the scenario level, scenario compare) with and
// without key set at level lv.
func walkPlan(t *testing.T, key string, c walkCase, lv, base string) {
	t.Helper()
	base += yamlKeys(c.context)
	var without, with outcome
	switch lv {
	case "flag", "env", "config":
		writeFile(t, "base.yaml", base)
		without = runWalk(t, nil, "plan", "--config", "base.yaml", "-o", "csv")
		switch lv {
		case "flag":
			with = runWalk(t, nil, "plan", "--config", "base.yaml", "-o", "csv", "--"+key+"="+c.value)
		case "env":
			with = runWalk(t, map[string]string{envName(key): c.value}, "plan", "--config", "base.yaml", "-o", "csv")
		case "config":
			writeFile(t, "with.yaml", base+yamlKeys(map[string]string{key: c.value}))
			with = runWalk(t, nil, "plan", "--config", "with.yaml", "-o", "csv")
		}
		if key == "output" || key == "out" || key == "report-date" || key == "force" {
			// -o csv on the command line would beat the config's output.
			without = runWalk(t, nil, "plan", "--config", "base.yaml")
			if lv == "flag" {
				with = runWalk(t, nil, "plan", "--config", "base.yaml", "--"+key+"="+c.value)
			} else if lv == "env" {
				with = runWalk(t, map[string]string{envName(key): c.value}, "plan", "--config", "base.yaml")
			} else {
				with = runWalk(t, nil, "plan", "--config", "with.yaml")
			}
		}
	case "scenario":
		writeFile(t, "s.yaml", base+"scenarios:\n  - {name: s}\n")
		without = runWalk(t, nil, "scenario", "compare", "s.yaml", "-o", "csv")
		writeFile(t, "s.yaml", base+"scenarios:\n  - name: s\n"+indent(yamlKeys(map[string]string{key: c.value})))
		with = runWalk(t, nil, "scenario", "compare", "s.yaml", "-o", "csv")
	}
	checkWalk(t, "plan", key, lv, without, with)
}

// walkCompare runs scenario compare with and without key set at level lv.
func walkCompare(t *testing.T, key string, c walkCase, lv string) {
	t.Helper()
	scenarios := "scenarios:\n  - {name: sofort, from: 1}\n"
	writeFile(t, "s.yaml", baseList+scenarios)
	var context []string
	for _, k := range slices.Sorted(maps.Keys(c.context)) {
		context = append(context, "--"+k+"="+c.context[k])
	}
	without := runWalk(t, nil, append([]string{"scenario", "compare", "s.yaml"}, context...)...)
	var with outcome
	switch lv {
	case "flag":
		with = runWalk(t, nil, append([]string{"scenario", "compare", "s.yaml", "--" + key + "=" + c.value}, context...)...)
	case "env":
		with = runWalk(t, map[string]string{envName(key): c.value}, append([]string{"scenario", "compare", "s.yaml"}, context...)...)
	case "config":
		// The scenario file is the command's config.
		writeFile(t, "s.yaml", baseList+yamlKeys(map[string]string{key: c.value})+scenarios)
		with = runWalk(t, nil, append([]string{"scenario", "compare", "s.yaml"}, context...)...)
	case "scenario":
		writeFile(t, "s.yaml", baseList+scenarios+"  - name: s\n"+indent(yamlKeys(map[string]string{key: c.value})))
		with = runWalk(t, nil, append([]string{"scenario", "compare", "s.yaml"}, context...)...)
	}
	checkWalk(t, "scenario compare", key, lv, without, with)
}

func checkWalk(t *testing.T, command, key, lv string, without, with outcome) {
	t.Helper()
	switch {
	case with.code == exitUsage:
		if !strings.HasPrefix(with.stderr, "raumbudget: ") || strings.Count(strings.TrimSpace(with.stderr), "\n") > 0 {
			t.Errorf("%s %s at the %s level: exit 2 without a one-line message: %q", command, key, lv, with.stderr)
		}
	case without.code != 0 && without.code != exitError:
		t.Errorf("%s %s at the %s level: the base run fails: %s", command, key, lv, without)
	case with == without:
		t.Errorf("%s %s at the %s level is silently ignored: %s", command, key, lv, with)
	}
}

func envName(key string) string {
	return envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}

func yamlKeys(m map[string]string) string {
	keys := slices.Sorted(maps.Keys(m))
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, m[k])
	}
	return b.String()
}

func indent(s string) string {
	return strings.ReplaceAll("    "+strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runWalk runs the command line in the current folder, with a fresh set of
// output files, and collects what it wrote.
func runWalk(t *testing.T, env map[string]string, args ...string) outcome {
	t.Helper()
	outs, _ := filepath.Glob("out-*")
	for _, f := range outs {
		os.Remove(f)
	}
	writeFile(t, "out-existing.csv", "old\n")
	for k, v := range env {
		t.Setenv(k, v)
	}
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	for k := range env {
		os.Unsetenv(k)
	}
	var files strings.Builder
	outs, _ = filepath.Glob("out-*")
	for _, f := range outs {
		data, _ := os.ReadFile(f)
		fmt.Fprintf(&files, "%s:%x\n", f, data)
	}
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String(), files: files.String()}
}

// walkFiles writes the inputs: the sample data as CSV and as a workbook
// with two sheets of each, another data year, booked amounts and a plan
// of 2025.
func walkFiles(t *testing.T) string {
	dir := t.TempDir()
	ind, _ := io.ReadAll(demo.Indicators())
	sp, _ := io.ReadAll(demo.Spending())
	other := bytes.Replace(ind, []byte(";386;"), []byte(";3860;"), 1)
	otherSp := bytes.Replace(sp, []byte("6735916,44"), []byte("9735916,44"), 1)
	for name, data := range map[string][]byte{"indikatoren.csv": ind, "mittelabfluss.csv": sp, "other.csv": other, "other-spending.csv": otherSp} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := excelize.NewFile()
	sheets := map[string][]byte{"A": ind, "B": other, "S1": sp, "S2": otherSp}
	for _, sheet := range []string{"A", "B", "S1", "S2"} {
		data := sheets[sheet]
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				var x any = v
				if n, err := parseEuros(strings.ReplaceAll(v, ",", ".")); err == nil && i > 0 && j > 2 {
					x = float64(n) / 100
				}
				_ = f.SetCellValue(sheet, cell, x)
			}
		}
	}
	_ = f.DeleteSheet("Sheet1")
	if err := f.SaveAs(filepath.Join(dir, "book.xlsx")); err != nil {
		t.Fatal(err)
	}
	booked := "Bezirksstelle;Betrag\n"
	for _, u := range []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII"} {
		booked += "Bezirksstelle " + u + ";1500000\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "booked.csv"), []byte(booked), 0o644); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(dir, "plan-2025.json")
	if code := Run([]string{"plan", "--demo", "--start", "2025-Q3", "--quarters", "2", "-o", "json", "--out", plan}, io.Discard, io.Discard); code != 0 {
		t.Fatal("plan-2025.json")
	}
	return dir
}
