package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A realistic year for monitor: the demo's 8 district offices, their Soll
// from plan, a complete 2025 and twelve months of 2026 as thousands of
// single payments with refunds and a seasonal pattern, and one office
// that spends above its plan from the start and far above it from May.
// Every figure of monitor's JSON must equal an exact oracle of the model,
// computed here from the generated payments, to the cent.

// season is the share of a year's spending in each month: lighter in
// spring, heavier towards the year's end, as youth offices see it.
var season = [12]int64{70, 72, 75, 78, 80, 82, 85, 86, 88, 90, 92, 102} // per 1000

const overrunUnit = "Bezirksstelle VI"

// ledgerOfPayments is what the generator wrote, summed exactly: cents and
// cases per office and month.
type ledgerOfPayments struct {
	units []string
	soll  map[string][4]int64
	ist   map[string]map[int]int64 // unit -> year*100+month -> cents
	cases map[string]map[int]int64 // unit -> year*100+month -> cases
}

type payment struct {
	unit  string
	year  int
	month int
	day   int
	cents int64
	cases int64 // 0: none on this row
}

func centsText(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	whole, frac := c/100, c%100
	s := fmt.Sprint(whole)
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return fmt.Sprintf("%s%s,%02d", sign, b.String(), frac)
}

// rate is how much of its plan an office spends in a month, in ‰.
func rate(unit string, u, year, month int) int64 {
	switch {
	case unit == overrunUnit && year == 2026 && month >= 5:
		return 1350
	case unit == overrunUnit && year == 2026:
		return 1150
	}
	return 930 + int64(u*11) // 93 % to 100.7 %
}

// generate writes the payments of 2025 and 2026 and returns them with
// their exact sums.
func generate(t *testing.T, soll map[string][4]int64, units []string) ([]payment, *ledgerOfPayments) {
	rng := rand.New(rand.NewPCG(2026, 4))
	led := &ledgerOfPayments{units: units, soll: soll, ist: map[string]map[int]int64{}, cases: map[string]map[int]int64{}}
	var pays []payment
	for u, unit := range units {
		led.ist[unit], led.cases[unit] = map[int]int64{}, map[int]int64{}
		var year int64
		for _, q := range soll[unit] {
			year += q
		}
		for _, y := range []int{2025, 2026} {
			for m := 1; m <= 12; m++ {
				target := year * season[m-1] / 1000 * rate(unit, u, y, m) / 1000
				cases := 80 + int64(u*9) + rng.Int64N(15)
				for _, p := range splitPayments(rng, target) {
					pay := payment{unit: unit, year: y, month: m, day: 1 + rng.IntN(28), cents: p}
					if len(pays) == 0 || pays[len(pays)-1].unit != unit || pays[len(pays)-1].month != m {
						pay.cases = cases
					}
					pays = append(pays, pay)
					led.ist[unit][y*100+m] += p
				}
				led.cases[unit][y*100+m] = cases
			}
		}
	}
	rng.Shuffle(len(pays), func(i, j int) { pays[i], pays[j] = pays[j], pays[i] })
	return pays, led
}

// splitPayments splits a month's spending into 30 to 60 payments with
// odd cents, two of them refunds.
func splitPayments(rng *rand.Rand, total int64) []int64 {
	n := 30 + rng.IntN(31)
	out := make([]int64, 0, n+2)
	left := total
	for i := 0; i < n-1; i++ {
		p := left / int64(n-i) * int64(80+rng.IntN(40)) / 100
		p += rng.Int64N(100) // odd cents
		out = append(out, p)
		left -= p
	}
	refund := rng.Int64N(50000) + 1
	out = append(out, left+2*refund, -refund, -refund)
	return out
}

// writeForms writes the payments as Bezirksstelle/Monat CSV (the month
// in all its forms), Kostenstelle/Buchungsdatum CSV and, for 2026, a
// workbook with Excel date cells.
func writeForms(t *testing.T, dir string, pays []payment) (plain, centres []string, xlsx string) {
	monthForms := []func(y, m int) string{
		func(y, m int) string { return fmt.Sprintf("%d-%02d", y, m) },
		func(y, m int) string { return fmt.Sprintf("%02d.%d", m, y) },
		func(y, m int) string { return fmt.Sprintf("%02d/%d", m, y) },
		func(y, m int) string {
			return []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}[m-1] + fmt.Sprintf(" %d", y)
		},
		func(y, m int) string {
			return []string{"Jan.", "Feb.", "Mär.", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."}[m-1] + fmt.Sprintf(" %d", y)
		},
	}
	for _, y := range []int{2025, 2026} {
		var a, b strings.Builder
		a.WriteString("Bezirksstelle;Monat;Betrag;Fälle\r\n")
		b.WriteString("Kostenstelle;Buchungsdatum;Betrag;Fälle\r\n")
		for i, p := range pays {
			if p.year != y {
				continue
			}
			cases := ""
			if p.cases > 0 {
				cases = fmt.Sprint(p.cases)
			}
			fmt.Fprintf(&a, "%s;%s;%s;%s\r\n", p.unit, monthForms[i%len(monthForms)](p.year, p.month), centsText(p.cents), cases)
			fmt.Fprintf(&b, "%s;%02d.%02d.%d;%s;%s\r\n", costCentre(p.unit), p.day, p.month, p.year, centsText(p.cents), cases)
		}
		plain = append(plain, writeFile(t, dir, fmt.Sprintf("ist-%d.csv", y), a.String()))
		centres = append(centres, writeFile(t, dir, fmt.Sprintf("kst-%d.csv", y), b.String()))
	}
	return plain, centres, writeXLSX(t, dir, pays)
}

// costCentre is the office's cost centre in the finance system's export.
func costCentre(unit string) string {
	numerals := []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII"}
	for i, n := range numerals {
		if unit == "Bezirksstelle "+n {
			return fmt.Sprintf("510%d0", i+1)
		}
	}
	panic("no cost centre for " + unit)
}

func writeFile(t *testing.T, dir, name, text string) string {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeXLSX(t *testing.T, dir string, pays []payment) string {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	check(err)
	check(sw.SetRow("A1", []any{"Kostenstelle", "Buchungsdatum", "Betrag", "Fälle"}))
	r := 2
	for _, p := range pays {
		if p.year != 2026 {
			continue
		}
		row := []any{costCentre(p.unit), excelize.Cell{StyleID: dateStyle, Value: time.Date(p.year, time.Month(p.month), p.day, 0, 0, 0, 0, time.UTC)},
			float64(p.cents) / 100, nil}
		if p.cases > 0 {
			row[3] = p.cases
		}
		check(sw.SetRow(fmt.Sprintf("A%d", r), row))
		r++
	}
	check(sw.Flush())
	path := filepath.Join(dir, "ist-2026.xlsx")
	check(f.SaveAs(path))
	return path
}

func TestMonitorRealisticYear(t *testing.T) {
	dir := t.TempDir()
	planPath := filepath.Join(dir, "plan.json")
	raumbudget(t, "plan", "--demo", "--start", "2026-Q1", "--quarters", "4", "-o", "json", "--out", planPath)
	soll, units := readPlanSoll(t, planPath)
	pays, led := generate(t, soll, units)
	if len(pays) < 5000 {
		t.Fatalf("only %d payments", len(pays))
	}
	plain, centres, xlsx := writeForms(t, dir, pays)
	var config strings.Builder
	config.WriteString("cost-centers:\n")
	for _, u := range units {
		fmt.Fprintf(&config, "  %q: %s\n", costCentre(u), u)
	}
	configPath := writeFile(t, dir, "rb.yaml", config.String())
	for _, asOf := range []int{4, 7, 12} {
		for _, method := range []string{"linear", "seasonal"} {
			args := []string{"monitor", "2026", "--soll", planPath, "--as-of", fmt.Sprintf("2026-%02d", asOf), "--method", method, "-o", "json"}
			out := raumbudget(t, append(args, "--ist", plain[0], "--ist", plain[1])...)
			checkOracle(t, out, led, asOf, method)
			cc := raumbudget(t, append(args, "--config", configPath, "--ist", centres[0], "--ist", centres[1])...)
			wb := raumbudget(t, append(args, "--config", configPath, "--ist", centres[0], "--ist", xlsx)...)
			if string(cc) != string(out) || string(wb) != string(out) {
				t.Errorf("as of %d, %s: the Kostenstelle/Buchungsdatum exports give other figures", asOf, method)
			}
		}
	}
	checkApril(t, planPath, plain)
}

// checkApril: at 30.04. the default (seasonal) projection flags the
// overrunning office red and no other.
func checkApril(t *testing.T, planPath string, ist []string) {
	var got monitorOut
	out := raumbudget(t, "monitor", "2026", "--soll", planPath, "--ist", ist[0], "--ist", ist[1], "--as-of", "2026-04", "-o", "json")
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Method != "seasonal" {
		t.Errorf("default method %s with a complete 2025", got.Method)
	}
	for _, u := range got.Units {
		if (u.Unit == overrunUnit) != (u.Status == "red") {
			t.Errorf("30.04.: %s is %s", u.Unit, u.Status)
		}
	}
}

func readPlanSoll(t *testing.T, path string) (map[string][4]int64, []string) {
	var plan planJSON
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &plan); err != nil {
		t.Fatal(err)
	}
	soll := map[string][4]int64{}
	var units []string
	for q, p := range plan.Periods {
		for _, u := range p.Units {
			if q == 0 {
				units = append(units, u.Unit)
			}
			s := soll[u.Unit]
			s[q] = jsonCents(t, u.Amount)
			soll[u.Unit] = s
		}
	}
	return soll, units
}

// TestMonitorRealisticYearTable shows the April table with -v.
func TestMonitorRealisticYearTable(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("shows the table with -v")
	}
	dir := t.TempDir()
	planPath := filepath.Join(dir, "plan.json")
	raumbudget(t, "plan", "--demo", "--start", "2026-Q1", "--quarters", "4", "-o", "json", "--out", planPath)
	soll, units := readPlanSoll(t, planPath)
	pays, _ := generate(t, soll, units)
	plain, _, _ := writeForms(t, dir, pays)
	t.Logf("\n%s", raumbudget(t, "monitor", "2026", "--soll", planPath, "--ist", plain[0], "--ist", plain[1], "--as-of", "2026-04"))
}
