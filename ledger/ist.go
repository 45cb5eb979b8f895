package ledger

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// IstImport is one import of an actual-spending (Ist) file: the file
// itself (name, SHA-256, content) and its rows summed per unit and month,
// so that monitoring and the yearly report reproduce every figure from
// what is stored. Imports are never changed or deleted: a later import of
// a month replaces the earlier one's figures of that month as its new
// revision, and the earlier import stays in the ledger.
type IstImport struct {
	Seq        int64 // place in import order, from 1
	ImportedAt time.Time
	ImportedBy string
	Settings   string // JSON of the settings the file was read with (its cost centres)
	File       Input  // role "ist"
	Sums       []IstSum
}

// IstSum is one unit's month of an import.
type IstSum struct {
	Unit     string
	Month    string // "2026-01"
	Cents    int64
	Cases    int64 // hundredths
	HasCases bool
}

// Months lists the import's months in order of first appearance.
func (imp *IstImport) Months() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range imp.Sums {
		if !seen[s.Month] {
			seen[s.Month] = true
			out = append(out, s.Month)
		}
	}
	return out
}

// istTables hold the imports; like the bookings they are never changed.
var istTables = []string{"ist_imports", "ist_sums"}

// istMigration is schema version 3: the Ist imports.
var istMigration = migration{version: 3, sql: `CREATE TABLE ist_imports (
	seq BIGINT PRIMARY KEY,
	imported_at TEXT NOT NULL,
	imported_by TEXT NOT NULL,
	settings TEXT NOT NULL,
	name TEXT NOT NULL,
	sha256 TEXT NOT NULL REFERENCES ledger_files (sha256),
	bytes BIGINT NOT NULL
);

CREATE TABLE ist_sums (
	seq BIGINT NOT NULL REFERENCES ist_imports (seq),
	position INTEGER NOT NULL,
	unit TEXT NOT NULL,
	month TEXT NOT NULL,
	cents BIGINT NOT NULL,
	cases BIGINT NOT NULL,
	has_cases INTEGER NOT NULL,
	PRIMARY KEY (seq, position)
)`, sqlite: triggersFor(istTables, sqliteTrigger), pg: triggersFor(istTables, pgTrigger)}

func sqliteTrigger(t, op string) string {
	return "CREATE TRIGGER " + t + "_no_" + strings.ToLower(op) + " BEFORE " + op + " ON " + t +
		" BEGIN SELECT RAISE(ABORT, 'a booking is never changed or deleted'); END"
}

func pgTrigger(t, op string) string {
	if op == "DELETE" {
		return "" // one trigger covers both
	}
	return "CREATE TRIGGER " + t + "_unchanged BEFORE UPDATE OR DELETE ON " + t + " FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()"
}

func triggersFor(tables []string, trigger func(t, op string) string) string {
	var stmts []string
	for _, t := range tables {
		for _, op := range []string{"UPDATE", "DELETE"} {
			if s := trigger(t, op); s != "" {
				stmts = append(stmts, s)
			}
		}
	}
	return strings.Join(stmts, ";\n\n")
}

// AppendIst stores imp as the next import, with its file's content, in
// one transaction, and sets its Seq.
func (l *Ledger) AppendIst(ctx context.Context, imp *IstImport) error {
	tx, err := l.begin(ctx)
	if err != nil {
		return l.writeError(err)
	}
	defer tx.Rollback()
	var seq int64
	err = tx.QueryRowContext(ctx, "SELECT seq FROM ist_imports ORDER BY seq DESC LIMIT 1").Scan(&seq)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return l.writeError(err)
	}
	imp.Seq = seq + 1
	imp.ImportedAt = imp.ImportedAt.UTC().Truncate(time.Second)
	if err := l.insertIst(ctx, tx, imp); err != nil {
		return l.writeError(err)
	}
	return l.writeError(tx.Commit())
}

func (l *Ledger) insertIst(ctx context.Context, tx *sql.Tx, imp *IstImport) error {
	f := imp.File
	if _, err := tx.ExecContext(ctx, l.q("INSERT INTO ledger_files (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING"), f.SHA256, f.Content); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, l.q("INSERT INTO ist_imports (seq, imported_at, imported_by, settings, name, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)"),
		imp.Seq, imp.ImportedAt.Format(time.RFC3339), imp.ImportedBy, imp.Settings, f.Name, f.SHA256, f.Bytes)
	if err != nil {
		return err
	}
	for i, s := range imp.Sums {
		has := 0
		if s.HasCases {
			has = 1
		}
		_, err := tx.ExecContext(ctx, l.q("INSERT INTO ist_sums (seq, position, unit, month, cents, cases, has_cases) VALUES (?, ?, ?, ?, ?, ?, ?)"),
			imp.Seq, i, s.Unit, s.Month, s.Cents, s.Cases, has)
		if err != nil {
			return err
		}
	}
	return nil
}

// IstImports are every import in import order, with their sums and their
// file without its content (see Content).
func (l *Ledger) IstImports(ctx context.Context) ([]IstImport, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT seq, imported_at, imported_by, settings, name, sha256, bytes FROM ist_imports ORDER BY seq")
	if err != nil {
		return nil, l.openError(err)
	}
	defer rows.Close()
	var out []IstImport
	bySeq := map[int64]int{}
	for rows.Next() {
		var imp IstImport
		var at string
		imp.File.Role = "ist"
		if err := rows.Scan(&imp.Seq, &at, &imp.ImportedBy, &imp.Settings, &imp.File.Name, &imp.File.SHA256, &imp.File.Bytes); err != nil {
			return nil, l.corrupt(err)
		}
		if imp.ImportedAt, err = time.Parse(time.RFC3339, at); err != nil {
			return nil, l.corrupt(err)
		}
		bySeq[imp.Seq] = len(out)
		out = append(out, imp)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, l.readIstSums(ctx, out, bySeq)
}

func (l *Ledger) readIstSums(ctx context.Context, out []IstImport, bySeq map[int64]int) error {
	rows, err := l.db.QueryContext(ctx, "SELECT seq, unit, month, cents, cases, has_cases FROM ist_sums ORDER BY seq, position")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var s IstSum
		var has int
		if err := rows.Scan(&seq, &s.Unit, &s.Month, &s.Cents, &s.Cases, &has); err != nil {
			return l.corrupt(err)
		}
		s.HasCases = has != 0
		if i, ok := bySeq[seq]; ok {
			out[i].Sums = append(out[i].Sums, s)
		}
	}
	return rows.Err()
}

// ActiveIst marks, for imports in import order and each of their months,
// whether the import is that month's active revision: the latest import
// that holds the month.
func ActiveIst(imports []IstImport) []map[string]bool {
	latest := map[string]int{}
	for i, imp := range imports {
		for _, m := range imp.Months() {
			latest[m] = i
		}
	}
	out := make([]map[string]bool, len(imports))
	for i, imp := range imports {
		out[i] = map[string]bool{}
		for _, m := range imp.Months() {
			out[i][m] = latest[m] == i
		}
	}
	return out
}
