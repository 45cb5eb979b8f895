package ledger

import (
	"context"
	"database/sql"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raumbudget/raumbudget/internal/ledgertest"
	"github.com/raumbudget/raumbudget/scenario"
)

func booking(period string, revision int) *Booking {
	p, _ := scenario.ParsePeriod(period)
	return &Booking{
		Period: p, Revision: revision, TransitionStart: scenario.Period{Year: 2026, Quarter: 1},
		BookedAt: time.Date(2026, 3, 12, 9, 30, 15, 500, time.UTC), BookedBy: "controller", Reason: "Beschluss JHA",
		IndicatorShare: big.NewRat(3, 5), Budget: 300,
		Settings: `{"annual-budget":"12"}`,
		Inputs:   []Input{NewInput("data", "indikatoren.csv", []byte("Bezirksstelle;Einwohner 0-18\nA;1\nB;2\n"))},
		Units: []Unit{
			{Name: "A", Amount: 100, Target: big.NewRat(1, 3), Share: big.NewRat(1, 3)},
			{Name: "B", Amount: 200, Target: big.NewRat(2, 3), Share: big.NewRat(2, 3), Held: "ceiling"},
		},
	}
}

func open(t *testing.T, dsn string) *Ledger {
	t.Helper()
	l, err := Open(context.Background(), dsn, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func TestAppendAndRead(t *testing.T) {
	for _, c := range ledgertest.Ledgers(t) {
		t.Run(c.Name, func(t *testing.T) {
			ctx := context.Background()
			l := open(t, c.DSN)
			first := booking("2026-Q1", 1)
			if err := l.Append(ctx, first, ""); err != nil {
				t.Fatal(err)
			}
			second := booking("2026-Q2", 1)
			second.Inputs = append(second.Inputs, NewInput("previous", "gebucht.csv", []byte("x")))
			if err := l.Append(ctx, second, first.Hash); err != nil {
				t.Fatal(err)
			}
			got, err := l.Bookings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 2 {
				t.Fatalf("bookings %+v", got)
			}
			if got[1].PreviousHash != first.Hash || got[0].PreviousHash != "" {
				t.Errorf("chain: %q after %q", got[1].PreviousHash, first.Hash)
			}
			for i, b := range got {
				if h := ComputeHash(&b); h != b.Hash {
					t.Errorf("booking %d: stored hash %s, recomputed %s", i+1, b.Hash, h)
				}
			}
			if !got[0].BookedAt.Equal(time.Date(2026, 3, 12, 9, 30, 15, 0, time.UTC)) {
				t.Errorf("booked at %v, want whole seconds in UTC", got[0].BookedAt)
			}
			u := got[0].Units[1]
			if u.Name != "B" || u.Amount != 200 || u.Target.Cmp(big.NewRat(2, 3)) != 0 || u.Held != "ceiling" {
				t.Errorf("unit %+v", u)
			}
			if len(got[1].Inputs) != 2 || got[1].Inputs[1].Role != "previous" || got[1].Inputs[1].Bytes != 1 {
				t.Errorf("inputs %+v", got[1].Inputs)
			}
			content, err := l.Content(ctx, got[0].Inputs[0].SHA256)
			if err != nil || string(content) != "Bezirksstelle;Einwohner 0-18\nA;1\nB;2\n" {
				t.Errorf("content %q, %v", content, err)
			}
		})
	}
}

// A booking computed from a ledger that has moved on since is refused
// and leaves nothing behind; so is a second revision 1 of a quarter.
func TestAppendRefusesStaleHead(t *testing.T) {
	for _, c := range ledgertest.Ledgers(t) {
		t.Run(c.Name, func(t *testing.T) {
			ctx := context.Background()
			l := open(t, c.DSN)
			first := booking("2026-Q1", 1)
			if err := l.Append(ctx, first, ""); err != nil {
				t.Fatal(err)
			}
			if err := l.Append(ctx, booking("2026-Q2", 1), ""); !errors.Is(err, ErrJustBooked) {
				t.Errorf("stale head: %v, want ErrJustBooked", err)
			}
			if err := l.Append(ctx, booking("2026-Q1", 1), first.Hash); !errors.Is(err, ErrJustBooked) {
				t.Errorf("same quarter and revision: %v, want ErrJustBooked", err)
			}
			got, err := l.Bookings(ctx)
			if err != nil || len(got) != 1 {
				t.Errorf("after refusals: %d bookings, %v", len(got), err)
			}
		})
	}
}

// The hash covers every field: changing any one changes it.
func TestHashCoversEveryField(t *testing.T) {
	base := ComputeHash(booking("2026-Q1", 1))
	changes := map[string]func(b *Booking){
		"previous hash": func(b *Booking) { b.PreviousHash = "ab" },
		"period":        func(b *Booking) { b.Period = b.Period.Add(1) },
		"revision":      func(b *Booking) { b.Revision = 2 },
		"start":         func(b *Booking) { b.TransitionStart = b.TransitionStart.Add(1) },
		"time":          func(b *Booking) { b.BookedAt = b.BookedAt.Add(time.Second) },
		"by":            func(b *Booking) { b.BookedBy = "other" },
		"reason":        func(b *Booking) { b.Reason = "" },
		"alpha":         func(b *Booking) { b.IndicatorShare = big.NewRat(7, 10) },
		"budget":        func(b *Booking) { b.Budget = 301 },
		"settings":      func(b *Booking) { b.Settings = "{}" },
		"input name":    func(b *Booking) { b.Inputs[0].Name = "x.csv" },
		"input sha":     func(b *Booking) { b.Inputs[0].SHA256 = "00" },
		"input bytes":   func(b *Booking) { b.Inputs[0].Bytes++ },
		"unit name":     func(b *Booking) { b.Units[0].Name = "C" },
		"amount":        func(b *Booking) { b.Units[0].Amount++ },
		"target":        func(b *Booking) { b.Units[0].Target = big.NewRat(1, 4) },
		"share":         func(b *Booking) { b.Units[0].Share = big.NewRat(1, 4) },
		"held":          func(b *Booking) { b.Units[0].Held = "floor" },
		// the length prefix keeps text from moving between fields
		"shifted text": func(b *Booking) { b.BookedBy, b.Reason = "controllerBeschluss", " JHA" },
	}
	for name, change := range changes {
		b := booking("2026-Q1", 1)
		change(b)
		if ComputeHash(b) == base {
			t.Errorf("%s: the hash did not change", name)
		}
	}
}

func TestCanonicalEncoding(t *testing.T) {
	b := booking("2026-Q1", 1)
	b.Inputs, b.Units = nil, b.Units[:1]
	want := "format:20:raumbudget-booking/1\nprevious_hash:0:\nperiod:7:2026-Q1\nrevision:1:1\n" +
		"transition_start:7:2026-Q1\nbooked_at:20:2026-03-12T09:30:15Z\nbooked_by:10:controller\n" +
		"reason:13:Beschluss JHA\nindicator_share:3:3/5\nbudget:4:3.00\nsettings:22:{\"annual-budget\":\"12\"}\n" +
		"unit:1:A\nunit.amount:4:1.00\nunit.target_share:3:1/3\nunit.share:3:1/3\nunit.held:0:\n"
	if got := string(Canonical(b)); got != want {
		t.Errorf("canonical encoding\n%s\nwant\n%s", got, want)
	}
}

func TestActive(t *testing.T) {
	bs := []Booking{*booking("2026-Q1", 1), *booking("2026-Q2", 1), *booking("2026-Q2", 2)}
	got := Active(bs)
	if !got[0] || got[1] || !got[2] {
		t.Errorf("active %v, want [true false true]", got)
	}
}

func TestOpenMissingWithoutCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "raumbudget.db")
	_, err := Open(context.Background(), path, false)
	var le *Error
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "no ledger there") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a ledger was made: %v", err)
	}
}

// A new ledger appears complete or not at all: no temporary file stays.
func TestOpenMakesOneFile(t *testing.T) {
	dir := t.TempDir()
	l := open(t, filepath.Join(dir, "raumbudget.db"))
	l.Close()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "raumbudget.db" {
		t.Errorf("folder holds %v", entries)
	}
	l = open(t, filepath.Join(dir, "raumbudget.db")) // opened again, as a ledger
	if got := readVersion(t, l); got != SchemaVersion() {
		t.Errorf("version %d", got)
	}
}

// Files that are not a raumbudget ledger are refused and left untouched.
func TestOpenRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE kunden (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	files := map[string][]byte{
		"text.csv":  []byte("Bezirksstelle;Betrag\nA;1\n"),
		"empty.db":  {},
		"other.db":  nil, // as made above
		"damaged":   append(append([]byte{}, sqliteMagic...), make([]byte, 5000)...),
		"truncated": nil,
	}
	ledger := filepath.Join(dir, "truncated")
	l := open(t, ledger)
	if err := l.Append(context.Background(), booking("2026-Q1", 1), ""); err != nil {
		t.Fatal(err)
	}
	l.Close()
	whole, _ := os.ReadFile(ledger)
	files["truncated"] = whole[:len(whole)/2+100]
	for name, content := range files {
		path := filepath.Join(dir, name)
		if content != nil {
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		before, _ := os.ReadFile(path)
		_, err := Open(context.Background(), path, true)
		var le *Error
		if !errors.As(err, &le) {
			t.Errorf("%s: got %v, want a refusal", name, err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s: the file was changed", name)
		}
	}
}

// An older ledger is migrated on open; a newer one is refused.
func TestSchemaVersions(t *testing.T) {
	for _, c := range ledgertest.Ledgers(t) {
		t.Run(c.Name, func(t *testing.T) {
			ctx := context.Background()
			l := open(t, c.DSN)
			if got := readVersion(t, l); got != SchemaVersion() {
				t.Fatalf("new ledger at version %d", got)
			}
			if err := l.Append(ctx, booking("2026-Q1", 1), ""); err != nil {
				t.Fatal(err)
			}
			for _, stmt := range []string{"UPDATE ledger_bookings SET reason = 'x'", "DELETE FROM ledger_files"} {
				if _, err := l.db.ExecContext(ctx, stmt); err == nil || !strings.Contains(err.Error(), "never changed") {
					t.Errorf("%s: %v, want a refusal", stmt, err)
				}
			}
			// Back to version 1, as an older raumbudget left it.
			for _, stmt := range downToVersion1(l.dialect) {
				if _, err := l.db.ExecContext(ctx, stmt); err != nil {
					t.Fatal(err)
				}
			}
			l.Close()
			l = open(t, c.DSN)
			if got := readVersion(t, l); got != SchemaVersion() {
				t.Errorf("after opening a version 1 ledger: version %d", got)
			}
			if _, err := l.db.ExecContext(ctx, "DELETE FROM ledger_files"); err == nil {
				t.Error("the migration did not add the triggers")
			}
			if _, err := l.db.ExecContext(ctx, "UPDATE raumbudget_meta SET value = '99' WHERE key = 'schema_version'"); err != nil {
				t.Fatal(err)
			}
			l.Close()
			_, err := Open(ctx, c.DSN, true)
			if err == nil || !strings.Contains(err.Error(), "schema version 99, newer") {
				t.Errorf("newer ledger: %v", err)
			}
		})
	}
}

func readVersion(t *testing.T, l *Ledger) int {
	t.Helper()
	var v string
	if err := l.db.QueryRow("SELECT value FROM raumbudget_meta WHERE key = 'schema_version'").Scan(&v); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range v {
		n = n*10 + int(r-'0')
	}
	return n
}

// downToVersion1 undoes migration 2.
func downToVersion1(d dialect) []string {
	var out []string
	for i := len(istTables) - 1; i >= 0; i-- { // version 3; dropping a table drops its triggers
		out = append(out, "DROP TABLE "+istTables[i])
	}
	for _, tbl := range ledgerTables {
		if d == postgres {
			out = append(out, "DROP TRIGGER "+tbl+"_unchanged ON "+tbl)
			continue
		}
		out = append(out, "DROP TRIGGER "+tbl+"_no_update", "DROP TRIGGER "+tbl+"_no_delete")
	}
	if d == postgres {
		out = append(out, "DROP FUNCTION ledger_refuse_change()")
	}
	return append(out, "UPDATE raumbudget_meta SET value = '1' WHERE key = 'schema_version'")
}
