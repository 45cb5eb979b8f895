package cmd

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestHelperWorker is not a test: it is the child that TestSupervise
// starts, ending as its environment says.
func TestHelperWorker(t *testing.T) {
	mode := os.Getenv("RB_TEST_WORKER")
	if mode == "" {
		t.Skip("run by TestSupervise")
	}
	reportCrashes()
	switch mode {
	case "crash": // a fatal error of the runtime, as running out of memory is
		debug.SetMaxStack(1 << 16)
		var recurse func(int) int
		recurse = func(n int) int { return recurse(n+1) + 1 }
		recurse(0)
	case "goroutine-panic":
		done := make(chan bool)
		go func() { panic("in a goroutine") }()
		<-done
	case "bad-input":
		os.Exit(exitUsage)
	case "warnings":
		os.Exit(exitWarnings)
	}
	os.Exit(exitOK)
}

// TestSupervise: a crash of the Go runtime, which exits 2 by itself, ends
// the program with 1 (the tool failed), while the child's own statuses
// pass through unchanged.
func TestSupervise(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	for mode, want := range map[string]int{"crash": exitError, "goroutine-panic": exitError,
		"bad-input": exitUsage, "warnings": exitWarnings, "ok": exitOK} {
		t.Run(mode, func(t *testing.T) {
			t.Setenv("RB_TEST_WORKER", mode)
			t.Setenv(childEnv, "1")
			code, ok := supervise(exe, []string{exe, "-test.run=^TestHelperWorker$"})
			if !ok || code != want {
				t.Errorf("exit status %d (started: %v), want %d", code, ok, want)
			}
		})
	}
}
