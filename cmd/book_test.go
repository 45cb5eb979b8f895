package cmd

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/internal/ledgertest"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/scenario"
)

// run runs a command line in-process and returns its exit status, stdout
// and stderr.
func run(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// bookingFixture is a folder with the data of 2026, new population
// figures for 2027, last year's spending and a config with the Essen
// schedule, two yearly budgets and a corridor.
type bookingFixture struct {
	dir, config, data2026, data2027 string
}

const (
	maxDecrease = "5%"
	maxIncrease = "4%"
)

func newBookingFixture(t *testing.T) bookingFixture {
	t.Helper()
	dir := t.TempDir()
	f := bookingFixture{dir: dir, config: filepath.Join(dir, "raumbudget.yaml"),
		data2026: filepath.Join(dir, "indikatoren-2026.csv"), data2027: filepath.Join(dir, "indikatoren-2027.csv")}
	data := readAllOf(demo.Indicators())
	write(t, f.data2026, data)
	write(t, f.data2027, newPopulation(t, data))
	write(t, filepath.Join(dir, "mittelabfluss.csv"), readAllOf(demo.Spending()))
	write(t, f.config, []byte(`data: indikatoren-2026.csv
spending: mittelabfluss.csv
annual-budgets: {2026: 48000000, 2027: 49500000}
max-decrease: `+maxDecrease+`
max-increase: `+maxIncrease+`
`))
	return f
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// newPopulation changes the residents 0-18 of most Stadtteile, as a new
// population count would.
func newPopulation(t *testing.T, data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	for i := 1; i < len(lines); i++ {
		cells := strings.Split(lines[i], ";")
		if len(cells) < 7 {
			continue
		}
		n, err := strconv.Atoi(cells[3])
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		cells[3] = strconv.Itoa(n + (i%7)*37 - 60)
		lines[i] = strings.Join(cells, ";")
	}
	return []byte(strings.Join(lines, "\n"))
}

var bookedQuarters = []string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"}

// bookAll books 2026-Q1 … 2027-Q2, with the new population from 2027-Q1.
func (f bookingFixture) bookAll(t *testing.T, dsn string) {
	t.Helper()
	for _, q := range bookedQuarters {
		args := []string{"book", q, "--config", f.config, "--ledger", dsn, "--by", "test", "--reason", "Beschluss " + q}
		if strings.HasPrefix(q, "2027") {
			args = append(args, "--data", f.data2027)
		}
		if q == "2026-Q1" {
			args = append(args, "--transition-start", "2026-Q1")
		}
		if code, _, stderr := run(args...); code != 0 {
			t.Fatalf("book %s: exit %d: %s", q, code, stderr)
		}
	}
}

func readBookings(t *testing.T, dsn string) []ledger.Booking {
	t.Helper()
	l, err := ledger.Open(context.Background(), dsn, false)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	bookings, err := l.Bookings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return bookings
}

// TestBookTheTransition is the end to end: six quarters booked
// from changing data files, each equal to the plan over the same span
// and to the model computed here independently, then verify, tampering
// and a correction.
func TestBookTheTransition(t *testing.T) {
	for _, c := range ledgertest.Ledgers(t) {
		t.Run(c.Name, func(t *testing.T) {
			f := newBookingFixture(t)
			f.bookAll(t, c.DSN)
			bookings := readBookings(t, c.DSN)
			if len(bookings) != len(bookedQuarters) {
				t.Fatalf("%d bookings", len(bookings))
			}
			checkAgainstPlan(t, f, c.DSN, bookings)
			checkIndependently(t, f, bookings)
			checkPlanContinues(t, f, c.DSN, bookings)

			verify := func(wantCode int) string {
				t.Helper()
				code, stdout, stderr := run("ledger", "verify", "--ledger", c.DSN)
				if code != wantCode {
					t.Fatalf("verify: exit %d, want %d\n%s%s", code, wantCode, stdout, stderr)
				}
				return stdout
			}
			if out := verify(0); !strings.HasPrefix(out, "intakt: 6 Buchungen") {
				t.Errorf("verify: %q", out)
			}
			tamperAmount(t, c, f, verify)
			tamperInput(t, c, bookings, verify)
			correct(t, c, f, verify)
		})
	}
}

// checkAgainstPlan compares each booking with the plan over the same
// quarters: one plan of 2026 on the 2026 data, one of 2027 on the new
// data continuing from the booked 2026-Q4.
func checkAgainstPlan(t *testing.T, f bookingFixture, dsn string, bookings []ledger.Booking) {
	t.Helper()
	code, q4, stderr := run("ledger", "show", "2026-Q4", "--ledger", dsn, "-o", "csv", "--lang", "en")
	if code != 0 {
		t.Fatalf("show: %s", stderr)
	}
	previous := filepath.Join(f.dir, "gebucht-2026-Q4.csv")
	write(t, previous, []byte(q4))
	plans := [][]string{
		{"plan", "--config", f.config, "--start", "2026-Q1", "--quarters", "4", "-o", "json"},
		{"plan", "--config", f.config, "--data", f.data2027, "--start", "2027-Q1", "--quarters", "2",
			"--transition-start", "2026-Q1", "--previous", previous, "-o", "json"},
	}
	var periods []struct {
		Period         string  `json:"period"`
		IndicatorShare float64 `json:"indicator_share"`
		Units          []struct {
			Unit, Amount string
		} `json:"units"`
	}
	for _, args := range plans {
		code, out, stderr := run(args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
		var plan struct {
			Periods json.RawMessage `json:"periods"`
		}
		if err := json.Unmarshal([]byte(out), &plan); err != nil {
			t.Fatal(err)
		}
		var ps []struct {
			Period         string  `json:"period"`
			IndicatorShare float64 `json:"indicator_share"`
			Units          []struct {
				Unit, Amount string
			} `json:"units"`
		}
		if err := json.Unmarshal(plan.Periods, &ps); err != nil {
			t.Fatal(err)
		}
		periods = append(periods, ps...)
	}
	for i, b := range bookings {
		p := periods[i]
		if p.Period != b.Period.String() {
			t.Fatalf("plan quarter %s, booking %s", p.Period, b.Period)
		}
		for u, unit := range b.Units {
			if unit.Name != p.Units[u].Unit || unit.Amount.String() != p.Units[u].Amount {
				t.Errorf("%s %s: booked %s, plan %s", b.Period, unit.Name, unit.Amount, p.Units[u].Amount)
			}
		}
	}
}

// checkPlanContinues: with the ledger, plan starts at 2027-Q3 with the
// ledger's calendar (α = 1 six quarters after 2026-Q1) and the booked
// 2027-Q2 as the corridor's reference, as a plan given all that by hand.
func checkPlanContinues(t *testing.T, f bookingFixture, dsn string, bookings []ledger.Booking) {
	t.Helper()
	code, got, stderr := run("plan", "--config", f.config, "--ledger", dsn, "--data", f.data2027, "--quarters", "2", "-o", "csv", "--lang", "en")
	if code != 0 {
		t.Fatalf("plan from the ledger: %s", stderr)
	}
	_, q2, _ := run("ledger", "show", "2027-Q2", "--ledger", dsn, "-o", "csv", "--lang", "en")
	previous := filepath.Join(f.dir, "gebucht-2027-Q2.csv")
	write(t, previous, []byte(q2))
	code, want, stderr := run("plan", "--config", f.config, "--data", f.data2027, "--start", "2027-Q3", "--quarters", "2",
		"--transition-start", "2026-Q1", "--previous", previous, "-o", "csv", "--lang", "en")
	if code != 0 {
		t.Fatalf("plan by hand: %s", stderr)
	}
	if got != want {
		t.Errorf("plan from the ledger:\n%s\nby hand:\n%s", got, want)
	}
	first := strings.Split(got, "\n")[1]
	last := bookings[len(bookings)-1].Units[0]
	change := fmt.Sprint(",", last.Name, ",")
	if !strings.HasPrefix(first, "2027-Q3,1.000000000000,12375000.00") || !strings.Contains(first, change) {
		t.Errorf("first quarter of the plan from the ledger: %s", first)
	}
	// The booked quarters inside a plan are shown from the ledger.
	code, out, _ := run("plan", "--config", f.config, "--ledger", dsn, "--data", f.data2027, "--start", "2027-Q1", "--quarters", "3")
	if code != 0 || !strings.Contains(out, "gebucht (aus dem Hauptbuch, nicht neu berechnet): 2027-Q1, 2027-Q2\n") {
		t.Errorf("plan over booked quarters (exit %d):\n%s", code, out)
	}
}

// checkIndependently recomputes every booking from the CSV files with
// big.Rat, without the engine: α from the calendar, the target shares
// p(u), the corridor's bounds from the amounts booked before, and the
// rounding by largest remainder.
func checkIndependently(t *testing.T, f bookingFixture, bookings []ledger.Booking) {
	t.Helper()
	spending := sumColumns(t, filepath.Join(f.dir, "mittelabfluss.csv"), []int{1})
	units := spending.order
	h := shares(spending, 0, units)
	d, _ := parseShare(maxDecrease)
	g, _ := parseShare(maxIncrease)
	for i, b := range bookings {
		data := f.data2026
		if b.Period.Year == 2027 {
			data = f.data2027
		}
		ind := sumColumns(t, data, []int{3, 4, 5, 6})
		alpha := new(big.Rat).Add(big.NewRat(6, 10), new(big.Rat).Mul(big.NewRat(1, 10), big.NewRat(int64(b.Period.Sub(scenario.Period{Year: 2026, Quarter: 1})), 1)))
		if alpha.Cmp(big.NewRat(1, 1)) > 0 {
			alpha = big.NewRat(1, 1)
		}
		if b.IndicatorShare.Cmp(alpha) != 0 {
			t.Errorf("%s: α %s, want %s", b.Period, b.IndicatorShare.RatString(), alpha.RatString())
		}
		budget := allocate.Cents(1200000000)
		if b.Period.Year == 2027 {
			budget = 1237500000
		}
		if b.Budget != budget {
			t.Errorf("%s: budget %s", b.Period, b.Budget)
		}
		ref := h
		if i > 0 {
			ref = map[string]*big.Rat{}
			for _, u := range bookings[i-1].Units {
				ref[u.Name] = big.NewRat(int64(u.Amount), int64(bookings[i-1].Budget))
			}
		}
		checkQuarter(t, b, units, target(ind, h, alpha, units), ref, d, g)
	}
}

func target(ind table, h map[string]*big.Rat, alpha *big.Rat, units []string) map[string]*big.Rat {
	p := map[string]*big.Rat{}
	beta := new(big.Rat).Sub(big.NewRat(1, 1), alpha)
	for _, u := range units {
		c := new(big.Rat)
		for k := range 4 {
			c.Add(c, new(big.Rat).Mul(big.NewRat(1, 4), shares(ind, k, units)[u]))
		}
		p[u] = new(big.Rat).Add(new(big.Rat).Mul(alpha, c), new(big.Rat).Mul(beta, h[u]))
	}
	return p
}

// checkQuarter checks one booking against MODEL.md: target shares equal
// p(u); each share is p(u)·λ for one λ, or held at its bound
// L = ref·(1−d) or U = ref·(1+g); the shares add up to 1; the amounts are
// the shares rounded by largest remainder.
func checkQuarter(t *testing.T, b ledger.Booking, units []string, p, ref map[string]*big.Rat, d, g *big.Rat) {
	t.Helper()
	one := big.NewRat(1, 1)
	var lambda *big.Rat
	sum := new(big.Rat)
	var total allocate.Cents
	var gotCent, noCent []*big.Rat
	for i, u := range b.Units {
		if u.Name != units[i] {
			t.Fatalf("%s: unit %d is %s, want %s", b.Period, i, u.Name, units[i])
		}
		if u.Target.Cmp(p[u.Name]) != 0 {
			t.Errorf("%s %s: target %s, want %s", b.Period, u.Name, u.Target.FloatString(12), p[u.Name].FloatString(12))
		}
		lo := new(big.Rat).Mul(ref[u.Name], new(big.Rat).Sub(one, d))
		hi := new(big.Rat).Mul(ref[u.Name], new(big.Rat).Add(one, g))
		switch u.Held {
		case "floor":
			if u.Share.Cmp(lo) != 0 {
				t.Errorf("%s %s: held at the floor, share %s, L %s", b.Period, u.Name, u.Share.FloatString(12), lo.FloatString(12))
			}
		case "ceiling":
			if u.Share.Cmp(hi) != 0 {
				t.Errorf("%s %s: held at the ceiling, share %s, U %s", b.Period, u.Name, u.Share.FloatString(12), hi.FloatString(12))
			}
		default:
			l := new(big.Rat).Quo(u.Share, p[u.Name])
			if lambda == nil {
				lambda = l
			} else if l.Cmp(lambda) != 0 {
				t.Errorf("%s %s: share/target %s, other units %s", b.Period, u.Name, l.FloatString(12), lambda.FloatString(12))
			}
			if u.Share.Cmp(lo) < 0 || u.Share.Cmp(hi) > 0 {
				t.Errorf("%s %s: share %s outside [%s, %s]", b.Period, u.Name, u.Share.FloatString(12), lo.FloatString(12), hi.FloatString(12))
			}
		}
		sum.Add(sum, u.Share)
		total += u.Amount
		exact := new(big.Rat).Mul(u.Share, b.Budget.Rat())
		floor := new(big.Int).Quo(exact.Num(), exact.Denom())
		rest := new(big.Rat).Sub(exact, new(big.Rat).SetInt(floor))
		switch int64(u.Amount) - floor.Int64() {
		case 0:
			noCent = append(noCent, rest)
		case 1:
			gotCent = append(gotCent, rest)
		default:
			t.Errorf("%s %s: amount %s is not within a cent of %s", b.Period, u.Name, u.Amount, exact.FloatString(4))
		}
	}
	if sum.Cmp(one) != 0 {
		t.Errorf("%s: shares add up to %s", b.Period, sum.FloatString(12))
	}
	if total != b.Budget {
		t.Errorf("%s: amounts add up to %s, budget %s", b.Period, total, b.Budget)
	}
	for _, got := range gotCent {
		for _, not := range noCent {
			if got.Cmp(not) < 0 {
				t.Errorf("%s: a remainder of %s got a cent and one of %s did not", b.Period, got.FloatString(6), not.FloatString(6))
			}
		}
	}
}

// table is a CSV file's columns summed per unit, units in order of
// first appearance.
type table struct {
	order  []string
	values map[string][]*big.Rat
}

func sumColumns(t *testing.T, path string, cols []int) table {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tb := table{values: map[string][]*big.Rat{}}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		cells := strings.Split(strings.TrimSpace(line), ";")
		unit := cells[0]
		if _, ok := tb.values[unit]; !ok {
			tb.order = append(tb.order, unit)
			for range cols {
				tb.values[unit] = append(tb.values[unit], new(big.Rat))
			}
		}
		for k, col := range cols {
			x, ok := new(big.Rat).SetString(strings.Replace(cells[col], ",", ".", 1))
			if !ok {
				t.Fatalf("%s: %q", path, cells[col])
			}
			tb.values[unit][k].Add(tb.values[unit][k], x)
		}
	}
	return tb
}

// shares are column k's values over their total.
func shares(tb table, k int, units []string) map[string]*big.Rat {
	total := new(big.Rat)
	for _, u := range units {
		total.Add(total, tb.values[u][k])
	}
	out := map[string]*big.Rat{}
	for _, u := range units {
		out[u] = new(big.Rat).Quo(tb.values[u][k], total)
	}
	return out
}

// openRaw opens the ledger's database directly, past the program, with
// the triggers that guard the booked rows switched off: what someone
// changing the database by hand would do.
func openRaw(t *testing.T, c ledgertest.Case) (*sql.DB, func(string) string) {
	t.Helper()
	driver, stmts := "sqlite", []string{"DROP TRIGGER IF EXISTS ledger_units_no_update", "DROP TRIGGER IF EXISTS ledger_files_no_update"}
	param := func(q string) string { return q }
	if c.Name == "postgres" {
		driver, stmts = "pgx", []string{"ALTER TABLE ledger_units DISABLE TRIGGER ledger_units_unchanged", "ALTER TABLE ledger_files DISABLE TRIGGER ledger_files_unchanged"}
		param = func(q string) string {
			for n := 1; strings.Contains(q, "?"); n++ {
				q = strings.Replace(q, "?", "$"+strconv.Itoa(n), 1)
			}
			return q
		}
	}
	db, err := sql.Open(driver, c.DSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return db, param
}

func execSQL(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

// tamperAmount changes one stored cent of 2026-Q3: verify names that
// booking, and no quarter before it; put back, the ledger is intact.
func tamperAmount(t *testing.T, c ledgertest.Case, f bookingFixture, verify func(int) string) {
	db, q := openRaw(t, c)
	execSQL(t, db, q("UPDATE ledger_units SET amount = amount + ? WHERE seq = 3 AND position = 2"), 1)
	out := verify(1)
	if !strings.Contains(out, "2026-Q3 Revision 1: Bezirksstelle III: Betrag ") || !strings.Contains(out, "2026-Q3 Revision 1: gespeicherter Hash") {
		t.Errorf("verify after changing an amount of 2026-Q3:\n%s", out)
	}
	for _, q := range []string{"2026-Q1", "2026-Q2"} {
		if strings.Contains(out, q) {
			t.Errorf("verify names %s, which was not changed:\n%s", q, out)
		}
	}
	execSQL(t, db, q("UPDATE ledger_units SET amount = amount - ? WHERE seq = 3 AND position = 2"), 1)
	verify(0)
}

// tamperInput changes one byte of the stored 2027 data: verify names the
// two quarters booked from it.
func tamperInput(t *testing.T, c ledgertest.Case, bookings []ledger.Booking, verify func(int) string) {
	db, q := openRaw(t, c)
	sha := bookings[4].Inputs[0].SHA256
	var content []byte
	if err := db.QueryRow(q("SELECT content FROM ledger_files WHERE sha256 = ?"), sha).Scan(&content); err != nil {
		t.Fatal(err)
	}
	changed := bytes.Clone(content)
	changed[len(changed)/2] ^= 1
	execSQL(t, db, q("UPDATE ledger_files SET content = ? WHERE sha256 = ?"), changed, sha)
	out := verify(1)
	for _, q := range []string{"2027-Q1", "2027-Q2"} {
		if !strings.Contains(out, q+" Revision 1: Eingabe "+bookings[4].Inputs[0].Name+" (data): der gespeicherte Inhalt hat SHA-256") {
			t.Errorf("verify does not name %s:\n%s", q, out)
		}
	}
	if strings.Contains(out, "2026-") {
		t.Errorf("verify names a 2026 quarter, which used other data:\n%s", out)
	}
	execSQL(t, db, q("UPDATE ledger_files SET content = ? WHERE sha256 = ?"), content, sha)
	verify(0)
}

// correct books 2027-Q2 again on corrected figures: revision 2 is
// active, revision 1 stays visible, the chain stays verifiable.
func correct(t *testing.T, c ledgertest.Case, f bookingFixture, verify func(int) string) {
	fixed := filepath.Join(f.dir, "indikatoren-2027-berichtigt.csv")
	data, _ := os.ReadFile(f.data2027)
	write(t, fixed, newPopulation(t, data))
	code, _, stderr := run("book", "2027-Q2", "--config", f.config, "--ledger", c.DSN, "--data", fixed, "--correct", "--reason", "Einwohnerzahlen berichtigt")
	if code != 0 {
		t.Fatalf("correction: exit %d: %s", code, stderr)
	}
	code, out, _ := run("ledger", "list", "--ledger", c.DSN, "-o", "json")
	var list listJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("list: %v", err)
	}
	var got []string
	for _, b := range list.Bookings {
		got = append(got, fmt.Sprintf("%s/%d/%v", b.Period, b.Revision, b.Active))
	}
	want := "2026-Q1/1/true 2026-Q2/1/true 2026-Q3/1/true 2026-Q4/1/true 2027-Q1/1/true 2027-Q2/1/false 2027-Q2/2/true"
	if strings.Join(got, " ") != want {
		t.Errorf("after the correction:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	bookings := readBookings(t, c.DSN)
	if bookings[6].Units[0].Amount == bookings[5].Units[0].Amount && bookings[6].Units[1].Amount == bookings[5].Units[1].Amount {
		t.Error("the correction on new figures booked the same amounts")
	}
	if out := verify(0); !strings.HasPrefix(out, "intakt: 7 Buchungen") {
		t.Errorf("verify: %q", out)
	}
}
