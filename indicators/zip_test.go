package indicators

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/raumbudget/raumbudget/internal/xlsx"
)

// small is a sound workbook for the tests to break.
func small(t testing.TB) []byte {
	return workbook(t, sheetData{"Daten", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1, 2}, {"B", 3, 4}, {"C", 5, 6}}})
}

// rezip copies the workbook b part by part; edit may change a part's
// header and data, and add returns more parts, written with zip.Writer.
func rezip(t testing.TB, b []byte, edit func(h *zip.FileHeader, data []byte) []byte, add func(zw *zip.Writer)) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		data, err := io.ReadAll(rc)
		must(t, err)
		h := f.FileHeader
		if edit != nil {
			data = edit(&h, data)
		}
		w, err := zw.CreateRaw(&h)
		must(t, err)
		_, err = w.Write(data)
		must(t, err)
	}
	if add != nil {
		add(zw)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// stored makes a part stored as is: data is what the zip holds, and the
// header may declare other sizes.
func stored(h *zip.FileHeader, data []byte) []byte {
	h.Method = zip.Store
	h.CompressedSize64, h.UncompressedSize64 = uint64(len(data)), uint64(len(data))
	h.CRC32 = crc32.ChecksumIEEE(data)
	return data
}

func isSheet(h *zip.FileHeader) bool {
	return h.Name == "xl/worksheets/sheet1.xml"
}

const tooMuch = `data.xlsx: the workbook unpacks to more than 4 GiB; is it really an indicator table?`

// TestZipBomb: 300 MiB of zeros pack into 300 KB. The declared sizes give
// the bomb away before anything is unpacked: no part over 64 MiB packs
// more than 100 times.
func TestZipBomb(t *testing.T) {
	bomb := rezip(t, small(t), nil, func(zw *zip.Writer) {
		w, err := zw.Create("xl/media/image1.png")
		must(t, err)
		zeros := make([]byte, 1<<20)
		for range 300 {
			_, err := w.Write(zeros)
			must(t, err)
		}
	})
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	_, err := readXLSXBytes(bomb, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: part "xl/media/image1.png" unpacks to over 100 times its size; is it really an indicator table?`)
}

func TestZipDeclaredSizes(t *testing.T) {
	lie := func(n uint64) func(h *zip.FileHeader, data []byte) []byte {
		return func(h *zip.FileHeader, data []byte) []byte {
			data = stored(h, data)
			if isSheet(h) {
				h.UncompressedSize64 = n
			}
			return data
		}
	}
	for _, tt := range []struct {
		name string
		b    []byte
		want string
	}{
		{"one big part", rezip(t, small(t), lie(xlsx.MaxUnpacked+1), nil), tooMuch},
		{"size that overflows the sum", rezip(t, small(t), lie(1<<64-1), nil), tooMuch},
		{"parts that add up", rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
			data = stored(h, data)
			h.UncompressedSize64 = xlsx.MaxUnpacked / 4 // stored, so the ratio is 1
			h.CompressedSize64 = h.UncompressedSize64
			return data
		}, nil), tooMuch},
		{"ratio", rezip(t, small(t), lie(2<<20), nil),
			`data.xlsx: part "xl/worksheets/sheet1.xml" unpacks to over 1,000 times its size; is it really an indicator table?`},
		{"ratio of a big part", rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
			data = stored(h, data)
			if isSheet(h) {
				h.CompressedSize64 = 1 << 20 // a sheet of a million rows packs 7 times
				h.UncompressedSize64 = 101 << 20
			}
			return data
		}, nil), `data.xlsx: part "xl/worksheets/sheet1.xml" unpacks to over 100 times its size; is it really an indicator table?`},
		// archive/zip stops at the declared size; excelize would take the
		// part cut short and lose the units after the cut.
		{"part holds more than declared", rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
			data = stored(h, data)
			if isSheet(h) {
				h.UncompressedSize64 -= 120
			}
			return data
		}, nil), `data.xlsx: cannot read the workbook: part "xl/worksheets/sheet1.xml" is damaged (zip: not a valid zip file)`},
		{"checksum", rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
			data = stored(h, data)
			if isSheet(h) {
				h.CRC32++
			}
			return data
		}, nil), `data.xlsx: cannot read the workbook: part "xl/worksheets/sheet1.xml" is damaged (zip: checksum error)`},
		{"corrupt data", rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
			if isSheet(h) {
				data = bytes.Repeat([]byte{0xff}, len(data)) // not deflate
			}
			return data
		}, nil), `data.xlsx: cannot read the workbook: part "xl/worksheets/sheet1.xml" is damaged (flate: corrupt input before offset 1)`},
	} {
		_, err := readXLSXBytes(tt.b, "data.xlsx", two, "")
		t.Run(tt.name, func(t *testing.T) { wantError(t, err, tt.want) })
	}
	// The same parts, told the truth, are read.
	b := rezip(t, small(t), stored, nil)
	if got := dump(mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))); got != "A@2×1: 1 2\nB@3×1: 3 4\nC@4×1: 5 6\n" {
		t.Errorf("got %s", got)
	}
}

// TestZipLargeFile: a file above the limit is refused before its
// directory is read, so that excelize does not take it into memory.
func TestZipLargeFile(t *testing.T) {
	r := io.NewSectionReader(zeroTail(small(t)), 0, maxCSV+1)
	_, err := Read(r, "data.xlsx", two, Options{})
	wantError(t, err, `data.xlsx: the file is larger than 512 MiB; is it really an indicator table?`)
}

// TestZipWholePart: a part that is read whole into memory, such as the
// shared strings, is bounded by itself, as the sheet, which is streamed,
// is not.
func TestZipWholePart(t *testing.T) {
	b := rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
		data = stored(h, data)
		if h.Name == "xl/sharedStrings.xml" {
			h.UncompressedSize64 = xlsx.MaxWholePart + 1
			h.CompressedSize64 = h.UncompressedSize64 // stored: the ratio is 1
		}
		return data
	}, nil)
	_, err := readXLSXBytes(b, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!A1: cannot read the sheet: the shared strings unpack to more than 256 MiB`)
}

// countingReader counts the bytes read from a file.
type countingReader struct {
	r *bytes.Reader
	n atomic.Int64 // the parts are read on goroutines of their own
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingReader) Seek(off int64, whence int) (int64, error) { return c.r.Seek(off, whence) }

// TestZipPartsReadOnce: the sheet, most of the file, is unpacked once,
// by the read that proves it sound as it goes; it was unpacked a second
// time beside it, to prove it.
func TestZipPartsReadOnce(t *testing.T) {
	for _, data := range [][]byte{genXLSX(t, genRows(20_000, 7)), genSharedXLSX(t, genRows(20_000, 7))} {
		r := &countingReader{r: bytes.NewReader(data)}
		mustRead(t)(Read(r, "gen.xlsx", genSchema, Options{}))
		if n := r.n.Load(); n > int64(len(data))*5/4 {
			t.Errorf("read %d bytes of a file of %d", n, len(data))
		}
	}
}

// zeroTail reads as its bytes followed by zeros without end.
type zeroTail []byte

func (z zeroTail) ReadAt(p []byte, off int64) (int, error) {
	clear(p)
	if off < int64(len(z)) {
		copy(p, z[off:])
	}
	return len(p), nil
}

// seekOnly hides the ReadAt of a reader: Read takes any io.ReadSeeker.
type seekOnly struct{ r *bytes.Reader }

func (s seekOnly) Read(p []byte) (int, error)                { return s.r.Read(p) }
func (s seekOnly) Seek(off int64, whence int) (int64, error) { return s.r.Seek(off, whence) }

func TestZipSeekOnly(t *testing.T) {
	r := seekOnly{bytes.NewReader(small(t))}
	tb := mustRead(t)(Read(r, "data.xlsx", two, Options{}))
	if got := dump(tb); got != "A@2×1: 1 2\nB@3×1: 3 4\nC@4×1: 5 6\n" {
		t.Errorf("got %s", got)
	}
}

// TestPreviousBomb: ReadPrevious looks into a workbook for the tool's own
// report sheet before it reads it, and must not unpack a bomb either.
func TestPreviousBomb(t *testing.T) {
	bomb := rezip(t, small(t), func(h *zip.FileHeader, data []byte) []byte {
		data = stored(h, data)
		if isSheet(h) {
			h.UncompressedSize64 = 1 << 40
		}
		return data
	}, nil)
	path := filepath.Join(t.TempDir(), "data.xlsx")
	must(t, os.WriteFile(path, bomb, 0o644))
	_, err := ReadPrevious(path, Options{})
	wantError(t, err, path+": the workbook unpacks to more than 4 GiB; is it really an indicator table?")
}

// BenchmarkZipBomb shows the time and memory to refuse the bomb of
// TestZipBomb.
func BenchmarkZipBomb(b *testing.B) {
	bomb := rezip(b, small(b), nil, func(zw *zip.Writer) {
		w, err := zw.Create("xl/media/image1.png")
		must(b, err)
		zeros := make([]byte, 1<<20)
		for range 300 {
			_, err := w.Write(zeros)
			must(b, err)
		}
	})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readXLSXBytes(bomb, "data.xlsx", two, ""); err == nil {
			b.Fatal("bomb read")
		}
	}
}

// A CSV file too large to be an indicator table is refused before it is
// read; the size is taken from the end of the reader.
func TestCSVTooLarge(t *testing.T) {
	_, err := Read(hugeReader{}, "huge.csv", two, Options{})
	wantError(t, err, "huge.csv: the file is larger than 512 MiB; is it really an indicator table?")
}

// hugeReader claims to be 1 GiB long and reads nothing.
type hugeReader struct{}

func (hugeReader) Read([]byte) (int, error) { return 0, io.EOF }
func (hugeReader) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekEnd {
		return 1 << 30, nil
	}
	return 0, nil
}

// endless claims size bytes and reads the byte b without end, as a file
// that grows while it is read.
type endless struct {
	size int64
	b    byte
}

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}

func (e endless) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekEnd {
		return e.size, nil
	}
	return offset, nil
}

// TestNonRegularFiles: devices, FIFOs and files that grow are read with
// the bound of regular files, while they are read (issue 11, finding 15).
func TestNonRegularFiles(t *testing.T) {
	defer func(m int64) { maxCSV = m }(maxCSV)
	maxCSV = 1 << 20
	_, err := Read(endless{10, 'x'}, "grows.csv", two, Options{})
	wantError(t, err, "grows.csv: the file is larger than 1 MiB; is it really an indicator table?")
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err = ReadFile("/dev/zero", two, Options{})
		wantError(t, err, "/dev/zero: the file is larger than 1 MiB; is it really an indicator table?")
		_, err = ReadPrevious("/dev/zero", Options{})
		wantError(t, err, "/dev/zero: the file is larger than 1 MiB; is it really an indicator table?")
	}
	// A FIFO with a table is read.
	fifo := filepath.Join(t.TempDir(), "data.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		io.WriteString(f, "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n")
		f.Close()
	}()
	tb := mustRead(t)(ReadFile(fifo, two, Options{}))
	if got := dump(tb); got != "A@2×1: 1 2\n" {
		t.Errorf("got %s", got)
	}
}
