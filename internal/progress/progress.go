// Package progress shows how far a long piece of work has come, in one
// line on a terminal: "\rreading big.csv 45 %". Nothing is shown for work
// that ends within the first second, nothing when the output is not a
// terminal, and the line is erased when the work is done, so that what
// follows starts on a clean line. It is meant for standard error; the
// results on standard output never see it.
//
// A nil *Progress is valid and shows nothing, so callers need not check.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Delay is how long the work runs before the line first appears, and
// Interval the time between two updates of it.
const (
	Delay    = time.Second
	Interval = 200 * time.Millisecond
)

// Progress counts the work done towards a total. Add and Set may be called
// from several goroutines; a ticker goroutine draws the line.
type Progress struct {
	w     io.Writer
	label string
	total int64
	done  atomic.Int64

	clock clock
	start time.Time
	stop  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once

	// Only the drawing goroutine and Done, after it has ended, touch these.
	shown int    // width of the line on screen in characters, 0 if none
	last  string // the text last drawn
}

// clock is what the drawing needs of time, so that tests can step it.
type clock struct {
	now   func() time.Time
	ticks func() (<-chan time.Time, func()) // a ticker's channel and its stop
	delay time.Duration
	drawn func() // called after each tick's drawing, for tests; may be nil
}

func realClock(interval, delay time.Duration) clock {
	return clock{
		now: time.Now,
		ticks: func() (<-chan time.Time, func()) {
			t := time.NewTicker(interval)
			return t.C, t.Stop
		},
		delay: delay,
	}
}

// New starts a progress line on w for work of total units (bytes, steps);
// a total of 0 or less is unknown, and the line shows the seconds passed
// instead of a percentage. If show is false (w is not a terminal), New
// returns nil, which shows nothing.
func New(w io.Writer, show bool, label string, total int64) *Progress {
	if !show {
		return nil
	}
	return start(w, label, total, realClock(Interval, Delay))
}

func start(w io.Writer, label string, total int64, c clock) *Progress {
	p := &Progress{w: w, label: label, total: total, clock: c, start: c.now(), stop: make(chan struct{})}
	ticks, stopTicks := c.ticks()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer stopTicks()
		for {
			select {
			case <-p.stop:
				return
			case <-ticks:
				p.draw()
				if c.drawn != nil {
					c.drawn()
				}
			}
		}
	}()
	return p
}

// Add counts n more units of work done.
func (p *Progress) Add(n int64) {
	if p != nil {
		p.done.Add(n)
	}
}

// Set says that n units of work are done, e.g. the offset of a reader.
func (p *Progress) Set(n int64) {
	if p != nil {
		p.done.Store(n)
	}
}

// Done ends the display and erases its line. Later calls do nothing.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		p.wg.Wait()
		if p.shown > 0 {
			fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.shown)+"\r")
			p.shown = 0
		}
	})
}

// draw writes the line if the delay is over and its text has changed.
func (p *Progress) draw() {
	elapsed := p.clock.now().Sub(p.start)
	if elapsed < p.clock.delay {
		return
	}
	text := p.text(elapsed)
	if text == p.last {
		return
	}
	line := "\r" + text
	width := utf8.RuneCountInString(text)
	if pad := p.shown - width; pad > 0 { // cover the rest of a longer line
		line += strings.Repeat(" ", pad)
	}
	fmt.Fprint(p.w, line)
	p.last, p.shown = text, max(p.shown, width)
}

// text is the line without the carriage return: the label and the
// percentage done, or the seconds passed when the total is unknown.
func (p *Progress) text(elapsed time.Duration) string {
	if p.total <= 0 {
		return fmt.Sprintf("%s %d s", p.label, int(elapsed/time.Second))
	}
	pct := p.done.Load() * 100 / p.total
	return fmt.Sprintf("%s %d %%", p.label, min(max(pct, 0), 100))
}

// Reader counts the bytes read from r towards p.
func Reader(r io.Reader, p *Progress) io.Reader {
	if p == nil {
		return r
	}
	return &reader{r: r, p: p}
}

type reader struct {
	r io.Reader
	p *Progress
}

func (r *reader) Read(b []byte) (int, error) {
	n, err := r.r.Read(b)
	r.p.Add(int64(n))
	return n, err
}

// ReadSeeker reports the offset of rs as the work done, for a reader that
// may go back to the start and read a file again: the line shows where the
// latest pass is. It passes ReadAt on when rs has it (an *os.File does),
// without counting: reads at offsets do not move the offset.
func ReadSeeker(rs io.ReadSeeker, p *Progress) io.ReadSeeker {
	if p == nil {
		return rs
	}
	s := &readSeeker{rs: rs, p: p}
	if ra, ok := rs.(io.ReaderAt); ok {
		return &readSeekerAt{s, ra}
	}
	return s
}

type readSeeker struct {
	rs  io.ReadSeeker
	p   *Progress
	off int64
}

func (s *readSeeker) Read(b []byte) (int, error) {
	n, err := s.rs.Read(b)
	s.off += int64(n)
	s.p.Set(s.off)
	return n, err
}

func (s *readSeeker) Seek(offset int64, whence int) (int64, error) {
	off, err := s.rs.Seek(offset, whence)
	if err == nil {
		s.off = off
		s.p.Set(off)
	}
	return off, err
}

type readSeekerAt struct {
	*readSeeker
	ra io.ReaderAt
}

func (s *readSeekerAt) ReadAt(b []byte, off int64) (int, error) { return s.ra.ReadAt(b, off) }

// IsTerminal says whether f is a terminal (a character device: a terminal,
// or /dev/null, where a progress line does no harm).
func IsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
