package indicators

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"

	"syscall"
)

// ReadFile opens path and calls Read. A file that cannot be opened is an
// *Error too; it unwraps to the *fs.PathError, for callers that tell a
// missing file from bad content.
func ReadFile(path string, schema Schema, opt Options) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, OpenError(path, err)
	}
	defer f.Close()
	return Read(f, path, schema, opt)
}

// OpenError is the *Error of a file that cannot be opened, err as the os
// package gives it: it names the file once, and says the commonest reasons
// in German too. It unwraps to err.
func OpenError(path string, err error) *Error {
	return &Error{File: path, Msg: msg.New("cannot open: %s", pathMessage(err)), err: err}
}

// pathMessage is the reason a file cannot be opened, without the path,
// which the message names already.
func pathMessage(err error) msg.Localizer {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return osReason{err}
}

// osReason is the operating system's reason a file cannot be read: the
// commonest said in German too, any other in the system's words.
type osReason struct{ err error }

func (r osReason) In(l msg.Lang) string {
	if l == msg.EN {
		return r.err.Error()
	}
	switch {
	case errors.Is(r.err, fs.ErrNotExist):
		return msg.New("no such file or directory").In(l)
	case errors.Is(r.err, fs.ErrPermission):
		return msg.New("permission denied").In(l)
	case errors.Is(r.err, syscall.EISDIR):
		return msg.New("is a directory").In(l)
	}
	return r.err.Error()
}

// Read reads a table. The format follows the name's extension (.csv, .txt ->
// CSV; .xlsx, .xlsm -> xlsx); an unknown extension is sniffed (zip magic
// "PK\x03\x04" -> xlsx, else CSV). A file whose content does not match its
// extension (e.g. .xlsx that is not a zip) is an *Error saying so. Read
// reads r from its start, so the same reader can be read again for another
// sheet.
func Read(r io.ReadSeeker, name string, schema Schema, opt Options) (*Table, error) {
	if err := checkSchema(name, schema); err != nil {
		return nil, err
	}
	if f, ok := r.(*os.File); ok {
		spooled, err := regular(f, name)
		if err != nil {
			return nil, err
		}
		if spooled != f {
			defer spooled.Close()
		}
		r = spooled
	}
	isXLSX, err := detectFormat(r, name)
	if err != nil {
		return nil, err
	}
	if isXLSX {
		return readXLSX(r, name, schema, opt)
	}
	return readCSV(r, name, schema)
}

// regular returns f if it is a regular file; else, for a device, a FIFO
// or the like (--data /dev/zero, --data <(zcat data.csv.gz)), a copy in a
// temporary file, which is removed at once and goes when it is closed:
// the reader seeks and reads twice, and the bound on a file's size must
// hold while it is read, not only by what stat says.
func regular(f *os.File, name string) (*os.File, error) {
	st, err := f.Stat()
	if err != nil || st.Mode().IsRegular() || st.IsDir() {
		return f, nil // a directory says so when read
	}
	tmp, err := os.CreateTemp("", "raumbudget-input-*")
	if err != nil {
		return nil, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	os.Remove(tmp.Name())
	n, err := io.Copy(tmp, io.LimitReader(f, maxCSV+1))
	switch {
	case err != nil:
		err = &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	case n > maxCSV:
		err = tooLarge(name)
	}
	if err != nil {
		tmp.Close()
		return nil, err
	}
	return tmp, nil
}

var (
	zipMagic = []byte("PK\x03\x04")
	// oleMagic starts old .xls files and encrypted workbooks.
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// detectFormat says whether the file is a workbook, from its extension and
// its first bytes. It reads from the start, wherever an earlier read of
// the same reader (another sheet of the workbook) left it, and rewinds.
func detectFormat(r io.ReadSeeker, name string) (bool, error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return false, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	head := make([]byte, len(oleMagic))
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return false, &Error{File: name, Msg: msg.New("cannot read: %v", err)}
	}
	head = head[:n]
	isZip := bytes.HasPrefix(head, zipMagic)
	if bytes.HasPrefix(head, oleMagic) {
		return false, &Error{File: name, Msg: msg.New("an old Excel 97-2003 workbook (.xls) or an encrypted one; save it in Excel as .xlsx (Excel workbook), without a password")}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		if !isZip {
			return false, &Error{File: name, Msg: msg.New("not an xlsx workbook (not a zip archive); is it CSV text named .xlsx?")}
		}
	case ".csv", ".txt":
		if isZip {
			return false, &Error{File: name, Msg: msg.New("not CSV text but a zip archive (an xlsx workbook?); name it .xlsx")}
		}
	}
	return isZip, nil
}
