package indicators

import (
	"bytes"
	"errors"
	"io"
	"sync"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// readCSV reads a CSV table as Excel exports it, in any of its encodings.
func readCSV(r io.ReadSeeker, name string, schema Schema) (*Table, error) {
	t := newTable(name, "", schema)
	src, err := openCSV(r, name)
	if err != nil {
		return nil, err
	}
	// A read that goes on past problems keeps text of many rows in
	// them: each in a string of its own, rather than a block each.
	src.r.detach = schema.AllProblems
	if src.size >= asyncSize {
		src.async()
		defer src.stop()
	}
	return t.read(src, schema)
}

// openCSV opens a CSV file for reading record by record: its size, its
// encoding, its separator and the length of its lines and cells checked
// as it streams.
func openCSV(r io.ReadSeeker, name string) (*csvSource, error) {
	size, err := checkCSVSize(r, name)
	if err != nil {
		return nil, err
	}
	in := r
	mu := new(sync.Mutex)
	r = &boundedFile{r: r, name: name, mu: mu}
	text, err := decodeText(r, name)
	if e, ok := err.(*Error); ok {
		return nil, e
	}
	if err != nil {
		return nil, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	cr := newCSVReader(text, 0, name, 1)
	comma, d, skip := sniffSeparator(cr.peek(sniffSize))
	cr.comma = comma
	cr.skip(skip, min(skip, 1))
	return &csvSource{r: cr, d: d, file: name, in: in, size: size, mu: mu}, nil
}

// sniffSize is the start of the file in which sniffSeparator looks.
const sniffSize = 64 << 10

// maxCSV bounds a CSV file, and a workbook's file: state-wide small-area
// data are tens of MiB, a million rows 64 MB as CSV, 45 MB as xlsx.
var maxCSV int64 = 512 << 20 // a variable for the tests

// checkCSVSize refuses a file too large to be an indicator table before
// reading it, and rewinds it.
func checkCSVSize(r io.ReadSeeker, name string) (int64, error) {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return 0, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	if size > maxCSV {
		return 0, tooLarge(name)
	}
	_, err = r.Seek(0, io.SeekStart)
	return size, err
}

// boundedFile holds a file to maxCSV while it is read: one that grows
// after its size was checked is no larger for the reader.
type boundedFile struct {
	r    io.ReadSeeker
	off  int64
	name string
	mu   *sync.Mutex // held while reading: see csvSource.rewind
}

func (b *boundedFile) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.off > maxCSV {
		return 0, tooLarge(b.name)
	}
	if room := maxCSV + 1 - b.off; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.r.Read(p)
	b.off += int64(n)
	return n, err
}

func (b *boundedFile) Seek(off int64, whence int) (int64, error) {
	n, err := b.r.Seek(off, whence)
	b.off = n
	return n, err
}

func tooLarge(name string) *Error {
	return &Error{File: name, Msg: msg.New("the file is larger than %s MiB; is it really an indicator table?", msg.Int(maxCSV>>20))}
}

// sniffSeparator chooses the separator from the first line of buf, the
// start of the file, that has one, as German Excel writes it: ';' (or a
// tab) with decimal commas, else ',' with decimal points. Lines above it
// without a separator are a title or notes above the table; a comma
// followed by a space is a comma of prose ("Quelle: IT.NRW, Stand
// 31.12.2025"). A first line "sep=;", which tells Excel the separator, is
// obeyed and skipped; skip is its length with its line end, 0 if there is
// none.
func sniffSeparator(buf []byte) (comma byte, d Dialect, skip int) {
	line := firstLine(buf)
	if c, ok := sepLine(buf); ok {
		skip = len(buf)
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			skip = i + 1
		}
		comma, line = c, []byte{c}
	}
	switch {
	case bytes.IndexByte(line, ';') >= 0:
		return ';', German, skip
	case bytes.IndexByte(line, '\t') >= 0:
		return '\t', German, skip
	case skip > 0 && comma != ',':
		return comma, German, skip
	}
	return ',', English, skip
}

// sepLine recognises Excel's "sep=;" line at the start of a file.
func sepLine(buf []byte) (byte, bool) {
	line, _, _ := bytes.Cut(buf, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	if len(line) == len("sep=;") && bytes.HasPrefix(bytes.ToLower(line), []byte("sep=")) {
		c := line[len(line)-1]
		return c, c != '"' && c != '\r' && c != '\n' && c < 0x80
	}
	return 0, false
}

// firstLine returns the first line within the first headingRows that
// has a separator, else the first non-blank one.
func firstLine(buf []byte) []byte {
	var first []byte
	for n := 0; len(buf) > 0 && n < headingRows; n++ {
		line, rest, _ := bytes.Cut(buf, []byte("\n"))
		if first == nil && len(bytes.TrimSpace(line)) > 0 {
			first = line
		}
		if hasSeparator(line) {
			return line
		}
		buf = rest
	}
	return first
}

// hasSeparator says whether a line holds ';', a tab, or a ',' that is not
// followed by a space.
func hasSeparator(line []byte) bool {
	if bytes.IndexByte(line, ';') >= 0 || bytes.IndexByte(line, '\t') >= 0 {
		return true
	}
	for i, c := range line {
		if c == ',' && (i+1 == len(line) || line[i+1] != ' ') {
			return true
		}
	}
	return false
}

// csvSource streams the records of a CSV file: from the reader, or, for a
// large file, from a goroutine that reads ahead (see async).
type csvSource struct {
	r    *csvReader
	rec  []string
	d    Dialect
	file string
	in   io.ReadSeeker
	size int64       // of the file
	mu   *sync.Mutex // held while the file is read

	pipe      *csvPipe // if reading ahead
	lines     []int    // of the cells of rec, if reading ahead
	off       int64    // the reader's offset after rec, if reading ahead
	rereading bool     // between rewind and its done: mu is held
}

// progress is as far as the reader has got in the text, which is the
// file's bytes, unless it was decoded from another encoding.
func (s *csvSource) progress() (int64, int64) {
	if s.pipe != nil {
		return s.off, s.size
	}
	return s.r.offset(), s.size
}

// rewind opens the file again from its start; done puts the file back
// where this read has got to, as the reads go one after the other. A
// goroutine that reads ahead waits meanwhile: the two reads share the
// file's offset.
func (s *csvSource) rewind() (source, func() error, error) {
	s.mu.Lock()
	s.rereading = true
	pos, err := s.in.Seek(0, io.SeekCurrent)
	unlock := func() {
		s.rereading = false
		s.mu.Unlock()
	}
	if err != nil {
		unlock()
		return nil, nil, err
	}
	src, err := openCSV(s.in, s.file)
	if err != nil {
		s.in.Seek(pos, io.SeekStart)
		unlock()
		return nil, nil, err
	}
	done := func() error {
		defer unlock()
		_, err := s.in.Seek(pos, io.SeekStart)
		return err
	}
	return src, done, nil
}

func (s *csvSource) next() ([]string, error) {
	var rec []string
	var err error
	if s.pipe != nil {
		rec, s.lines, s.off, err = s.pipe.next()
	} else {
		rec, err = s.r.read()
	}
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		return nil, s.wrap(err)
	}
	s.rec = rec
	return rec, nil
}

// line returns the line where field col starts, which differs from the
// record's first line after a quoted cell that holds line breaks.
func (s *csvSource) line(col int) int {
	if len(s.rec) == 0 {
		return 0
	}
	col = max(0, min(col, len(s.rec)-1)) // a missing cell is at the row's end
	if s.pipe != nil {
		return s.lines[col]
	}
	return s.r.lineOf(col)
}

// nextCell returns cell col of the next record, untrimmed, if it is at
// hand: a hint to look ahead (see builder.hintArea), to be used at once.
func (s *csvSource) nextCell(col int) (string, bool) {
	if s.pipe != nil {
		return s.pipe.nextCell(col)
	}
	return s.r.nextCell(col)
}

func (s *csvSource) dialect(int, string) (Dialect, error) {
	return s.d, nil
}

func (s *csvSource) hidden() bool {
	return false
}

func (s *csvSource) empty(int) emptyCell {
	return emptyCell{}
}

// noHeading numbers the cell from 1, as a user counts across the line. A
// ','-separated file gets a hint at the usual cause.
func (s *csvSource) noHeading(col int) *Error {
	m := msg.New("cell %d has no heading", col+1)
	if s.r.comma == ',' {
		m = msg.New("cell %d has no heading; is a number written with a decimal comma in a ','-separated file?", col+1)
	}
	return &Error{File: s.file, Line: s.line(col), Msg: m}
}

func (s *csvSource) wrap(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e // of the text's encoding or a bound, placed
	}
	return &Error{File: s.file, Msg: msg.New("cannot read: %v", err)}
}
