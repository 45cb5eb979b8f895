package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/raumbudget/raumbudget/cmd"
	"github.com/raumbudget/raumbudget/internal/calc"
)

// raumbudget runs the command line in-process and returns its stdout.
func raumbudget(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := cmd.Run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("raumbudget %v: exit %d: %s", args, code, stderr.String())
	}
	return stdout.Bytes()
}

// spreadsheet writes the report of args as xlsx, opens it in LibreOffice,
// which recalculates every formula, and checks that no cell shows an error.
func spreadsheet(t *testing.T, args ...string) map[string][][]string {
	t.Helper()
	calc.Require(t)
	path := filepath.Join(t.TempDir(), "report.xlsx")
	raumbudget(t, append(args, "-o", "xlsx", "--out", path, "--report-date", "2026-11-22")...)
	sheets, err := calc.Sheets(path)
	if err != nil {
		t.Fatal(err)
	}
	if errs := calc.Errors(sheets); len(errs) > 0 {
		t.Errorf("cells with errors: %v", errs)
	}
	return sheets
}

// cents reads a cell as euros and returns whole cents.
func cents(t *testing.T, cell string) int64 {
	t.Helper()
	x, err := strconv.ParseFloat(cell, 64)
	if err != nil {
		t.Fatalf("%q is not a number", cell)
	}
	return int64(math.Round(x * 100))
}

func jsonCents(t *testing.T, s string) int64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return int64(math.Round(x * 100))
}

// rowOf finds the row whose first cell is name.
func rowOf(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > 0 && r[0] == name {
			return r
		}
	}
	t.Fatalf("no row %q", name)
	return nil
}

type planJSON struct {
	Periods []struct {
		Period         string  `json:"period"`
		IndicatorShare float64 `json:"indicator_share"`
		Budget         string  `json:"budget"`
		Units          []struct {
			Unit       string  `json:"unit"`
			Amount     string  `json:"amount"`
			Share      float64 `json:"share"`
			Difference *string `json:"difference"`
		} `json:"units"`
	} `json:"periods"`
}

func TestAllocationReportInLibreOffice(t *testing.T) {
	sheets := spreadsheet(t, "allocate", "--demo")
	var out struct {
		Units []struct {
			Unit   string `json:"unit"`
			Amount string `json:"amount"`
		} `json:"units"`
	}
	if err := json.Unmarshal(raumbudget(t, "allocate", "--demo", "-o", "json"), &out); err != nil {
		t.Fatal(err)
	}
	for _, u := range out.Units {
		if got := cents(t, rowOf(t, sheets["Zuteilung"], u.Unit)[1]); got != jsonCents(t, u.Amount) {
			t.Errorf("%s: %d cents in the workbook, %s in JSON", u.Unit, got, u.Amount)
		}
		checkRecomputed(t, rowOf(t, sheets["Indikatoren"], u.Unit), u.Amount)
	}
	checkOK(t, rowOf(t, sheets["Zuteilung"], "Prüfung")[1:])
}

// checkRecomputed checks the Indikatoren row: the exact amount LibreOffice
// recomputed from the inputs is within a cent of the tool's amount. The
// row ends with the period's six columns.
func checkRecomputed(t *testing.T, row []string, amount string) {
	t.Helper()
	exact, err := strconv.ParseFloat(row[len(row)-5], 64)
	if err != nil {
		t.Fatalf("exact amount %q", row[len(row)-5])
	}
	if d := math.Abs(exact*100 - float64(jsonCents(t, amount))); d >= 1 {
		t.Errorf("%s: recomputed %.4f, amount %s", row[0], exact, amount)
	}
}

func checkOK(t *testing.T, cells []string) {
	t.Helper()
	for _, c := range cells {
		if c != "OK" {
			t.Errorf("check cell %q, want OK", c)
		}
	}
}

func TestPlanReportInLibreOffice(t *testing.T) {
	args := []string{"plan", "--demo", "--start", "2026-Q1", "--quarters", "4", "--max-decrease", "3%", "--max-increase", "5%"}
	sheets := spreadsheet(t, args...)
	var out planJSON
	if err := json.Unmarshal(raumbudget(t, append(args, "-o", "json")...), &out); err != nil {
		t.Fatal(err)
	}
	for q, p := range out.Periods {
		for _, u := range p.Units {
			row := rowOf(t, sheets["Zuteilung"], u.Unit)
			if got := cents(t, row[q+1]); got != jsonCents(t, u.Amount) {
				t.Errorf("%s %s: %d cents in the workbook, %s in JSON", p.Period, u.Unit, got, u.Amount)
			}
			share, _ := strconv.ParseFloat(rowOf(t, sheets["Verlauf"], u.Unit)[q+1], 64)
			if math.Abs(share-u.Share) > 1e-12 {
				t.Errorf("%s %s: share %g in the workbook, %g in JSON", p.Period, u.Unit, share, u.Share)
			}
		}
	}
	checkOK(t, rowOf(t, sheets["Zuteilung"], "Prüfung")[1:])
	checkSummaryNumbers(t, sheets["Übersicht"], out)
	totals := rowOf(t, sheets["Indikatoren"], "Stadt gesamt")
	checkOK(t, []string{totals[len(totals)-1]})
	checkDampedShares(t, sheets["Indikatoren"], out)
}

// checkSummaryNumbers: the Übersicht's period table holds each quarter's
// indicator share, budget and total as numbers LibreOffice reads (not
// text), equal to the JSON's; the total is what the units got.
func checkSummaryNumbers(t *testing.T, rows [][]string, out planJSON) {
	t.Helper()
	for _, p := range out.Periods {
		row := rowOf(t, rows, p.Period)
		share, err := strconv.ParseFloat(row[1], 64)
		if err != nil || math.Abs(share-p.IndicatorShare) > 1e-12 {
			t.Errorf("Übersicht %s: indicator share %q, JSON %g", p.Period, row[1], p.IndicatorShare)
		}
		if got := cents(t, row[2]); got != jsonCents(t, p.Budget) {
			t.Errorf("Übersicht %s: budget %d cents, JSON %s", p.Period, got, p.Budget)
		}
		var sum int64
		for _, u := range p.Units {
			sum += jsonCents(t, u.Amount)
		}
		if got := cents(t, row[3]); got != sum {
			t.Errorf("Übersicht %s: total %d cents, the units' amounts sum to %d", p.Period, got, sum)
		}
	}
}

// checkDampedShares: the shares after the corridor, live formulas in the
// Indikatoren sheet, equal the JSON's, and each period's check that they
// add up to 1 says OK.
func checkDampedShares(t *testing.T, rows [][]string, out planJSON) {
	t.Helper()
	header := rowOf(t, rows, "Bezirksstelle")
	totals := rowOf(t, rows, "Stadt gesamt")
	for _, p := range out.Periods {
		c := slices.Index(header, p.Period+" Anteil")
		if c < 0 {
			t.Fatalf("no column %q in %q", p.Period+" Anteil", header)
		}
		checkOK(t, []string{totals[c]})
		for _, u := range p.Units {
			share, err := strconv.ParseFloat(rowOf(t, rows, u.Unit)[c], 64)
			if err != nil || math.Abs(share-u.Share) > 1e-12 {
				t.Errorf("%s %s: damped share %q in the workbook, %g in JSON", p.Period, u.Unit, rowOf(t, rows, u.Unit)[c], u.Share)
			}
		}
	}
}

func TestComparisonReportInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "szenarien.yaml")
	raumbudget(t, "scenario", "init", file)
	sheets := spreadsheet(t, "scenario", "compare", file, "--lang", "en")
	var out struct {
		Scenarios []struct {
			Name string `json:"name"`
			planJSON
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(raumbudget(t, "scenario", "compare", file, "-o", "json"), &out); err != nil {
		t.Fatal(err)
	}
	// The legend names what each scenario changes against the baseline.
	if row := rowOf(t, sheets["Scenarios"], "sofort-100"); row[1] != "from = 1" {
		t.Errorf("legend of sofort-100: %q, want %q", row[1], "from = 1")
	}
	if row := rowOf(t, sheets["Scenarios"], "korridor-5"); row[1] != "max-decrease = 5%; max-increase = 5%" {
		t.Errorf("legend of korridor-5: %q", row[1])
	}
	if got := rowOf(t, sheets["Comparison"], "District office")[1]; got != "baseline" {
		t.Errorf("the baseline's column is headed %q", got)
	}
	cmp := sheets["Comparison"]
	for i, s := range out.Scenarios {
		last := s.Periods[len(s.Periods)-1]
		for _, u := range last.Units {
			row := rowOf(t, cmp, u.Unit)
			if got := cents(t, row[3+3*i]); got != jsonCents(t, *u.Difference) {
				t.Errorf("%s %s: difference %d cents in the workbook, %s in JSON", s.Name, u.Unit, got, *u.Difference)
			}
		}
	}
}

func TestReportBytesAreReproducible(t *testing.T) {
	dir := t.TempDir()
	var files [][]byte
	for _, name := range []string{"a.xlsx", "b.xlsx"} {
		path := filepath.Join(dir, name)
		raumbudget(t, "plan", "--demo", "--start", "2026-Q1", "-o", "xlsx", "--out", path, "--report-date", "2026-11-22")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two runs with the same inputs and date give different bytes")
	}
}
