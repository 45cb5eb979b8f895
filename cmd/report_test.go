package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/internal/chrome"
	"github.com/raumbudget/raumbudget/internal/ledgertest"
)

// A ledger changed by hand: the report still shows what is stored, but
// says it is not intact, with verify's findings, in JSON and in print.
func TestReportOfTamperedLedger(t *testing.T) {
	f := newBookingFixture(t)
	for _, q := range []string{"2026-Q1", "2026-Q2", "2026-Q3"} {
		if code, _, stderr := run("book", q, "--config", f.config, "--by", "controller"); code != 0 {
			t.Fatalf("book %s: %s", q, stderr)
		}
	}
	report := func(format string) string {
		code, stdout, stderr := run("report", "2026", "--config", f.config, "-o", format)
		if code != 0 {
			t.Fatalf("report -o %s: exit %d: %s", format, code, stderr)
		}
		return stdout
	}
	var intact struct{ Verified bool }
	if err := json.Unmarshal([]byte(report("json")), &intact); err != nil || !intact.Verified {
		t.Fatalf("the untouched ledger: verified %v, %v", intact.Verified, err)
	}
	db, q := openRaw(t, ledgertest.Case{Name: "sqlite", DSN: filepath.Join(f.dir, "raumbudget.db")})
	execSQL(t, db, q("UPDATE ledger_units SET amount = amount + ? WHERE seq = 2 AND position = 1"), 1)
	var got struct{ Verified bool }
	if err := json.Unmarshal([]byte(report("json")), &got); err != nil || got.Verified {
		t.Errorf("a changed amount: verified %v, %v", got.Verified, err)
	}
	md := report("md")
	if !strings.Contains(md, "ledger verify: NICHT intakt – 10 Abweichungen:") || !strings.Contains(md, "- 2026-Q2 Revision 1: Bezirksstelle II: Betrag ") {
		t.Errorf("the report does not say what verify found:\n%s", md[strings.Index(md, "ledger verify"):])
	}
	html := report("html")
	if !strings.Contains(html, "NICHT intakt") || !strings.Contains(html, "2026-Q2 Revision 1: gespeicherter Hash") {
		t.Error("the HTML does not say the ledger is not intact")
	}
}

// Without Chromium, -o pdf exits 2 saying how to install it or to write
// HTML, and writes nothing.
func TestReportPDFWithoutChromium(t *testing.T) {
	f := newBookingFixture(t)
	if code, _, stderr := run("book", "2026-Q1", "--config", f.config); code != 0 {
		t.Fatal(stderr)
	}
	t.Setenv("PATH", t.TempDir())
	saved := chrome.Fallback
	chrome.Fallback = filepath.Join(t.TempDir(), "chromium")
	t.Cleanup(func() { chrome.Fallback = saved })
	out := filepath.Join(f.dir, "bericht.pdf")
	code, _, stderr := run("report", "2026", "--config", f.config, "--out", out)
	want := "raumbudget: -o pdf braucht Chromium, das nicht installiert ist: mit apt-get install chromium installieren oder -o html schreiben und das drucken\n"
	if code != 2 || stderr != want {
		t.Errorf("exit %d, stderr %q; want 2, %q", code, stderr, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s was written: %v", out, err)
	}
}
