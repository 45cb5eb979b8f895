package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	fastDeflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer the workbook library writes its parts to. It
// deflates each part once as the library hands it over and, on Close,
// writes the compressed parts in a fixed order with the report date as
// every part's time, so that the same inputs give the same bytes (the
// library writes some parts in map order). Nothing is inflated again.
type sortedZip struct {
	out      io.Writer
	modified time.Time
	large    bool // deflated by fastDeflate
	parts    []*zipPart
	// generated rows go into the worksheet part that holds their marker.
	generated map[string]*generatedRows
	// open is the part being written straight through, ended when the
	// next is created; its deflate writer then serves the next part (a
	// writer is some 600 KiB, a report has some twenty parts).
	open *zipPart
	free []deflateWriter
}

// zipPart is one part, deflated, with what its zip header needs.
type zipPart struct {
	name       string
	compressed chunks
	flate      deflateWriter
	crc        uint32
	size       uint64
	raw        *bytes.Buffer  // [Content_Types].xml only: rewritten on Close
	held       *bytes.Buffer  // a worksheet, when rows are generated: spliced on Close
	rows       *generatedRows // the rows for the marker of token in held
	token      string
}

// zipWriterFor plugs a sortedZip into the workbook library.
func zipWriterFor(modified time.Time, large bool, generated map[string]*generatedRows) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter {
		return &sortedZip{out: w, modified: modified, large: large, generated: generated}
	}
}

// deflateWriter is a part's deflate stream.
type deflateWriter interface {
	io.WriteCloser
	Reset(io.Writer) // the same output as a new writer's
}

// newDeflate is the deflate writer of a part. A large report is deflated
// at the fastest level, and by klauspost/compress, whose fastest level
// takes half the time of the standard library's for a file a few per
// cent smaller: deflate is half of the CPU time of a report of 100,000
// units (at the default level a quarter more, for a file a fifth
// smaller). The others keep the standard library's default level.
func (z *sortedZip) newDeflate(w io.Writer) (deflateWriter, error) {
	if z.large {
		return fastDeflate.NewWriter(w, fastDeflate.BestSpeed)
	}
	return flate.NewWriter(w, flate.DefaultCompression)
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.endOpen(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	if name == contentTypes {
		p.raw = new(bytes.Buffer)
		return p.raw, nil
	}
	if len(z.generated) > 0 && strings.HasPrefix(name, "xl/worksheets/") {
		p.held = new(bytes.Buffer)
		return p, nil
	}
	if err := z.startDeflate(p); err != nil {
		return nil, err
	}
	z.open = p
	return p, nil
}

// startDeflate gives the part a deflate writer: a free one, reset (the
// same output as a new one), or a new one.
func (z *sortedZip) startDeflate(p *zipPart) error {
	if n := len(z.free); n > 0 {
		p.flate, z.free = z.free[n-1], z.free[:n-1]
		p.flate.Reset(&p.compressed)
		return nil
	}
	fw, err := z.newDeflate(&p.compressed)
	p.flate = fw
	return err
}

// endOpen ends the part written straight through (the library writes a
// part whole before it creates the next) and frees its writer.
func (z *sortedZip) endOpen() error {
	p := z.open
	if p == nil {
		return nil
	}
	z.open = nil
	err := p.flate.Close()
	z.free = append(z.free, p.flate)
	p.flate = nil
	return err
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p.held != nil {
		return p.held.Write(b)
	}
	return p.deflate(b)
}

// deflate compresses b into the part.
func (p *zipPart) deflate(b []byte) (int, error) {
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(len(b))
	return p.flate.Write(b)
}

// AddFS is not used by the workbook library when it saves.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("workbook: AddFS is not supported") }

func (z *sortedZip) Close() error {
	if err := z.endOpen(); err != nil {
		return err
	}
	if err := z.finishParts(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(x, y *zipPart) int { return partOrder(x.name, y.name) })
	if buf, ok := z.out.(*bytes.Buffer); ok { // the library's: grown once, not by doubling
		size := 0
		for _, p := range z.parts {
			size += p.compressed.len + 2*len(p.name) + 128 // data, local and central headers
		}
		buf.Grow(size)
	}
	zw := zip.NewWriter(z.out)
	for _, p := range z.parts {
		date, clock := msDosTime(z.modified)
		fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: z.modified,
			CRC32: p.crc, CompressedSize64: uint64(p.compressed.len), UncompressedSize64: p.size}
		//lint:ignore SA1019 CreateRaw writes the MS-DOS time as given: Modified alone would leave it zero
		fh.ModifiedDate, fh.ModifiedTime = date, clock
		w, err := zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		if _, err := p.compressed.WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}

// msDosTime is t as a zip header's date and time (CreateRaw, unlike
// CreateHeader, takes them as given).
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// finishParts ends every part. The worksheets with generated rows, most
// of a large report's work, are finished side by side, each on its own
// goroutines (see pipeline): the parts share nothing but the report's
// model, which they only read.
func (z *sortedZip) finishParts() error {
	for _, p := range z.parts {
		if p.held == nil {
			continue
		}
		for token, g := range z.generated {
			if bytes.Contains(p.held.Bytes(), []byte(token)) {
				p.rows, p.token = g, token
				delete(z.generated, token)
				break
			}
		}
	}
	for _, g := range z.generated {
		return fmt.Errorf("workbook: %s: the units' rows found no place in the sheet", g.sheet)
	}
	errs := make([]error, len(z.parts))
	var wg sync.WaitGroup
	for i, p := range z.parts {
		if p.held == nil && p.raw == nil {
			continue // ended by endOpen
		}
		if err := z.startDeflate(p); err != nil {
			return err
		}
		if p.rows == nil {
			errs[i] = p.finish()
			z.free = append(z.free, p.flate)
			p.flate = nil
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = p.finish()
			p.flate = nil
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// finish writes what the part held and ends its deflate stream: a
// worksheet gets its generated rows, [Content_Types].xml its entries
// sorted first.
func (p *zipPart) finish() error {
	if p.held != nil {
		data := p.held.Bytes()
		p.held = nil
		if err := p.splice(data); err != nil {
			return err
		}
	}
	if p.raw != nil {
		content := sortDefaults(p.raw.Bytes())
		p.raw = nil
		if _, err := p.deflate(content); err != nil {
			return err
		}
	}
	return p.flate.Close()
}

// splice writes a worksheet, with the generated rows in place of their
// marker row if it holds one.
func (p *zipPart) splice(data []byte) error {
	if p.rows == nil {
		_, err := p.deflate(data)
		return err
	}
	w := newPipeline(deflater{p})
	_, err := p.rows.splice(data, p.token, w)
	return errors.Join(err, w.Close())
}

// deflater writes into a part past its hold.
type deflater struct{ p *zipPart }

func (d deflater) Write(b []byte) (int, error) { return d.p.deflate(b) }

const contentTypes = "[Content_Types].xml"

// partOrder puts [Content_Types].xml first, as Office writes it, then the
// parts by name.
func partOrder(x, y string) int {
	switch {
	case x == contentTypes:
		return -1
	case y == contentTypes:
		return 1
	}
	return bytes.Compare([]byte(x), []byte(y))
}

// defaultType is one <Default> entry of [Content_Types].xml, which the
// workbook library writes in map order.
var defaultType = regexp.MustCompile(`<Default [^>]*></Default>|<Default [^>]*/>`)

// sortDefaults puts the <Default> entries in order of their text.
func sortDefaults(content []byte) []byte {
	entries := defaultType.FindAll(content, -1)
	slices.SortFunc(entries, bytes.Compare)
	i := 0
	return defaultType.ReplaceAllFunc(content, func([]byte) []byte {
		i++
		return entries[i-1]
	})
}

// chunks is a growing buffer of fixed-size pieces: a deflated sheet of
// tens of MiB grows without being copied (a bytes.Buffer doubles, copies
// and clears, which cost a tenth of a large report's time).
type chunks struct {
	pieces [][]byte
	len    int
}

const chunkSize = 1 << 20

func (c *chunks) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		if len(c.pieces) == 0 || len(c.pieces[len(c.pieces)-1]) == cap(c.pieces[len(c.pieces)-1]) {
			size := chunkSize
			if len(c.pieces) == 0 {
				size = 4 << 10 // most parts are small
			}
			c.pieces = append(c.pieces, make([]byte, 0, size))
		}
		last := &c.pieces[len(c.pieces)-1]
		k := min(len(b), cap(*last)-len(*last))
		*last = append(*last, b[:k]...)
		b = b[k:]
	}
	c.len += n
	return n, nil
}

// WriteTo writes the pieces in order and releases them.
func (c *chunks) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for i, p := range c.pieces {
		k, err := w.Write(p)
		n += int64(k)
		c.pieces[i] = nil
		if err != nil {
			return n, err
		}
	}
	c.pieces = nil
	return n, nil
}

// pipeline hands what is written to it to w on a goroutine of its own,
// so that making a sheet's rows and deflating them overlap.
type pipeline struct {
	full, free chan []byte
	done       chan error
}

func newPipeline(w io.Writer) *pipeline {
	p := &pipeline{full: make(chan []byte, 4), free: make(chan []byte, 6), done: make(chan error, 1)}
	go func() {
		var err error
		for b := range p.full {
			if err == nil {
				_, err = w.Write(b)
			}
			select {
			case p.free <- b[:0]:
			default:
			}
		}
		p.done <- err
	}()
	return p
}

// Write copies b (the caller may reuse it); an error of w comes from Close.
func (p *pipeline) Write(b []byte) (int, error) {
	var buf []byte
	select {
	case buf = <-p.free:
	default:
	}
	p.full <- append(buf, b...)
	return len(b), nil
}

// Close waits until w has everything and returns its first error.
func (p *pipeline) Close() error {
	close(p.full)
	return <-p.done
}
