package cmd

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/gen"
)

var genSchema = indicators.Schema{Indicators: defaultIndicators, NeedSpending: true}

// writeGen writes n generated rows in the format of path's extension.
func writeGen(t *testing.T, path string, n int) {
	t.Helper()
	var b bytes.Buffer
	rows := gen.Rows(n, 5, 3)
	var err error
	if strings.HasSuffix(path, ".xlsx") {
		err = gen.WriteXLSX(&b, rows)
	} else {
		err = gen.WriteCSV(&b, rows, true)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReadWithProgress reads a table through the progress wrapper, as on
// a terminal, and checks that the table is the one read without it and
// that the line, if the read took long enough to show one, is erased.
func TestReadWithProgress(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"big.csv", "big.xlsx"} {
		path := filepath.Join(dir, name)
		writeGen(t, path, 30_000)
		want, err := indicators.ReadFile(path, genSchema, indicators.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		got, err := readTableFileTo(&out, true, path, genSchema, indicators.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if dump(got) != dump(want) {
			t.Errorf("%s: read through the progress wrapper\n%s\nwant\n%s", name, dump(got), dump(want))
		}
		if s := out.String(); s != "" && (!strings.HasPrefix(s, "\rlese "+name+" ") || !strings.HasSuffix(s, " \r")) {
			t.Errorf("%s: progress output %q", name, s)
		}
	}
}

func dump(t *indicators.Table) string {
	var b strings.Builder
	for _, u := range t.Units {
		b.WriteString(u.Name)
		for _, v := range u.Values {
			b.WriteString(" " + v.RatString())
		}
		b.WriteString(" S=" + u.Spending.RatString() + "\n")
	}
	return b.String()
}

func TestReadWithProgressMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.csv")
	_, err := readTableFileTo(io.Discard, true, path, genSchema, indicators.Options{})
	_, want := indicators.ReadFile(path, genSchema, indicators.Options{})
	var pathErr *fs.PathError
	if err == nil || err.Error() != want.Error() || !errors.As(err, &pathErr) {
		t.Errorf("got %v, want %v, unwrapping to the *fs.PathError", err, want)
	}
}

// TestWithProgress checks which files get a line: large ones on a
// terminal; workbooks count seconds, not bytes.
func TestWithProgress(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	writeGen(t, small, 100)
	large := filepath.Join(dir, "large.csv")
	writeGen(t, large, 30_000)
	for _, c := range []struct {
		path     string
		terminal bool
		wrapped  bool
	}{{small, true, false}, {large, false, false}, {large, true, true}} {
		f, err := os.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		r, done := withProgress(io.Discard, c.terminal, f, c.path)
		if wrapped := r != io.ReadSeeker(f); wrapped != c.wrapped {
			t.Errorf("%s, terminal %v: wrapped %v", filepath.Base(c.path), c.terminal, wrapped)
		}
		if _, ok := r.(io.ReaderAt); !ok {
			t.Errorf("%s: ReadAt lost", filepath.Base(c.path))
		}
		done()
		f.Close()
	}
}
