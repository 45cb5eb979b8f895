package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/raumbudget/raumbudget/internal/calc"
)

// monitorData writes a plan and a realistic year of payments and returns
// the arguments of monitor that read them.
func monitorData(t *testing.T) []string {
	dir := t.TempDir()
	planPath := filepath.Join(dir, "plan.json")
	raumbudget(t, "plan", "--demo", "--start", "2026-Q1", "--quarters", "4", "-o", "json", "--out", planPath)
	soll, units := readPlanSoll(t, planPath)
	pays, _ := generate(t, soll, units)
	plain, _, _ := writeForms(t, dir, pays)
	return []string{"monitor", "2026", "--soll", planPath, "--ist", plain[0], "--ist", plain[1], "--as-of", "2026-05"}
}

// The Soll/Ist report opened in LibreOffice: no error cells; the live
// formulas for utilisation and deviation, the total row's sums, the months
// and the seasonal factor equal the JSON output.
func TestMonitorReportInLibreOffice(t *testing.T) {
	calc.Require(t)
	args := monitorData(t)
	var out monitorOut
	if err := json.Unmarshal(raumbudget(t, append(args, "-o", "json")...), &out); err != nil {
		t.Fatal(err)
	}
	sheets := spreadsheet(t, args...)
	table := sheets["Soll-Ist"]
	for _, u := range append(out.Units, withName(out.Total, "Summe")) {
		row := rowOf(t, table, u.Unit)
		for i, want := range []string{u.SollYear, u.SollToDate, u.IstToDate, "", u.Projection, u.Deviation} {
			if want != "" && cents(t, row[1+i]) != jsonCents(t, want) {
				t.Errorf("%s column %d: %s in the workbook, %s in JSON", u.Unit, i+2, row[1+i], want)
			}
		}
		near(t, u.Unit+" utilisation", row[4], *u.Utilisation)
		near(t, u.Unit+" deviation %", row[7], *u.DeviationPercent)
		if word := map[string]string{"green": "gruen", "yellow": "gelb", "red": "rot"}[u.Status]; row[8] != word {
			t.Errorf("%s: status %q, JSON %s", u.Unit, row[8], u.Status)
		}
	}
	may := rowOf(t, sheets["Monate"], "2026-05")
	if cents(t, may[2]) != jsonCents(t, out.Total.IstToDate) || cents(t, may[3]) != jsonCents(t, out.Total.IstToDate) {
		t.Errorf("May's cumulative Ist %s and projection %s, JSON Ist %s", may[2], may[3], out.Total.IstToDate)
	}
	if dec := rowOf(t, sheets["Monate"], "2026-12"); cents(t, dec[1]) != jsonCents(t, out.Total.SollYear) || cents(t, dec[3]) != jsonCents(t, out.Total.Projection) {
		t.Errorf("December's cumulative Soll %s and projection %s, JSON %s and %s", dec[1], dec[3], out.Total.SollYear, out.Total.Projection)
	}
	near(t, "f", rowOf(t, sheets["Methode"], "Anteil des Jahres bis zum Monat (f)")[1], *out.SeasonalFactor)
}

func withName(r monitorRowOut, name string) monitorRowOut {
	r.Unit = name
	return r
}

// near checks a ratio LibreOffice computed against the JSON's, to its 15
// digits.
func near(t *testing.T, what, cell string, want float64) {
	t.Helper()
	got, err := strconv.ParseFloat(cell, 64)
	if err != nil || math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s: %q in the workbook, %v in JSON", what, cell, want)
	}
}

// The same inputs and report date give the same bytes.
func TestMonitorReportIsReproducible(t *testing.T) {
	args := monitorData(t)
	dir := t.TempDir()
	var files [2][]byte
	for i := range files {
		path := filepath.Join(dir, strconv.Itoa(i)+".xlsx")
		raumbudget(t, append(args, "-o", "xlsx", "--out", path, "--report-date", "2026-06-02")...)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = data
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two runs wrote different bytes")
	}
}
