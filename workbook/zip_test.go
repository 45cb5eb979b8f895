package workbook

import (
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"testing"
)

// A deflate writer reset for the next part writes what a new one would,
// at both kinds of report, and the stream inflates to the part.
func TestDeflateWriterReused(t *testing.T) {
	first, second := []byte(strings.Repeat("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", 5000)), []byte(strings.Repeat("Bezirksstelle 12; ", 3000))
	for _, large := range []bool{false, true} {
		z := &sortedZip{large: large}
		var a, b, fresh bytes.Buffer
		w, err := z.newDeflate(&a)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(first)
		_ = w.Close()
		w.Reset(&b)
		_, _ = w.Write(second)
		_ = w.Close()
		n, _ := z.newDeflate(&fresh)
		_, _ = n.Write(second)
		_ = n.Close()
		if !bytes.Equal(b.Bytes(), fresh.Bytes()) {
			t.Errorf("large %v: a reset writer writes %d bytes, a new one %d", large, b.Len(), fresh.Len())
		}
		got, err := io.ReadAll(flate.NewReader(&b))
		if err != nil || !bytes.Equal(got, second) {
			t.Errorf("large %v: inflated %d bytes (%v), want the part's %d", large, len(got), err, len(second))
		}
	}
}
