package ledger

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/raumbudget/raumbudget/internal/ledgertest"
)

func istImport(name, content string, sums ...IstSum) *IstImport {
	return &IstImport{ImportedAt: time.Date(2026, 5, 2, 10, 0, 0, 0, time.UTC), ImportedBy: "controller", Settings: "{}",
		File: NewInput("ist", name, []byte(content)), Sums: sums}
}

// Imports are stored with their file and read back in order; a later
// import of a month is its active revision, the earlier stays.
func TestIstImports(t *testing.T) {
	for _, c := range ledgertest.Ledgers(t) {
		t.Run(c.Name, func(t *testing.T) {
			ctx := context.Background()
			l := open(t, c.DSN)
			first := istImport("ist-q1.csv", "a", IstSum{"A", "2026-01", 100, 0, false}, IstSum{"A", "2026-02", -5, 1250, true})
			second := istImport("ist-feb.csv", "b", IstSum{"A", "2026-02", 7, 0, false}, IstSum{"B", "2026-03", 9, 0, false})
			for _, imp := range []*IstImport{first, second} {
				if err := l.AppendIst(ctx, imp); err != nil {
					t.Fatal(err)
				}
			}
			got, err := l.IstImports(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 2 || !reflect.DeepEqual(got[0].Sums, first.Sums) || !reflect.DeepEqual(got[1].Sums, second.Sums) {
				t.Fatalf("read back %+v", got)
			}
			if got[0].File.SHA256 != first.File.SHA256 || got[0].File.Name != "ist-q1.csv" || !got[0].ImportedAt.Equal(first.ImportedAt) {
				t.Errorf("file %+v at %v", got[0].File, got[0].ImportedAt)
			}
			if content, err := l.Content(ctx, first.File.SHA256); err != nil || string(content) != "a" {
				t.Errorf("content %q, %v", content, err)
			}
			active := ActiveIst(got)
			want := []map[string]bool{{"2026-01": true, "2026-02": false}, {"2026-02": true, "2026-03": true}}
			if !reflect.DeepEqual(active, want) {
				t.Errorf("active %v, want %v", active, want)
			}
			for _, stmt := range []string{"UPDATE ist_sums SET cents = 0", "DELETE FROM ist_imports"} {
				if _, err := l.db.ExecContext(ctx, stmt); err == nil || !strings.Contains(err.Error(), "never changed") {
					t.Errorf("%s: %v, want a refusal", stmt, err)
				}
			}
		})
	}
}
