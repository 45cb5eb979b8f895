package ledger

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/scenario"
)

type dialect int

const (
	sqliteDB dialect = iota
	postgres
)

func (d dialect) blobType() string {
	if d == postgres {
		return "BYTEA"
	}
	return "BLOB"
}

// Ledger is an open ledger.
type Ledger struct {
	db      *sql.DB
	dialect dialect
	where   string // the file, or the database without its password
}

// Error is a ledger that cannot be used as it is: not a raumbudget ledger,
// damaged, missing, or of a newer schema. Nothing was written to it.
// Its sentence is one of the catalogue, said in the run's language.
type Error struct{ Text msg.Text }

func (e *Error) Error() string           { return e.Text.In(msg.EN) }
func (e *Error) In(lang msg.Lang) string { return e.Text.In(lang) }

func errorf(format string, args ...any) *Error {
	return &Error{msg.New(format, args...)}
}

// ErrJustBooked is a booking that lost the race against another booking
// made at the same time; nothing of it was stored.
var ErrJustBooked = msg.Errorf("the quarter was just booked by another run; look at 'raumbudget ledger list' and book again if needed")

// IsPostgres says whether dsn names a PostgreSQL database rather than an
// SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the ledger at dsn: a postgres:// URL or the path of an SQLite
// file, which is made when create is set and it does not exist. An older
// schema is migrated; a newer one, another program's database or a
// damaged file is refused with an *Error.
func Open(ctx context.Context, dsn string, create bool) (*Ledger, error) {
	var l *Ledger
	var err error
	if IsPostgres(dsn) {
		l, err = openPostgres(ctx, dsn)
	} else {
		l, err = openSQLite(ctx, dsn, create)
	}
	if err != nil {
		return nil, err
	}
	if err := l.migrate(ctx, SchemaVersion(), create); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// Where names the ledger for messages.
func (l *Ledger) Where() string { return l.where }

// Close closes the ledger.
func (l *Ledger) Close() error { return l.db.Close() }

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

func openSQLite(ctx context.Context, path string, create bool) (*Ledger, error) {
	isNew, err := checkSQLiteFile(path, create)
	if err != nil {
		return nil, err
	}
	if isNew {
		if err := makeSQLite(ctx, path); err != nil {
			return nil, err
		}
	}
	l, err := connectSQLite(path, "rw")
	if err != nil {
		return nil, err
	}
	if err := l.checkSQLite(ctx); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// connectSQLite opens the file at path with the ledger's settings; mode
// is SQLite's: rw, or rwc to create it.
func connectSQLite(path, mode string) (*Ledger, error) {
	// BEGIN IMMEDIATE takes the write lock when a booking starts, so two
	// bookings at once are one after the other, never interleaved; the
	// default rollback journal keeps the ledger one self-contained file.
	dsn := "file:" + escapeURIPath(path) + "?mode=" + mode +
		"&_txlock=immediate&_pragma=busy_timeout(15000)&_pragma=foreign_keys(1)&_pragma=synchronous(full)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return &Ledger{db: db, dialect: sqliteDB, where: path}, nil
}

// makeSQLite makes a new ledger at path: in a temporary file next to it,
// linked into place once its schema is complete, so that a crash never
// leaves a half-made ledger (which would then be refused as not one). If
// another run made the ledger meanwhile, that one is kept.
func makeSQLite(ctx context.Context, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.new")
	if err != nil {
		return errorf("%s: cannot make the ledger: %v", path, errors.Unwrap(err))
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	defer os.Remove(tmp.Name() + "-journal")
	if err := os.Remove(tmp.Name()); err != nil { // SQLite makes it anew
		return err
	}
	l, err := connectSQLite(tmp.Name(), "rwc")
	if err != nil {
		return err
	}
	l.where = path
	err = l.migrate(ctx, SchemaVersion(), true)
	if cerr := l.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	err = os.Link(tmp.Name(), path) // fails if path exists: never replaces a file
	if err == nil || errors.Is(err, os.ErrExist) {
		return nil
	}
	// A file system without hard links: rename, having looked once more.
	if _, statErr := os.Lstat(path); errors.Is(statErr, os.ErrNotExist) {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return errorf("%s: cannot make the ledger: %v", path, err)
	}
	return nil
}

// checkSQLiteFile looks at the file before SQLite does, so that a file
// that is not a database is never turned into one; it says whether the
// ledger is new.
func checkSQLiteFile(path string, create bool) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		if dir := filepath.Dir(path); create && !isDir(dir) {
			return false, errorf("%s: cannot make the ledger: the folder %s does not exist", path, dir)
		}
		if !create {
			return false, errorf("%s: no ledger there; book a quarter first (raumbudget book QUARTER) or name the ledger with --ledger", path)
		}
		return true, nil
	}
	if err != nil {
		return false, errorf("%s: cannot open the ledger: %v", path, errors.Unwrap(err))
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return false, notLedger(path)
	}
	return false, nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func notLedger(path string) error {
	return errorf("%s is not a raumbudget ledger; it was left as it is (name another file with --ledger)", path)
}

// checkSQLite refuses another program's database and a damaged file.
func (l *Ledger) checkSQLite(ctx context.Context) error {
	var id int64
	if err := l.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return l.openError(err)
	}
	if id != applicationID {
		return notLedger(l.where)
	}
	var check string
	if err := l.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return l.damaged(err)
	}
	if check != "ok" {
		return l.damaged(errors.New(check))
	}
	return nil
}

func (l *Ledger) damaged(err error) error {
	return errorf("%s: the ledger is damaged (%v); it was left as it is: restore it from a backup", l.where, err)
}

// escapeURIPath makes a path safe in an SQLite URI filename.
func escapeURIPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

func openPostgres(ctx context.Context, dsn string) (*Ledger, error) {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return nil, errorf("--ledger: %v", err)
	}
	where := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, msg.Errorf("%s: cannot connect: %v", where, err)
	}
	return &Ledger{db: db, dialect: postgres, where: where}, nil
}

// q turns the ? placeholders of a query into PostgreSQL's $1, $2, …
func (l *Ledger) q(query string) string {
	if l.dialect != postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// begin starts a transaction that sees and writes the ledger as if alone:
// SQLite's BEGIN IMMEDIATE (set in the DSN) or PostgreSQL's SERIALIZABLE.
func (l *Ledger) begin(ctx context.Context) (*sql.Tx, error) {
	if l.dialect == postgres {
		return l.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	}
	return l.db.BeginTx(ctx, nil)
}

// pgMigrationLock is the advisory lock that keeps two first opens of a
// PostgreSQL ledger from both creating the tables.
const pgMigrationLock = 0x52424c47

// migrate brings the schema to version target in one transaction.
// A database without a ledger gets one only when create is set.
// The version is read first without a transaction: a ledger that is up
// to date (the usual case) takes no write lock just to be opened, so a
// booking in progress does not hold up another run's reading.
func (l *Ledger) migrate(ctx context.Context, target int, create bool) error {
	version, err := l.version(ctx, l.db)
	if err != nil {
		return err
	}
	if err := l.checkVersion(version, target, create); err != nil || version >= target {
		return err
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.openError(err)
	}
	defer tx.Rollback()
	if l.dialect == postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", pgMigrationLock); err != nil {
			return err
		}
	}
	if version, err = l.version(ctx, tx); err != nil { // again, now alone
		return err
	}
	if err := l.checkVersion(version, target, create); err != nil || version >= target {
		return err
	}
	for _, m := range migrations[version:target] {
		for _, stmt := range m.statements(l.dialect) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return msg.Errorf("%s: migrating to schema version %d: %w", l.where, m.version, err)
			}
		}
	}
	if err := l.setVersion(ctx, tx, version, target); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return l.openError(err)
	}
	return nil
}

// openError is a failure to read or write the ledger at all: an SQLite
// file that is not a database is damaged, other errors stay as they are.
func (l *Ledger) openError(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return l.damaged(err)
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY:
		return errorf("%s: cannot open the ledger: %v", l.where, err)
	}
	return err
}

// checkVersion refuses a newer schema, and an empty database unless a
// ledger may be created.
func (l *Ledger) checkVersion(version, target int, create bool) error {
	switch {
	case version > SchemaVersion():
		return errorf("%s: the ledger has schema version %d, newer than this raumbudget knows (%d); use a newer raumbudget", l.where, version, SchemaVersion())
	case version == 0 && !create:
		return errorf("%s: no ledger there; book a quarter first (raumbudget book QUARTER) or name the ledger with --ledger", l.where)
	}
	return nil
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// version is the ledger's schema version, 0 for an empty database.
func (l *Ledger) version(ctx context.Context, tx querier) (int, error) {
	has, err := l.hasTable(ctx, tx, "raumbudget_meta")
	if err != nil {
		return 0, l.openError(err)
	}
	if !has {
		if taken, err := l.hasTable(ctx, tx, "ledger_bookings"); err != nil || taken {
			return 0, errors.Join(err, notLedger(l.where))
		}
		return 0, nil
	}
	meta := map[string]string{}
	rows, err := tx.QueryContext(ctx, "SELECT key, value FROM raumbudget_meta")
	if err != nil {
		return 0, l.openError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return 0, err
		}
		meta[k] = v
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	version, err := strconv.Atoi(meta["schema_version"])
	if meta["format"] != formatName || err != nil || version < 1 {
		return 0, notLedger(l.where)
	}
	return version, nil
}

func (l *Ledger) hasTable(ctx context.Context, tx querier, name string) (bool, error) {
	query := "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
	if l.dialect == postgres {
		query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
	}
	var n int
	err := tx.QueryRowContext(ctx, l.q(query), name).Scan(&n)
	return n > 0, err
}

func (l *Ledger) setVersion(ctx context.Context, tx *sql.Tx, from, to int) error {
	var err error
	if from == 0 {
		if l.dialect == sqliteDB {
			if _, err = tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, l.q("INSERT INTO raumbudget_meta (key, value) VALUES ('format', ?), ('schema_version', ?)"), formatName, strconv.Itoa(to))
	} else {
		// the meta table is not among the tables whose rows are immutable
		_, err = tx.ExecContext(ctx, l.q("UPDATE raumbudget_meta SET value = ? WHERE key = 'schema_version'"), strconv.Itoa(to))
	}
	return err
}

// BeforeCommit, when set, runs inside a booking's transaction after its
// rows are written and before they are committed: the seam the end-to-end
// tests use to hold a booking open (for a booking at the same time, or a
// kill -9 in the middle).
var BeforeCommit func()

// Append stores b as the next booking, in one transaction. head is the
// hash of the last booking the caller computed b from ("" for none): if
// another booking came in between, nothing is stored and the error is
// ErrJustBooked. Append sets b's Seq, PreviousHash and Hash.
func (l *Ledger) Append(ctx context.Context, b *Booking, head string) error {
	tx, err := l.begin(ctx)
	if err != nil {
		return l.writeError(err)
	}
	defer tx.Rollback()
	var seq int64
	var last string
	err = tx.QueryRowContext(ctx, "SELECT seq, hash FROM ledger_bookings ORDER BY seq DESC LIMIT 1").Scan(&seq, &last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return l.writeError(err)
	}
	if last != head {
		return ErrJustBooked
	}
	b.Seq, b.PreviousHash = seq+1, head
	b.BookedAt = b.BookedAt.UTC().Truncate(time.Second)
	b.Hash = ComputeHash(b)
	if err := l.insert(ctx, tx, b); err != nil {
		return l.writeError(err)
	}
	if BeforeCommit != nil {
		BeforeCommit()
	}
	return l.writeError(tx.Commit())
}

func (l *Ledger) insert(ctx context.Context, tx *sql.Tx, b *Booking) error {
	_, err := tx.ExecContext(ctx, l.q(`INSERT INTO ledger_bookings (seq, period, revision, transition_start, booked_at,
		booked_by, reason, indicator_share, budget, settings, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		b.Seq, b.Period.String(), b.Revision, b.TransitionStart.String(), b.BookedAt.Format(time.RFC3339),
		b.BookedBy, b.Reason, b.IndicatorShare.RatString(), int64(b.Budget), b.Settings, b.Hash, b.PreviousHash)
	if err != nil {
		return err
	}
	for i, u := range b.Units {
		_, err := tx.ExecContext(ctx, l.q(`INSERT INTO ledger_units (seq, position, unit, amount, target_share, share, held)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), b.Seq, i, u.Name, int64(u.Amount), u.Target.RatString(), u.Share.RatString(), u.Held)
		if err != nil {
			return err
		}
	}
	for i, in := range b.Inputs {
		_, err := tx.ExecContext(ctx, l.q("INSERT INTO ledger_files (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING"),
			in.SHA256, in.Content)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, l.q("INSERT INTO ledger_inputs (seq, position, role, name, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)"),
			b.Seq, i, in.Role, in.Name, in.SHA256, in.Bytes)
		if err != nil {
			return err
		}
	}
	return nil
}

// writeError turns the database's refusal of a second booking of the
// same place in the chain into ErrJustBooked.
func (l *Ledger) writeError(err error) error {
	if err == nil {
		return nil
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) && (pg.Code == "23505" || pg.Code == "40001") { // unique violation, serialization failure
		return ErrJustBooked
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return ErrJustBooked
		case sqlite3.SQLITE_BUSY:
			return msg.Errorf("%s: the ledger is busy (another run holds it); try again", l.where)
		}
	}
	return l.openError(err)
}

// Bookings are every booking in booking order, with units and inputs
// (without their content).
func (l *Ledger) Bookings(ctx context.Context) ([]Booking, error) {
	var out []Booking
	rows, err := l.db.QueryContext(ctx, `SELECT seq, period, revision, transition_start, booked_at, booked_by, reason,
		indicator_share, budget, settings, hash, previous_hash FROM ledger_bookings ORDER BY seq`)
	if err != nil {
		return nil, l.openError(err)
	}
	defer rows.Close()
	bySeq := map[int64]int{}
	for rows.Next() {
		b, err := scanBooking(rows)
		if err != nil {
			return nil, l.corrupt(err)
		}
		bySeq[b.Seq] = len(out)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := l.readUnits(ctx, out, bySeq); err != nil {
		return nil, err
	}
	return out, l.readInputs(ctx, out, bySeq)
}

// corrupt is a stored value this program cannot read.
func (l *Ledger) corrupt(err error) error {
	return errorf("%s: a stored value cannot be read (%v): run 'raumbudget ledger verify'", l.where, err)
}

type scanner interface{ Scan(...any) error }

func scanBooking(r scanner) (Booking, error) {
	var b Booking
	var period, start, at, alpha string
	var budget int64
	err := r.Scan(&b.Seq, &period, &b.Revision, &start, &at, &b.BookedBy, &b.Reason, &alpha, &budget, &b.Settings, &b.Hash, &b.PreviousHash)
	if err != nil {
		return b, err
	}
	b.Budget = allocate.Cents(budget)
	if b.Period, err = scenario.ParsePeriod(period); err != nil {
		return b, err
	}
	if b.TransitionStart, err = scenario.ParsePeriod(start); err != nil {
		return b, err
	}
	if b.BookedAt, err = time.Parse(time.RFC3339, at); err != nil {
		return b, err
	}
	b.IndicatorShare, err = parseRat(alpha)
	return b, err
}

func parseRat(s string) (*big.Rat, error) {
	x, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, msg.Errorf("%q is not a fraction", s)
	}
	return x, nil
}

func (l *Ledger) readUnits(ctx context.Context, out []Booking, bySeq map[int64]int) error {
	rows, err := l.db.QueryContext(ctx, "SELECT seq, unit, amount, target_share, share, held FROM ledger_units ORDER BY seq, position")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq, amount int64
		var u Unit
		var target, share string
		if err := rows.Scan(&seq, &u.Name, &amount, &target, &share, &u.Held); err != nil {
			return l.corrupt(err)
		}
		u.Amount = allocate.Cents(amount)
		if u.Target, err = parseRat(target); err != nil {
			return l.corrupt(err)
		}
		if u.Share, err = parseRat(share); err != nil {
			return l.corrupt(err)
		}
		if i, ok := bySeq[seq]; ok {
			out[i].Units = append(out[i].Units, u)
		}
	}
	return rows.Err()
}

func (l *Ledger) readInputs(ctx context.Context, out []Booking, bySeq map[int64]int) error {
	rows, err := l.db.QueryContext(ctx, "SELECT seq, role, name, sha256, bytes FROM ledger_inputs ORDER BY seq, position")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var in Input
		if err := rows.Scan(&seq, &in.Role, &in.Name, &in.SHA256, &in.Bytes); err != nil {
			return l.corrupt(err)
		}
		if i, ok := bySeq[seq]; ok {
			out[i].Inputs = append(out[i].Inputs, in)
		}
	}
	return rows.Err()
}

// Content is the stored content of the input file with this SHA-256, as
// stored (verify checks it against the hash).
func (l *Ledger) Content(ctx context.Context, sha string) ([]byte, error) {
	var content []byte
	err := l.db.QueryRowContext(ctx, l.q("SELECT content FROM ledger_files WHERE sha256 = ?"), sha).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, msg.Errorf("the input file %s is missing from the ledger", sha)
	}
	return content, err
}

// IntegrityCheck runs the database's own check of its file (SQLite); a
// PostgreSQL server checks its own storage.
func (l *Ledger) IntegrityCheck(ctx context.Context) error {
	if l.dialect != sqliteDB {
		return nil
	}
	var check string
	if err := l.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil {
		return l.damaged(err)
	}
	if check != "ok" {
		return l.damaged(errors.New(check))
	}
	return nil
}
