package progress

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the drawing goroutine and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fake is a clock the test steps by hand: tick moves the time on and
// returns once the line has been drawn for it.
type fake struct {
	mu    sync.Mutex
	now   time.Time
	ticks chan time.Time
	drawn chan struct{}
}

func newFake() *fake {
	return &fake{now: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), ticks: make(chan time.Time), drawn: make(chan struct{})}
}

func (f *fake) clock() clock {
	return clock{
		now: func() time.Time {
			f.mu.Lock()
			defer f.mu.Unlock()
			return f.now
		},
		ticks: func() (<-chan time.Time, func()) { return f.ticks, func() {} },
		delay: time.Second,
		drawn: func() { f.drawn <- struct{}{} },
	}
}

func (f *fake) tick(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	now := f.now
	f.mu.Unlock()
	f.ticks <- now
	<-f.drawn
}

func TestLine(t *testing.T) {
	f := newFake()
	var out syncBuffer
	p := start(&out, "reading big.csv", 200, f.clock())
	p.Add(50)
	f.tick(500 * time.Millisecond)
	f.tick(400 * time.Millisecond)
	if got := out.String(); got != "" {
		t.Fatalf("within the first second: %q", got)
	}
	f.tick(200 * time.Millisecond)
	p.Add(1)
	f.tick(200 * time.Millisecond) // 25 % still: nothing new
	p.Add(149)
	f.tick(200 * time.Millisecond)
	p.Add(100) // more than the total
	f.tick(200 * time.Millisecond)
	p.Done()
	p.Done()
	p.Add(1) // after Done: counted, not drawn
	want := "\rreading big.csv 25 %" + "\rreading big.csv 100 %" + "\r" + strings.Repeat(" ", 21) + "\r"
	if got := out.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestQuickWorkShowsNothing(t *testing.T) {
	f := newFake()
	var out syncBuffer
	p := start(&out, "reading", 10, f.clock())
	p.Add(10)
	f.tick(999 * time.Millisecond)
	p.Done()
	if got := out.String(); got != "" {
		t.Errorf("got %q", got)
	}
}

func TestUnknownTotal(t *testing.T) {
	f := newFake()
	var out syncBuffer
	p := start(&out, "sweep", 0, f.clock())
	for range 10 {
		f.tick(time.Second + time.Millisecond)
	}
	p.Done()
	var want strings.Builder
	for s := range 10 {
		want.WriteString("\rsweep " + strconv.Itoa(s+1) + " s")
	}
	want.WriteString("\r" + strings.Repeat(" ", len("sweep 10 s")) + "\r")
	if got := out.String(); got != want.String() {
		t.Errorf("got  %q\nwant %q", got, want.String())
	}
}

// TestShorterLine checks that a shorter line covers the end of a longer one.
func TestShorterLine(t *testing.T) {
	f := newFake()
	var out syncBuffer
	p := start(&out, "Lesen Größe.csv", 100, f.clock())
	p.Set(100)
	f.tick(time.Second)
	p.Set(0) // the reader went back to the start
	f.tick(time.Second)
	p.Done()
	want := "\rLesen Größe.csv 100 %" + "\rLesen Größe.csv 0 %  " + "\r" + strings.Repeat(" ", 21) + "\r"
	if got := out.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestOff(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, false, "reading", 100)
	if p != nil {
		t.Fatal("New without a terminal gives a progress")
	}
	p.Add(1)
	p.Set(1)
	p.Done()
	r := strings.NewReader("abc")
	if Reader(r, p) != io.Reader(r) || ReadSeeker(r, p) != io.ReadSeeker(r) {
		t.Error("readers wrapped for a nil progress")
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q", out.String())
	}
}

// TestConcurrentAdd adds from several goroutines with the real ticker,
// drawing every millisecond; run with -race. It asserts nothing about
// timing, only the count and the shape of the output.
func TestConcurrentAdd(t *testing.T) {
	var out syncBuffer
	p := start(&out, "sweep", 8000, realClock(time.Millisecond, 0))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				p.Add(1)
			}
		})
	}
	wg.Wait()
	if n := p.done.Load(); n != 8000 {
		t.Errorf("counted %d, want 8000", n)
	}
	p.Done()
	got := out.String()
	if got != "" && (!strings.HasPrefix(got, "\rsweep ") || !strings.HasSuffix(got, "\r")) {
		t.Errorf("output %q", got)
	}
}

func TestReader(t *testing.T) {
	f := newFake()
	var out syncBuffer
	p := start(&out, "reading", 0, f.clock())
	defer p.Done()
	n, err := io.Copy(io.Discard, Reader(strings.NewReader(strings.Repeat("x", 100_000)), p))
	if err != nil || n != 100_000 || p.done.Load() != 100_000 {
		t.Errorf("copied %d (%v), counted %d", n, err, p.done.Load())
	}
}

// onlySeeker hides the ReadAt of the reader inside.
type onlySeeker struct{ io.ReadSeeker }

func TestReadSeeker(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.csv")
	if err := os.WriteFile(path, []byte(strings.Repeat("0123456789", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	f := newFake()
	p := start(io.Discard, "reading", 10_000, f.clock())
	defer p.Done()

	rs := ReadSeeker(file, p)
	ra, ok := rs.(io.ReaderAt)
	if !ok {
		t.Fatal("an *os.File's ReadAt is lost")
	}
	b := make([]byte, 4)
	if _, err := ra.ReadAt(b, 9996); err != nil || string(b) != "6789" || p.done.Load() != 0 {
		t.Errorf("ReadAt: %q, %v, offset %d", b, err, p.done.Load())
	}
	if _, err := io.ReadFull(rs, make([]byte, 2500)); err != nil || p.done.Load() != 2500 {
		t.Errorf("after 2500 bytes: offset %d (%v)", p.done.Load(), err)
	}
	if _, err := rs.Seek(0, io.SeekEnd); err != nil || p.done.Load() != 10_000 {
		t.Errorf("at the end: offset %d (%v)", p.done.Load(), err)
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil || p.done.Load() != 0 {
		t.Errorf("back at the start: offset %d (%v)", p.done.Load(), err)
	}
	if n, err := io.Copy(io.Discard, rs); err != nil || n != 10_000 || p.done.Load() != 10_000 {
		t.Errorf("read again: %d bytes, offset %d (%v)", n, p.done.Load(), err)
	}

	if _, ok := ReadSeeker(onlySeeker{file}, p).(io.ReaderAt); ok {
		t.Error("ReadAt made up for a reader without it")
	}
}

func TestIsTerminal(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if IsTerminal(file) {
		t.Error("a plain file is a terminal")
	}
}
