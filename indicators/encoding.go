package indicators

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/runes"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns the file's text as UTF-8. Excel writes UTF-8 with a
// byte order mark ("CSV UTF-8"), UTF-16 with one ("Unicode text") or,
// for plain "CSV", Windows-1252; the last has no mark and is recognised by
// not being valid UTF-8. The file is read twice rather than held in memory.
//
// What cannot be read for sure is an *Error naming the line: a file that
// mixes UTF-8 and Windows-1252 (one row pasted from elsewhere would read
// "NÃ¶rd"), bytes that are not UTF-8 after a UTF-8 byte order mark, and
// UTF-16 that is not (half of a surrogate pair, which would become U+FFFD).
func decodeText(r io.ReadSeeker, name string) (io.Reader, error) {
	head := make([]byte, 4)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	head = head[:n]
	if bytes.HasPrefix(head, bomUTF8) {
		_, err := r.Seek(int64(len(bomUTF8)), io.SeekStart)
		return &textCheck{r: r, file: name, line: 1, bom: true}, err
	}
	if enc := utf16Encoding(head); enc != nil {
		_, err := r.Seek(0, io.SeekStart)
		return &textCheck{r: transform.NewReader(r, enc.NewDecoder()), file: name, line: 1, utf16: true}, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	scan, err := scanUTF8(r)
	if err != nil {
		return nil, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	switch {
	case scan.invalid == 0:
		return r, nil
	case scan.multibyte > 0:
		return nil, mixedError(name, scan)
	}
	return transform.NewReader(r, charmap.Windows1252.NewDecoder()), nil
}

// utf16Encoding recognises UTF-16 by its byte order mark, or without one by
// the zero byte that the ASCII characters of a heading have; CSV text has no
// zero bytes otherwise.
func utf16Encoding(head []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(head, bomUTF16LE):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, bomUTF16BE):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case len(head) >= 2 && head[0] != 0 && head[1] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case len(head) >= 2 && head[0] == 0 && head[1] != 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// utf8Scan is what scanUTF8 found: the lines (from 1) of the first byte
// that is not UTF-8 and of the first character of UTF-8 beyond ASCII; 0
// if none.
type utf8Scan struct {
	invalid, multibyte int
}

// scanUTF8 reads r in chunks, carrying a character split between two,
// until it has found both or the end.
func scanUTF8(r io.Reader) (utf8Scan, error) {
	var s utf8Scan
	buf := make([]byte, 64<<10)
	carry, line := 0, 1
	for {
		n, err := r.Read(buf[carry:])
		n += carry
		end := n
		if err == nil {
			end = runes.Complete(buf[:n])
		}
		chunk := buf[:end]
		if s.multibyte == 0 || !utf8.Valid(chunk) {
			s.note(chunk, line)
		}
		if s.invalid > 0 && s.multibyte > 0 {
			return s, nil
		}
		line += bytes.Count(chunk, []byte{'\n'})
		carry = copy(buf, buf[end:n])
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return s, err
		}
	}
}

// note records the first invalid byte and the first multi-byte character
// of chunk, which starts on line.
func (s *utf8Scan) note(chunk []byte, line int) {
	for i := 0; i < len(chunk); {
		c := chunk[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(chunk[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if s.invalid == 0 {
				s.invalid = line
			}
		case s.multibyte == 0:
			s.multibyte = line
		}
		if s.invalid > 0 && s.multibyte > 0 {
			return
		}
		i += size
	}
}

// mixedError names the line where the file turns to its second encoding.
func mixedError(name string, s utf8Scan) *Error {
	if s.multibyte > s.invalid {
		return &Error{File: name, Line: s.multibyte, Msg: msg.New("this line is UTF-8 and line %d is not (Windows-1252?): the file mixes two encodings; save it again as CSV UTF-8", s.invalid)}
	}
	return &Error{File: name, Line: s.invalid, Msg: msg.New("this line is not UTF-8 (Windows-1252?) and line %d is: the file mixes two encodings; save it again as CSV UTF-8", s.multibyte)}
}

// textCheck passes on text that must be UTF-8, with the line of the first
// byte that is not as an *Error: after a UTF-8 byte order mark, or
// decoded from UTF-16, where the decoder makes U+FFFD of half a surrogate
// pair.
type textCheck struct {
	r           io.Reader
	file        string
	line        int // of the next byte
	bom, utf16  bool
	carry       []byte // the start of a character cut off at the end of a read
	buf         []byte
	pending     []byte // checked bytes not yet passed on
	err, failed error
}

var replacement = []byte(string(utf8.RuneError))

func (c *textCheck) Read(p []byte) (int, error) {
	for len(c.pending) == 0 {
		if c.failed != nil {
			return 0, c.failed
		}
		if c.err != nil {
			if len(c.carry) > 0 {
				c.failed = c.bad()
				continue
			}
			return 0, c.err
		}
		c.fill(len(p))
	}
	n := copy(p, c.pending)
	c.pending = c.pending[n:]
	return n, nil
}

// fill reads and checks the next bytes into pending; up to an error, the
// bytes before it.
func (c *textCheck) fill(size int) {
	if need := len(c.carry) + max(size, 4096); cap(c.buf) < need {
		c.buf = make([]byte, need)
	}
	buf := c.buf[:cap(c.buf)]
	k := copy(buf, c.carry)
	n, err := c.r.Read(buf[k:])
	buf = buf[:k+n]
	c.err = err
	end := len(buf)
	if err == nil {
		end = runes.Complete(buf)
	}
	c.carry = append(c.carry[:0], buf[end:]...)
	chunk := buf[:end]
	good := len(chunk)
	if !utf8.Valid(chunk) {
		good = validPrefix(chunk)
	}
	if c.utf16 {
		if i := bytes.Index(chunk[:good], replacement); i >= 0 {
			good = i
		}
	}
	c.pending = chunk[:good]
	c.line += bytes.Count(c.pending, []byte{'\n'})
	if good < len(chunk) {
		c.failed = c.bad()
	}
}

func validPrefix(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func (c *textCheck) bad() *Error {
	m := msg.New("text that is not UTF-8, though the file starts with a UTF-8 byte order mark (Windows-1252?); save it again as CSV UTF-8")
	if c.utf16 {
		m = msg.New("text that is not UTF-16 (half of a surrogate pair, or a character that cannot be read); save the file again")
	}
	return &Error{File: c.file, Line: c.line, Msg: m}
}
