package indicators

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
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
func decodeText(r io.ReadSeeker) (io.Reader, error) {
	head := make([]byte, 4)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	head = head[:n]
	if bytes.HasPrefix(head, bomUTF8) {
		_, err := r.Seek(int64(len(bomUTF8)), io.SeekStart)
		return r, err
	}
	if enc := utf16Encoding(head); enc != nil {
		_, err := r.Seek(0, io.SeekStart)
		return transform.NewReader(r, enc.NewDecoder()), err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	valid, err := isUTF8(r)
	if err != nil {
		return nil, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	if valid {
		return r, nil
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

// isUTF8 checks r in chunks, carrying a character split between two.
func isUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		n += carry
		end := n
		if err == nil {
			end = completeRunes(buf[:n])
		}
		if !utf8.Valid(buf[:end]) {
			return false, nil
		}
		carry = copy(buf, buf[end:n])
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// completeRunes returns the length of b without a character cut off at its
// end.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}
