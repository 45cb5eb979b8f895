package indicators

import (
	"bytes"
	"errors"
	"io"
	"unsafe"
)

// csvReader reads the records of CSV text as encoding/csv does with
// LazyQuotes, FieldsPerRecord -1 and ReuseRecord (FuzzCSVReader compares
// the two): a quote opens a quoted cell only at its start; in one, ""
// is a quote and a quote before the separator or the line's end closes
// it, any other quote is text; "\r\n" is read as "\n", in a quoted cell
// too; a '\r' that ends the text is dropped; empty lines are skipped. It
// also bounds a record as it reads it (maxFields cells, maxFieldSize
// bytes a cell), with an *Error naming the line.
//
// encoding/csv makes a string of every record: with its buffers, some
// 40 % of the cost of reading a million rows. This reader reads the text
// into blocks and hands out the cells as strings of their bytes, without
// a copy: a block is written only where no cell has been handed out yet
// (cells of quoted text are unquoted in place, before they are handed
// out), and it is never reused; the next block is a new one, and a block
// is freed when no cell of it is held any longer. A cell is so as
// immutable as a string of its own. A cell kept pins its block
// (blockSize), where a cell of encoding/csv pins its row: csvSource
// copies the rows of a read that goes on past problems, which keep text
// of their rows (see detach).
type csvReader struct {
	r     io.Reader
	comma byte
	file  string
	block int // the size of a new block

	buf  []byte // the current block; buf[:len(buf)] has been read
	pos  int    // the start of the next record in buf
	base int64  // the bytes of the text before buf
	err  error  // of r, after the bytes in buf; io.EOF at the end
	line int    // the line of buf[pos], from 1

	detach bool // copy each record into a string of its own

	// The current record: its cells, and the line of each (lines) if
	// they are not all on recLine.
	cells   []string
	spans   []int // start and end of each cell in the record's bytes
	lines   []int
	recLine int
	multi   bool
}

// blockSize is the size of the blocks of the text: a read from the file
// each, and what a cell that is kept holds in memory.
const blockSize = 64 << 10

// newCSVReader reads the text of r; line is the line of its first byte.
func newCSVReader(r io.Reader, comma byte, file string, line int) *csvReader {
	return &csvReader{r: r, comma: comma, file: file, block: blockSize, line: line}
}

// errInvalidDelim is encoding/csv's error for a separator it cannot take,
// of which "sep=" allows one: the zero byte.
var errInvalidDelim = errors.New("csv: invalid field or comment delimiter")

// peek returns the next n bytes, or all that are left: to choose the
// separator before reading.
func (c *csvReader) peek(n int) []byte {
	for len(c.buf)-c.pos < n && c.fill() {
	}
	return c.buf[c.pos:min(len(c.buf), c.pos+n)]
}

// skip moves past n bytes of lines lines, which peek returned.
func (c *csvReader) skip(n, lines int) {
	c.pos += n
	c.line += lines
}

// offset returns the bytes of the text read as records so far.
func (c *csvReader) offset() int64 {
	return c.base + int64(c.pos)
}

// fill reads more of the text after buf[len(buf)], into a new block if
// this one is (nearly) full, with the unfinished record (buf[pos:])
// moved to its start. It says whether it read anything.
func (c *csvReader) fill() bool {
	if c.err != nil {
		return false
	}
	if cap(c.buf)-len(c.buf) < c.block/16 {
		rest := len(c.buf) - c.pos
		next := make([]byte, rest, max(c.block, 2*rest))
		copy(next, c.buf[c.pos:])
		c.base += int64(c.pos)
		c.buf, c.pos = next, 0
	}
	for range 100 { // as bufio: a reader that returns nothing 100 times is broken
		n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
		c.buf = c.buf[:len(c.buf)+n]
		if err != nil {
			c.err = err
		}
		if n > 0 || err != nil {
			return n > 0
		}
	}
	c.err = io.ErrNoProgress
	return false
}

// readErr is the error that ends the text: io.EOF at its end.
func (c *csvReader) readErr() error {
	if c.err == nil {
		return io.ErrNoProgress
	}
	return c.err
}

// read returns the next record's cells, valid until the next call (the
// slice; the strings stay as they are), or io.EOF, or an error.
func (c *csvReader) read() ([]string, error) {
	if c.comma == 0 {
		return nil, errInvalidDelim
	}
	if err := c.skipEmpty(); err != nil {
		return nil, err
	}
	c.recLine, c.multi = c.line, false
	c.spans = c.spans[:0]
	n, ok := c.simple()
	if !ok {
		var err error
		if n, err = c.quoted(); err != nil {
			return nil, err
		}
	}
	c.cut(n)
	return c.cells, nil
}

// skipEmpty moves past empty lines: "\n", "\r\n", and a '\r' at the end.
func (c *csvReader) skipEmpty() error {
	for {
		if c.pos == len(c.buf) && !c.fill() {
			return c.readErr()
		}
		switch b := c.buf[c.pos]; {
		case b == '\n':
			c.pos++
			c.line++
		case b == '\r':
			if c.pos+1 == len(c.buf) && !c.fill() {
				if c.err == io.EOF {
					c.pos++ // the text's last byte: dropped
					continue
				}
				return c.readErr()
			}
			if c.buf[c.pos+1] != '\n' {
				return nil
			}
			c.pos += 2
			c.line++
		default:
			return nil
		}
	}
}

// simple reads a record of one whole line without quotes, the commonest,
// and returns the length of its bytes; ok is false for any other.
func (c *csvReader) simple() (n int, ok bool) {
	data := c.buf[c.pos:]
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		return 0, false
	}
	line := data[:end]
	if bytes.IndexByte(line, '"') >= 0 {
		return 0, false
	}
	if end > 0 && line[end-1] == '\r' {
		line = line[:end-1] // "\r\n" ends the line; a '\r' before is text
	}
	start := 0
	for {
		i := bytes.IndexByte(line[start:], c.comma)
		stop := start + i
		if i < 0 {
			stop = len(line)
		}
		if raw := stop - start; raw > maxFieldSize || i < 0 && end-start > maxFieldSize {
			return 0, false // the slow way fails at the byte
		}
		if len(c.spans) == 2*maxFields {
			return 0, false
		}
		c.spans = append(c.spans, start, stop)
		if i < 0 {
			break
		}
		start = stop + 1
	}
	c.pos += end + 1
	c.line++
	return end + 1, true
}

// quoted reads a record the slow way, byte by byte, reading on as it
// needs: a record with quotes, or over more than what was read. Quoted
// text is unquoted in place, into the bytes its quotes took. It returns
// the length of the record's bytes.
func (c *csvReader) quoted() (int, error) {
	c.spans = c.spans[:0]
	c.lines = c.lines[:0]
	line := c.line
	i := 0 // the next byte, from c.pos
	// at returns the byte i ahead of c.pos, reading on if it must; ok is
	// false at the end of the text.
	at := func(i int) (byte, bool) {
		for c.pos+i >= len(c.buf) {
			if !c.fill() {
				return 0, false
			}
		}
		return c.buf[c.pos+i], true
	}
	for field := 0; ; field++ {
		if field == maxFields {
			return 0, tooManyCells(c.file, c.recLine)
		}
		start := i
		c.lines = append(c.lines, line)
		b, ok := at(i)
		if !ok || b != '"' {
			// Text up to the separator or the line's end.
			for {
				if ok && b == c.comma {
					c.spans = append(c.spans, start, i)
					i++
					break
				}
				if !ok || b == '\n' {
					if !ok && c.err != io.EOF {
						return 0, c.readErr()
					}
					end := i
					if end > start && c.buf[c.pos+end-1] == '\r' {
						end-- // of "\r\n", or the text's last byte
					}
					c.spans = append(c.spans, start, end)
					if ok {
						i++
						line++
					}
					return c.finish(i, line), nil
				}
				if i++; i-start > maxFieldSize {
					return 0, cellTooLong(c.file, line)
				}
				b, ok = at(i)
			}
			continue
		}
		// A quoted cell: its text goes to w.
		w := start
		i++
		put := func(b byte) {
			c.buf[c.pos+w] = b
			w++
		}
		for {
			if i-start > maxFieldSize {
				return 0, cellTooLong(c.file, line)
			}
			b, ok := at(i)
			if !ok {
				if c.err != io.EOF {
					return 0, c.readErr()
				}
				c.spans = append(c.spans, start, w) // an unclosed quote ends with the text
				return c.finish(i, line), nil
			}
			switch b {
			case '"':
				n, ok := at(i + 1)
				switch {
				case ok && n == '"':
					put('"')
					i += 2
					continue
				case ok && n == c.comma:
					c.spans = append(c.spans, start, w)
					i += 2
				case !ok && c.err != io.EOF:
					return 0, c.readErr()
				case !ok:
					c.spans = append(c.spans, start, w)
					return c.finish(i+1, line), nil
				case n == '\n':
					c.spans = append(c.spans, start, w)
					return c.finish(i+2, line+1), nil
				case n == '\r':
					nn, ok := at(i + 2)
					if !ok && c.err != io.EOF {
						return 0, c.readErr()
					}
					if !ok || nn == '\n' { // `"\r` at the end, or `"\r\n`
						c.spans = append(c.spans, start, w)
						if !ok {
							return c.finish(i+2, line), nil
						}
						return c.finish(i+3, line+1), nil
					}
					put('"') // a quote in the text
					i++
					continue
				default:
					put('"') // a quote in the text
					i++
					continue
				}
			case '\r':
				n, ok := at(i + 1)
				switch {
				case !ok && c.err != io.EOF:
					return 0, c.readErr()
				case !ok:
					i++ // the text's last byte: dropped
				case n == '\n':
					put('\n')
					i += 2
					line++
				default:
					put('\r')
					i++
				}
				continue
			case '\n':
				put('\n')
				i++
				line++
				continue
			default:
				put(b)
				i++
				continue
			}
			break // `";`: the next cell
		}
	}
}

// finish ends a record read the slow way, of n bytes, the next starting
// on line.
func (c *csvReader) finish(n, line int) int {
	c.pos += n
	c.line = line
	c.multi = true
	return n
}

// cut makes the cells of the record of n bytes that ends at c.pos.
func (c *csvReader) cut(n int) {
	rec := c.buf[c.pos-n : c.pos]
	var s string
	if c.detach {
		s = string(rec)
	} else if n > 0 {
		// The record's bytes are not written again: see csvReader.
		s = unsafe.String(&rec[0], n)
	}
	c.cells = c.cells[:0]
	for k := 0; k < len(c.spans); k += 2 {
		c.cells = append(c.cells, s[c.spans[k]:c.spans[k+1]])
	}
}

// lineOf returns the line where cell col of the record starts.
func (c *csvReader) lineOf(col int) int {
	if !c.multi || col >= len(c.lines) {
		return c.recLine
	}
	return c.lines[col]
}

// nextCell returns cell col of the next record, untrimmed, if it is at
// hand: read already, on a line without quotes. It is a hint, to look
// ahead (see builder.hintArea); the record is still read as any other.
// The string is to be used at once: it is not a cell handed out.
func (c *csvReader) nextCell(col int) (string, bool) {
	data := c.buf[c.pos:]
	start := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case c.comma:
			if col == 0 {
				return unsafe.String(&data[start], i-start), i > start
			}
			col--
			start = i + 1
		case '\n', '\r', '"':
			if col == 0 && i > start {
				return unsafe.String(&data[start], i-start), true
			}
			return "", false
		}
	}
	return "", false
}
