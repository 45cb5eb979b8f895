package indicators

import (
	"bytes"
	"io"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Bounds of a CSV record, as of what Excel can hold: a line of 100 MB of
// ';' would make 100 million empty cells, some 9 GB of memory in
// encoding/csv, before the first of them is looked at.
const (
	maxFields    = 16384     // cells per line: Excel's columns
	maxFieldSize = 128 << 10 // bytes per cell: 32,767 characters, most of them not ASCII
)

// csvLimit passes CSV text on as it streams and fails, with an *Error
// naming the line, as soon as a record has more than maxFields cells or a
// cell more than maxFieldSize bytes. It follows encoding/csv with
// LazyQuotes: a quote opens a quoted cell only at its start; in one, ""
// is a quote, a quote before the separator or a line end closes it, and
// any other quote is text.
type csvLimit struct {
	r     io.Reader
	comma byte
	file  string
	line  int // of the next byte, from 1 after offset lines
	start int // the line the current record starts on

	fields, size int  // of the current record and cell
	atStart      bool // at the start of a cell
	quoted       bool // in a quoted cell
	quote        bool // a quote in a quoted cell was the last byte
	err          error
}

func newCSVLimit(r io.Reader, comma rune, file string, offset int) *csvLimit {
	return &csvLimit{r: r, comma: byte(comma), file: file, line: offset + 1, start: offset + 1, fields: 1, atStart: true}
}

func (c *csvLimit) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.r.Read(p)
	for i := 0; i < n; i++ {
		if c.atLineStart() {
			// The most lines: whole, short and without quotes, which
			// the library functions count fast.
			if j := bytes.IndexByte(p[i:n], '\n'); j >= 0 && j <= maxFieldSize && bytes.IndexByte(p[i:i+j], '"') < 0 {
				if f := bytes.Count(p[i:i+j], []byte{c.comma}) + 1; f > maxFields {
					c.fields = f
					c.err = c.fail()
					return i, nil
				}
				c.line++
				c.start = c.line
				i += j
				continue
			}
		}
		if b := p[i]; !c.quoted && !c.quote && b != c.comma && b != '\n' && b != '"' {
			// The most bytes: text of a cell that is not quoted.
			c.atStart = false
			if c.size++; c.size <= maxFieldSize {
				continue
			}
			c.err = c.fail()
			return i, nil
		}
		if !c.step(p[i]) {
			c.err = c.fail()
			return i, nil // the bytes before, then the error
		}
	}
	return n, err
}

// atLineStart says whether the next byte starts a record.
func (c *csvLimit) atLineStart() bool {
	return c.atStart && c.fields == 1 && !c.quoted && !c.quote && c.size == 0
}

// step takes the next byte and says whether the record is within bounds.
func (c *csvLimit) step(b byte) bool {
	if c.quote {
		c.quote = false
		switch b {
		case '"':
			c.size++
			return c.size <= maxFieldSize // "" is a quote
		case c.comma, '\n', '\r':
			c.quoted = false // closed; b ends the cell below
		}
	}
	switch {
	case c.quoted:
		if b == '"' {
			c.quote = true
		} else if b == '\n' {
			c.line++
		}
		c.size++
		return c.size <= maxFieldSize
	case b == c.comma:
		c.fields++
		c.size, c.atStart = 0, true
		return c.fields <= maxFields
	case b == '\n':
		c.line++
		c.start, c.fields, c.size, c.atStart = c.line, 1, 0, true
		return true
	case b == '"' && c.atStart:
		c.quoted = true
	}
	c.atStart = false
	c.size++
	return c.size <= maxFieldSize
}

func (c *csvLimit) fail() *Error {
	if c.fields > maxFields {
		return &Error{File: c.file, Line: c.start, Msg: msg.New("the line has more than %s cells, more than Excel has columns; is it a table?", msg.Int(maxFields))}
	}
	return &Error{File: c.file, Line: c.line, Msg: msg.New("a cell longer than %s KiB; is it a table? (an unclosed quote makes one cell of the rest of the file)", msg.Int(maxFieldSize>>10))}
}
