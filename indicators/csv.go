package indicators

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// readCSV reads a CSV table as Excel exports it, in any of its encodings.
func readCSV(r io.ReadSeeker, name string, schema Schema) (*Table, error) {
	t := newTable(name, "", schema)
	src, err := openCSV(r, name)
	if err != nil {
		return nil, err
	}
	return t.read(src, schema)
}

// openCSV opens a CSV file for reading record by record: its size, its
// encoding, its separator and the length of its lines and cells checked
// as it streams.
func openCSV(r io.ReadSeeker, name string) (*csvSource, error) {
	if err := checkCSVSize(r, name); err != nil {
		return nil, err
	}
	r = &boundedFile{r: r, name: name}
	text, err := decodeText(r, name)
	if e, ok := err.(*Error); ok {
		return nil, e
	}
	if err != nil {
		return nil, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	br := bufio.NewReaderSize(text, 64<<10)
	src := &csvSource{file: name}
	var comma rune
	comma, src.d, src.offset = sniffSeparator(br)
	src.r = csv.NewReader(bufio.NewReaderSize(newCSVLimit(br, comma, name, src.offset), 64<<10))
	src.r.Comma = comma
	src.r.FieldsPerRecord = -1 // rows may be short or carry trailing separators
	src.r.LazyQuotes = true    // a stray quote in a heading or note is no reason to stop
	src.r.ReuseRecord = true   // the builder copies what it keeps
	return src, nil
}

// maxCSV bounds a CSV file: state-wide small-area data are tens of MiB.
var maxCSV int64 = 2 * maxUnpacked // a variable for the tests

// checkCSVSize refuses a file too large to be an indicator table before
// reading it, and rewinds it.
func checkCSVSize(r io.ReadSeeker, name string) error {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	if size > maxCSV {
		return tooLarge(name)
	}
	_, err = r.Seek(0, io.SeekStart)
	return err
}

// boundedFile holds a file to maxCSV while it is read: one that grows
// after its size was checked is no larger for the reader.
type boundedFile struct {
	r    io.ReadSeeker
	off  int64
	name string
}

func (b *boundedFile) Read(p []byte) (int, error) {
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

// sniffSeparator chooses the separator from the first non-blank line, as
// German Excel writes it: ';' (or a tab) with decimal commas, else ','
// with decimal points. A first line "sep=;", which tells Excel the
// separator, is obeyed and skipped; skip says how many lines that is.
func sniffSeparator(br *bufio.Reader) (comma rune, d Dialect, skip int) {
	buf, _ := br.Peek(br.Size()) // a shorter file is all there
	line := firstLine(buf)
	if c, ok := sepLine(buf); ok {
		br.ReadString('\n')
		comma, skip, line = rune(c), 1, []byte{c}
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

func firstLine(buf []byte) []byte {
	for len(buf) > 0 {
		line, rest, _ := bytes.Cut(buf, []byte("\n"))
		if len(bytes.TrimSpace(line)) > 0 {
			return line
		}
		buf = rest
	}
	return nil
}

// csvSource streams the records of a CSV file.
type csvSource struct {
	r      *csv.Reader
	rec    []string
	d      Dialect
	file   string
	offset int // lines before the csv.Reader's first
}

func (s *csvSource) next() ([]string, error) {
	rec, err := s.r.Read()
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
	line, _ := s.r.FieldPos(col)
	return line + s.offset
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
	if s.r.Comma == ',' {
		m = msg.New("cell %d has no heading; is a number written with a decimal comma in a ','-separated file?", col+1)
	}
	return &Error{File: s.file, Line: s.line(col), Msg: m}
}

func (s *csvSource) wrap(err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: s.file, Line: pe.Line + s.offset, Msg: msg.New("%v", pe.Err)}
	}
	var e *Error
	if errors.As(err, &e) {
		return e // of the text's encoding, placed
	}
	return &Error{File: s.file, Msg: msg.New("cannot read: %v", err)}
}
