package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/raumbudget/raumbudget/internal/ledgertest"
)

// TestLedgerScriptsPostgres runs the ledger's end-to-end scripts again
// against a new PostgreSQL database each (RAUMBUDGET_LEDGER), when
// RAUMBUDGET_TEST_POSTGRES names a server; TestScripts runs them on SQLite.
// ledger-sqlite*.txtar are about the SQLite file and run there only.
func TestLedgerScriptsPostgres(t *testing.T) {
	if os.Getenv(ledgertest.EnvPostgres) == "" {
		t.Skip(ledgertest.EnvPostgres + " is not set")
	}
	files, err := filepath.Glob("testdata/script/ledger*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var pgFiles []string
	for _, f := range files {
		if m, _ := filepath.Match("testdata/script/ledger-sqlite*.txtar", f); !m {
			pgFiles = append(pgFiles, f)
		}
	}
	testscript.Run(t, testscript.Params{
		Files:               pgFiles,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			dsn, drop, err := ledgertest.CreatePostgres(os.Getenv(ledgertest.EnvPostgres))
			if err != nil {
				return err
			}
			env.Defer(func() {
				if err := drop(); err != nil {
					env.T().Log(err)
				}
			})
			env.Setenv("RAUMBUDGET_LEDGER", dsn)
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"csv2xlsx": csv2xlsx,
			"waitfile": waitFile,
		},
	})
}

// waitfile FILE waits until FILE exists (at most a minute): a background
// command has reached a point, such as RAUMBUDGET_TEST_HOLD's FILE.held.
func waitFile(ts *testscript.TestScript, neg bool, args []string) {
	want := 1
	if len(args) == 2 {
		n, err := strconv.Atoi(strings.TrimPrefix(args[0], "-count="))
		if err != nil || !strings.HasPrefix(args[0], "-count=") {
			ts.Fatalf("usage: waitfile [-count=N] PATTERN")
		}
		want, args = n, args[1:]
	}
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfile [-count=N] PATTERN")
	}
	pattern := ts.MkAbs(args[0])
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if found, _ := filepath.Glob(pattern); len(found) >= want {
			return
		}
	}
	ts.Fatalf("%s did not appear within a minute", args[0])
}
