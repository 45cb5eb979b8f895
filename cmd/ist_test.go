package cmd

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/internal/ledgertest"
)

// istSQL runs a statement on the ledger's database, past the program.
func istSQL(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// verify reads each Ist import again: a stored sum changed by hand is
// named with its import; put back, the ledger is intact.
func TestVerifyIstImports(t *testing.T) {
	for _, c := range ledgertest.Ledgers(t) {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			ist := filepath.Join(dir, "ist.csv")
			if err := os.WriteFile(ist, []byte("Bezirksstelle;Monat;Betrag\nA;01.2026;10,50\nA;01.2026;-0,50\nB;02.2026;3\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, stderr, code := runCmd(t, "ist", "import", "--ledger", c.DSN, ist); code != 0 {
				t.Fatal(stderr)
			}
			if out, stderr, code := runCmd(t, "ledger", "verify", "--ledger", c.DSN); code != 0 || !strings.HasPrefix(out, "intakt: 0 Buchungen") {
				t.Fatalf("verify: %d %s %s", code, out, stderr)
			}
			db, param := openRaw(t, c)
			for _, s := range []string{"DROP TRIGGER IF EXISTS ist_sums_no_update"} {
				if c.Name == "postgres" {
					s = "ALTER TABLE ist_sums DISABLE TRIGGER ist_sums_unchanged"
				}
				istSQL(t, db, s)
			}
			istSQL(t, db, param("UPDATE ist_sums SET cents = ? WHERE unit = ?"), 1001, "A")
			out, _, code := runCmd(t, "ledger", "verify", "--ledger", c.DSN)
			if code != exitError || !strings.Contains(out, "Ist-Import 1 ("+ist+"): A 2026-01: 10,01 gespeichert, 10,00 nachgerechnet") {
				t.Errorf("tampered: exit %d\n%s", code, out)
			}
			istSQL(t, db, param("UPDATE ist_sums SET cents = ? WHERE unit = ?"), 1000, "A")
			if out, _, code := runCmd(t, "ledger", "verify", "--ledger", c.DSN); code != 0 {
				t.Errorf("put back: exit %d\n%s", code, out)
			}
		})
	}
}
