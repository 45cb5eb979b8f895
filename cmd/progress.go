package cmd

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/progress"
)

// progressMinSize is the smallest input file that gets a progress line:
// a 100,000-row CSV is some 6 MB and reads in a quarter of a second, a
// workbook of 1 MB takes about a second. The line itself waits a second
// before it shows, so quick reads of larger files show nothing either.
const progressMinSize = 1 << 20

// readTableFile reads the table at path as indicators.ReadFile does, with
// a progress line on standard error while a large file is read, if
// standard error is a terminal. Standard output never sees it.
func readTableFile(path string, schema indicators.Schema, opt indicators.Options) (*indicators.Table, error) {
	return readTableFileTo(os.Stderr, progress.IsTerminal(os.Stderr), path, schema, opt)
}

func readTableFileTo(w io.Writer, terminal bool, path string, schema indicators.Schema, opt indicators.Options) (*indicators.Table, error) {
	if !terminal {
		return indicators.ReadFile(path, schema, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		// ReadFile's error names the file and unwraps to the *fs.PathError,
		// which makes a missing file a usage error.
		return indicators.ReadFile(path, schema, opt)
	}
	defer f.Close()
	r, done := withProgress(w, terminal, f, path)
	defer done()
	return indicators.Read(r, path, schema, opt)
}

// progressOn is where a command's progress line goes: its standard error
// w, shown only when that is a terminal (the file under the run's
// langWriter), so that a script or a test that captures it reads none.
func progressOn(w io.Writer) (io.Writer, bool) {
	inner := w
	if lw, ok := w.(*langWriter); ok {
		inner = lw.Writer
	}
	f, ok := inner.(*os.File)
	return w, ok && progress.IsTerminal(f)
}

// withProgress returns f, counted towards a progress line "reading NAME"
// if it is large and w a terminal, and the function that ends the line.
// A CSV file shows the percentage of it read (the reader's offset: a file
// read twice, to check its encoding first, shows the second pass). A
// workbook shows the seconds passed instead: its sheet is parsed after
// the whole file has been read into memory, so the bytes read say
// nothing of how far the reading is.
func withProgress(w io.Writer, terminal bool, f *os.File, path string) (io.ReadSeeker, func()) {
	st, err := f.Stat()
	if !terminal || err != nil || !st.Mode().IsRegular() || st.Size() < progressMinSize {
		return f, func() {}
	}
	total := st.Size()
	head := make([]byte, 4)
	if n, _ := f.ReadAt(head, 0); bytes.Equal(head[:n], []byte("PK\x03\x04")) || indicators.IsWorkbook(path) {
		total = 0
	}
	p := progress.New(w, true, msg.New("reading %s", filepath.Base(path)).In(langOf(w)), total)
	return progress.ReadSeeker(f, p), p.Done
}
