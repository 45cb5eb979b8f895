package xlsx

import (
	"archive/zip"
	"errors"
	"io"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// The bounds of a workbook, against zip bombs: a few hundred KB that
// unpack to gigabytes would take the time (and, unpacked whole, the
// memory) of a file a thousand times as large. The sheets are streamed,
// so that what a workbook unpacks to costs time, not memory; the parts
// read whole are bounded by MaxWholePart. A sheet packs 5 to 20 times
// (rbgen's million rows: 316 MB in 45 MB), the more the more its rows
// repeat; a run of the same bytes reaches deflate's limit of 1032.
//
//   - MaxUnpacked bounds the sum of the parts, some seconds of unpacking:
//     a sheet of a million rows unpacks to some 300 MB, one of Excel's
//     1,048,576 rows of 50 columns to about 3 GB.
//   - A part over ratioFloor may unpack to at most maxRatio times its
//     packed size, one over bigPart to at most bigRatio times: more is
//     no table, but the same bytes repeated.
const (
	MaxUnpacked = 4 << 30
	maxRatio    = 1000
	ratioFloor  = 1 << 20
	bigRatio    = 100
	bigPart     = 64 << 20
)

// MaxWholePart bounds a part that is read whole into memory: the shared
// strings, the workbook, its relationships and styles.
const MaxWholePart = 256 << 20

// openZip reads the zip directory of a workbook of at most maxSize bytes
// (ErrTooLarge), and refuses one that unpacks to too much by the sizes it
// declares.
func openZip(r io.ReadSeeker, maxSize int64) (*zip.Reader, error) {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, msg.Errorf("cannot read: %v", err)
	}
	if size > maxSize {
		return nil, ErrTooLarge
	}
	zr, err := zip.NewReader(readerAt(r), size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names do not matter here
		return nil, msg.Errorf("cannot read the workbook: %v", err)
	}
	if err := checkSizes(zr.File); err != nil {
		return nil, err
	}
	if err := checkNames(zr.File); err != nil {
		return nil, err
	}
	return zr, nil
}

// checkNames refuses two entries of one name, as excelize finds parts
// (see zipParts): excelize reads the last, other programs the first, so
// which one the user saw is unknown.
func checkNames(files []*zip.File) error {
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		n := partName(f.Name)
		if seen[n] {
			return msg.Errorf("the workbook's zip holds two entries named %s; which one is the workbook's is unknown", msg.Quoted(f.Name))
		}
		seen[n] = true
	}
	return nil
}

// unpackAll unpacks every part to nowhere, which proves the declared sizes
// and checksums: archive/zip fails a part that holds more than declared,
// ends early or fails its checksum. A damaged sheet read as far as it goes
// would lose its last units without a word.
func unpackAll(files []*zip.File) error {
	for _, f := range files {
		if err := unpack(f); err != nil {
			return Damaged(&damagedPart{f.Name, err})
		}
	}
	return nil
}

// verification is the unpacking of unpackAll, which a read of the sheet can
// run beside it: the read takes no more of a part than it declares, and
// what it finds counts only if the parts are sound.
type verification struct {
	done chan struct{}
	err  error
}

// verify starts unpackAll, on another goroutine if the file can be read
// at two offsets at once. The parts that streamed says are read to their
// end by the read itself (see partReader) are left out: a sheet of a
// million rows took as long to unpack twice as to read once.
func verify(r io.ReadSeeker, files []*zip.File, streamed func(*zip.File) bool) *verification {
	v := &verification{done: make(chan struct{})}
	var rest []*zip.File
	for _, f := range files {
		if streamed == nil || !streamed(f) {
			rest = append(rest, f)
		}
	}
	run := func() {
		v.err = unpackAll(rest)
		close(v.done)
	}
	if _, ok := r.(io.ReaderAt); ok { // whose ReadAt may be called in parallel
		go run()
	} else {
		run()
	}
	return v
}

// wait returns the error of unpackAll, when it has ended.
func (v *verification) wait() error {
	<-v.done
	return v.err
}

// checkSizes applies MaxUnpacked and the ratios to the declared sizes.
// Each part is held to the limit before it is added, so that no sum
// overflows.
func checkSizes(files []*zip.File) error {
	var total uint64
	for _, f := range files {
		n := f.UncompressedSize64
		if n > MaxUnpacked || total+n > MaxUnpacked {
			return tooBig()
		}
		total += n
		ratio := 0
		switch {
		case n > bigPart && n/bigRatio > f.CompressedSize64:
			ratio = bigRatio
		case n > ratioFloor && n/maxRatio > f.CompressedSize64:
			ratio = maxRatio
		}
		if ratio > 0 {
			return msg.Errorf("part %s unpacks to over %s times its size; is it really an indicator table?", msg.Quoted(f.Name), msg.Int(ratio))
		}
	}
	return nil
}

func tooBig() error {
	return msg.Errorf("the workbook unpacks to more than %s GiB; is it really an indicator table?", msg.Int(MaxUnpacked>>30))
}

// partReader reads a part that is read once, as a stream, and proves it
// sound as it goes: archive/zip fails a read past the declared size, and
// the read at the end if the checksum is wrong. finish reads what the
// reader left, so that a part is proved whole however far it was read.
type partReader struct {
	rc   io.ReadCloser
	name string // the part's
	err  error  // the first error but io.EOF
	n    int64  // the bytes read
	size int64  // the bytes declared
}

func openPart(f *zip.File) (*partReader, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &damagedPart{f.Name, err}
	}
	return &partReader{rc: rc, name: f.Name, size: int64(f.UncompressedSize64)}, nil
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.rc.Read(b)
	p.n += int64(n)
	if err != nil && err != io.EOF && p.err == nil {
		p.err = err
	}
	return n, err
}

func (p *partReader) Close() error {
	return p.rc.Close()
}

// finish reads the part to its end and returns a *damagedPart if it is
// not sound, nil if it is.
func (p *partReader) finish() error {
	if p.err == nil {
		io.Copy(io.Discard, p)
	}
	if p.err != nil {
		return &damagedPart{p.name, p.err}
	}
	return nil
}

// damagedPart is a part that does not unpack, or not to what its zip
// directory declares.
type damagedPart struct {
	name string
	err  error
}

func (d *damagedPart) Error() string { return d.In(msg.EN) }

func (d *damagedPart) In(l msg.Lang) string {
	return msg.New("part %s is damaged (%v)", msg.Quoted(d.name), d.err).In(l)
}

// Damaged is the error of a workbook with a damaged part, if err is or
// holds one (as Rows.Finish returns it); nil if not.
func Damaged(err error) error {
	var d *damagedPart
	if errors.As(err, &d) {
		return msg.Errorf("cannot read the workbook: part %s is damaged (%v)", msg.Quoted(d.name), d.err)
	}
	return nil
}

// unpack reads the part to its end, where archive/zip checks its size and
// checksum; it fails as soon as the part holds more than it declares.
func unpack(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

// readerAt reads r at offsets: *os.File and *bytes.Reader can, other
// readers seek for every read.
func readerAt(r io.ReadSeeker) io.ReaderAt {
	if ra, ok := r.(io.ReaderAt); ok {
		return ra
	}
	return seekReaderAt{r}
}

type seekReaderAt struct{ r io.ReadSeeker }

func (s seekReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if _, err := s.r.Seek(off, io.SeekStart); err != nil {
		return 0, err
	}
	n, err := io.ReadFull(s.r, p)
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	return n, err
}
