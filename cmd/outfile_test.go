package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestCommitNewRace: of many writers of the same new file without force,
// exactly one succeeds, and the file holds its bytes whole; the others
// are told the file exists. A stat-then-rename would let several win.
func TestCommitNewRace(t *testing.T) {
	for round := range 20 {
		path := filepath.Join(t.TempDir(), "out.csv")
		const writers = 8
		errs := make([]error, writers)
		var wg sync.WaitGroup
		for i := range writers {
			wg.Go(func() { errs[i] = writeFileAtomic(path, []byte(strings.Repeat(string(rune('a'+i)), 1000)), false) })
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			var exists *existsError
			switch {
			case err == nil:
				won++
			case !errors.As(err, &exists):
				t.Fatalf("round %d: %v", round, err)
			}
		}
		data, _ := os.ReadFile(path)
		if won != 1 || len(data) != 1000 || strings.Count(string(data), string(data[:1])) != 1000 {
			t.Fatalf("round %d: %d writers succeeded, file %q...", round, won, data[:min(len(data), 10)])
		}
		leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".out.csv.*"))
		if len(leftovers) != 0 {
			t.Fatalf("temporary files left: %v", leftovers)
		}
	}
}

// TestCommitNewAppeared: a file that appears between the check and the
// final step is not replaced.
func TestCommitNewAppeared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := commitNew(path, []byte("ours")) // as if the check had found nothing
	var exists *existsError
	if !errors.As(err, &exists) {
		t.Fatalf("got %v, want that it exists", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "theirs" {
		t.Errorf("the file became %q", data)
	}
}

// TestInterruptRemovesTemps: what is registered is removed on interrupt.
func TestInterruptRemovesTemps(t *testing.T) {
	set := &cleanupSet{paths: map[string]bool{}}
	dir := t.TempDir()
	tmp := filepath.Join(dir, ".out.csv.1-1.tmp")
	if err := os.WriteFile(tmp, []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	set.add(tmp)
	set.removeAllAndHold()
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file still there: %v", err)
	}
	if set.mu.TryLock() {
		t.Error("the lock was not held: a commit could follow the cleanup")
	}
}

// TestWriteRefusesSpecialFiles: a folder or a socket is never replaced.
func TestWriteRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := writeFileAtomic(dir, []byte("x"), true); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
}

// TestRemoveStaleTemps: a temporary file of a process of this machine that
// is gone is removed at once; one of a live process stays.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	gone := filepath.Join(dir, ".out.csv.999999999@"+hostName()+"-1.tmp")
	live := filepath.Join(dir, ".out.csv."+owner()+"-2.tmp")
	other := filepath.Join(dir, ".out.csvx.999999999@"+hostName()+"-1.tmp")
	for _, p := range []string{gone, live, other} {
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleTemps(path)
	if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file of a gone process is still there: %v", err)
	}
	for _, p := range []string{live, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
	}
}

// TestDanglingLink: a link to nothing exists, so without force it is kept;
// with force it is replaced by the file.
func TestDanglingLink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.Symlink(filepath.Join(dir, "nothing"), path); err != nil {
		t.Skip(err)
	}
	var exists *existsError
	if err := writeFileAtomic(path, []byte("x"), false); !errors.As(err, &exists) {
		t.Errorf("without force: %v", err)
	}
	if err := writeFileAtomic(path, []byte("x"), true); err != nil {
		t.Fatalf("with force: %v", err)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "x" {
		t.Errorf("got %q, %v", data, err)
	}
}
