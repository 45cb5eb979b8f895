package ledger

import "strings"

// applicationID marks an SQLite file as a raumbudget ledger in its header
// ("RBLG"), so that another program's database is told apart before any
// table is read.
const applicationID = 0x52424c47

// formatName is the meta table's "format" entry.
const formatName = "raumbudget ledger"

// migration brings the schema from version-1 to version. Its statements
// run in the transaction that records the new version, so a ledger is
// never left half migrated.
type migration struct {
	version int
	sql     string // statements separated by ";\n\n"; {{blob}} is the dialect's byte type
	sqlite  string // statements only SQLite has (its triggers)
	pg      string // statements only PostgreSQL has
}

// migrations are every schema version in order; a new version is
// appended here, never edited into an old one.
var migrations = []migration{
	{version: 1, sql: `CREATE TABLE raumbudget_meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE ledger_bookings (
	seq BIGINT PRIMARY KEY,
	period TEXT NOT NULL,
	revision INTEGER NOT NULL,
	transition_start TEXT NOT NULL,
	booked_at TEXT NOT NULL,
	booked_by TEXT NOT NULL,
	reason TEXT NOT NULL,
	indicator_share TEXT NOT NULL,
	budget BIGINT NOT NULL,
	settings TEXT NOT NULL,
	hash TEXT NOT NULL UNIQUE,
	previous_hash TEXT NOT NULL UNIQUE,
	UNIQUE (period, revision)
);

CREATE TABLE ledger_units (
	seq BIGINT NOT NULL REFERENCES ledger_bookings (seq),
	position INTEGER NOT NULL,
	unit TEXT NOT NULL,
	amount BIGINT NOT NULL,
	target_share TEXT NOT NULL,
	share TEXT NOT NULL,
	held TEXT NOT NULL,
	PRIMARY KEY (seq, position)
);

CREATE TABLE ledger_files (
	sha256 TEXT PRIMARY KEY,
	content {{blob}} NOT NULL
);

CREATE TABLE ledger_inputs (
	seq BIGINT NOT NULL REFERENCES ledger_bookings (seq),
	position INTEGER NOT NULL,
	role TEXT NOT NULL,
	name TEXT NOT NULL,
	sha256 TEXT NOT NULL REFERENCES ledger_files (sha256),
	bytes BIGINT NOT NULL,
	PRIMARY KEY (seq, position)
)`},
	// Version 2: the database itself refuses to change or delete what was
	// booked, so that only a deliberate act (dropping the triggers) can,
	// and verify then finds it.
	{version: 2,
		sqlite: sqliteTriggers(),
		pg: `CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a booking is never changed or deleted';
END
$$;

` + pgTriggers()},
	// Version 3: the imports of actual spending (Ist), see ist.go.
	istMigration,
}

// ledgerTables are the tables that hold bookings.
var ledgerTables = []string{"ledger_bookings", "ledger_units", "ledger_files", "ledger_inputs"}

func sqliteTriggers() string {
	var stmts []string
	for _, t := range ledgerTables {
		for _, op := range []string{"UPDATE", "DELETE"} {
			stmts = append(stmts, "CREATE TRIGGER "+t+"_no_"+strings.ToLower(op)+" BEFORE "+op+" ON "+t+
				" BEGIN SELECT RAISE(ABORT, 'a booking is never changed or deleted'); END")
		}
	}
	return strings.Join(stmts, ";\n\n")
}

func pgTriggers() string {
	var stmts []string
	for _, t := range ledgerTables {
		stmts = append(stmts, "CREATE TRIGGER "+t+"_unchanged BEFORE UPDATE OR DELETE ON "+t+
			" FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()")
	}
	return strings.Join(stmts, ";\n\n")
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// statements are the migration's statements for the dialect d.
func (m migration) statements(d dialect) []string {
	text := m.sql
	extra := m.sqlite
	if d == postgres {
		extra = m.pg
	}
	if extra != "" {
		if text != "" {
			text += ";\n\n"
		}
		text += extra
	}
	text = strings.ReplaceAll(text, "{{blob}}", d.blobType())
	var out []string
	for _, s := range strings.Split(text, ";\n\n") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
