package indicators

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// maxUnpacked bounds what a workbook may unpack to. An indicator table is
// a few hundred KB unpacked, a sheet of 100,000 rows some 20 MB; a zip
// bomb, a few hundred KB that unpack to gigabytes, would fill the memory
// or the temporary directory before the first row is read.
const maxUnpacked = 256 << 20

// A part larger than ratioFloor may unpack to at most maxRatio times its
// packed size. Sheets pack 5 to 50 times; only a run of the same bytes
// reaches 1000, near deflate's limit of 1032.
const (
	maxRatio   = 1000
	ratioFloor = 1 << 20
)

// openWorkbook opens a workbook that checkZip finds sound, with excelize's
// own limits set to the same bound.
func openWorkbook(r io.ReadSeeker, name string) (*excelize.File, error) {
	if err := checkZip(r, name); err != nil {
		return nil, err
	}
	limits := excelize.Options{UnzipSizeLimit: maxUnpacked, UnzipXMLSizeLimit: min(maxUnpacked, excelize.StreamChunkSize)}
	f, err := excelize.OpenReader(r, limits)
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot read the workbook: " + err.Error()}
	}
	return f, nil
}

// checkZip refuses a workbook that unpacks to too much, by the sizes its
// zip directory declares, before anything is unpacked; then it unpacks
// every part to nowhere, which proves the declared sizes and checksums.
// That costs a fraction of reading the sheet, and excelize cannot be
// trusted with it: it ignores a part that holds more than declared, ends
// early or fails its checksum, and reads what it got, so a damaged sheet
// would lose its last units without a word. r is left at its start.
func checkZip(r io.ReadSeeker, name string) error {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return &Error{File: name, Msg: "cannot read: " + err.Error()}
	}
	if size > maxUnpacked {
		return tooBig(name)
	}
	zr, err := zip.NewReader(readerAt(r), size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names do not matter here
		return &Error{File: name, Msg: "cannot read the workbook: " + err.Error()}
	}
	if err := checkSizes(zr.File, name); err != nil {
		return err
	}
	for _, f := range zr.File {
		if err := unpack(f); err != nil {
			return &Error{File: name, Msg: fmt.Sprintf("cannot read the workbook: part %s is damaged (%v)", quote(f.Name), err)}
		}
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return &Error{File: name, Msg: "cannot read: " + err.Error()}
	}
	return nil
}

// checkSizes applies maxUnpacked and maxRatio to the declared sizes. Each
// part is held to the limit before it is added, so that no sum overflows.
func checkSizes(files []*zip.File, name string) error {
	var total uint64
	for _, f := range files {
		n := f.UncompressedSize64
		if n > maxUnpacked || total+n > maxUnpacked {
			return tooBig(name)
		}
		total += n
		if n > ratioFloor && n/maxRatio > f.CompressedSize64 {
			msg := fmt.Sprintf("part %s unpacks to over %d times its size; is it really an indicator table?", quote(f.Name), maxRatio)
			return &Error{File: name, Msg: msg}
		}
	}
	return nil
}

func tooBig(name string) *Error {
	return &Error{File: name, Msg: fmt.Sprintf("the workbook unpacks to more than %d MiB; is it really an indicator table?", maxUnpacked>>20)}
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

// SheetNames lists the sheets of the workbook at path, in order, with the
// same limits as reading it.
func SheetNames(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot open: " + pathMessage(err), err: err}
	}
	defer f.Close()
	wb, err := openWorkbook(f, path)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	return wb.GetSheetList(), nil
}
