// Package ledgertest gives tests fresh ledgers: an SQLite file always, and
// a PostgreSQL database when RAUMBUDGET_TEST_POSTGRES holds the DSN of a
// server the tests may create databases on (.ci/run starts one).
package ledgertest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
)

// EnvPostgres names the variable with the test server's DSN.
const EnvPostgres = "RAUMBUDGET_TEST_POSTGRES"

// Case is one database to run a test against.
type Case struct {
	Name string // "sqlite" or "postgres"
	DSN  string
}

// Ledgers are a new, empty SQLite ledger path and, when the test server
// is set, a new empty PostgreSQL database; each is removed after the test.
func Ledgers(t testing.TB) []Case {
	cases := []Case{{Name: "sqlite", DSN: filepath.Join(t.TempDir(), "raumbudget.db")}}
	if os.Getenv(EnvPostgres) != "" {
		cases = append(cases, Case{Name: "postgres", DSN: NewPostgres(t)})
	}
	return cases
}

// NewPostgres creates an empty database on the test server and returns
// its DSN; it is dropped after the test. Without the server the test
// is skipped.
func NewPostgres(t testing.TB) string {
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skip(EnvPostgres + " is not set")
	}
	dsn, drop, err := CreatePostgres(base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return dsn
}

// CreatePostgres creates an empty database on the server at base and
// returns its DSN and the function that drops it.
func CreatePostgres(base string) (string, func() error, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %v", EnvPostgres, err)
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	name := "raumbudget_test_" + hex.EncodeToString(suffix)
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("creating a test database on %s: %v", EnvPostgres, err)
	}
	drop := func() error {
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			return fmt.Errorf("dropping %s: %v", name, err)
		}
		return nil
	}
	u.Path = "/" + name
	return u.String(), drop, nil
}
