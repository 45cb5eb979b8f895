package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"maps"
	"slices"
	"testing"

	"github.com/raumbudget/raumbudget/internal/msg"
)

func TestCellName(t *testing.T) {
	for _, tt := range []struct {
		col, row int
		want     string
	}{
		{1, 1, "A1"}, {26, 2, "Z2"}, {27, 3, "AA3"}, {52, 4, "AZ4"}, {53, 5, "BA5"}, {702, 6, "ZZ6"}, {703, 7, "AAA7"},
		{MaxColumns, MaxRows, "XFD1048576"}, {MaxColumns + 1, 1, ""}, {1, MaxRows + 1, ""}, {0, 1, ""}, {1, 0, ""},
	} {
		if got := CellName(tt.col, tt.row); got != tt.want {
			t.Errorf("CellName(%d, %d) = %q, want %q", tt.col, tt.row, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		col, row, err := cellCoordinates([]byte(tt.want))
		if err != nil || col != tt.col || row != tt.row {
			t.Errorf("cellCoordinates(%q) = %d, %d, %v", tt.want, col, row, err)
		}
	}
}

// TestMergedCells reads the ranges that follow the rows, in any order of
// their corners; a range that does not parse is left out.
func TestMergedCells(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
		`<mergeCells count="4"><mergeCell ref="A2:A5"/><mergeCell ref="$C$3:B2"/><mergeCell ref="nonsense"/><foo:mergeCell xmlns:foo="urn:foo" ref="D1:D2"/></mergeCells></worksheet>`
	w, err := Open(bytes.NewReader(rawXLSX(t, rawParts(sheet, ""))), 1<<20)
	must(t, err)
	got := w.MergedCells(0)
	want := []Range{{"A2:A5", 1, 2, 1, 5}, {"$C$3:B2", 2, 2, 3, 3}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %v, want %v", got, want)
	}
	if !got[0].Contains(1, 4) || got[0].Contains(2, 4) || got[0].Contains(1, 6) {
		t.Error("Contains")
	}
	must(t, w.Sound())
}

// TestRowsAPI reads a sheet through the API: kinds, formulas, hidden rows,
// the cell of an error, and the proof of the part at the end.
func TestRowsAPI(t *testing.T) {
	sheet := rawSheet(`<row r="2" hidden="1"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1.5</v></c><c r="C2"><f>B2*2</f></c><c r="D2" t="str"><f>""</f><v></v></c></row>` +
		`<row r="3"><c r="B3" t="b"><v>7</v></c></row>`)
	w, err := Open(bytes.NewReader(rawXLSX(t, rawParts(sheet, rawSST("Bezirksstelle")))), 1<<20)
	must(t, err)
	if s := w.Sheets(); len(s) != 1 || s[0] != (Sheet{"Daten", false}) {
		t.Fatalf("sheets %v", s)
	}
	r, err := w.Rows(0)
	must(t, err)
	defer r.Close()
	must(t, r.Next())
	if r.Row() != 2 || !r.Hidden() || len(r.Cells()) != 4 || r.Cells()[0] != "Bezirksstelle" || r.Cells()[1] != "1.5" {
		t.Fatalf("row %d hidden %v: %q", r.Row(), r.Hidden(), r.Cells())
	}
	if r.Kind(0) != SharedString || r.Kind(1) != Number || r.Kind(2) != NoValue || r.Kind(9) != NoValue {
		t.Errorf("kinds %v %v %v", r.Kind(0), r.Kind(1), r.Kind(2))
	}
	if r.Formula(1) != NoFormula || r.Formula(2) != Uncalculated || r.Formula(3) != EmptyResult {
		t.Errorf("formulas %v %v %v", r.Formula(1), r.Formula(2), r.Formula(3))
	}
	err = r.Next()
	if Cell(err) != "B3" || !errors.Is(err, ErrBadSheet) {
		t.Fatalf("cell %q: %v", Cell(err), err)
	}
	// The details are said in the run's language.
	if got, want := msg.Of(err, msg.DE), "das Blatt ist beschädigt: eine Wahrheitswert-Zelle enthält „7“ statt 0 oder 1"; got != want {
		t.Errorf("German: %s", got)
	}
	if got, want := err.Error(), `the sheet is damaged: boolean cell holds "7", not 0 or 1`; got != want {
		t.Errorf("English: %s", got)
	}
	must(t, r.Finish())
	if read, size := r.Progress(); read != size || size == 0 {
		t.Errorf("progress %d of %d", read, size)
	}
	must(t, w.Sound())
}

func TestOpenRefuses(t *testing.T) {
	data := rawXLSX(t, rawParts(rawSheet(""), ""))
	if _, err := Open(bytes.NewReader(data), int64(len(data)-1)); err != ErrTooLarge {
		t.Errorf("too large: %v", err)
	}
	ods := rawXLSX(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
	if _, err := Open(bytes.NewReader(ods), 1<<20); err != ErrOpenDocument {
		t.Errorf("ods: %v", err)
	}
	_, err := Open(bytes.NewReader([]byte("PK\x03\x04 broken")), 1<<20)
	if got := msg.Of(err, msg.DE); got != "die Arbeitsmappe kann nicht gelesen werden: zip: not a valid zip file" {
		t.Errorf("broken: %s", got)
	}
}

// TestDamaged: a part that fails its checksum is found by the read of the
// sheet at its end (Finish), and by Sound for the other parts.
func TestDamaged(t *testing.T) {
	if Damaged(io.EOF) != nil {
		t.Error("io.EOF is no damage")
	}
	for _, part := range []string{"xl/worksheets/sheet1.xml", "docProps/app.xml"} {
		parts := rawParts(rawSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`), "")
		parts["docProps/app.xml"] = `<Properties/>`
		w, err := Open(bytes.NewReader(badCRC(t, parts, part)), 1<<20)
		must(t, err)
		r, err := w.Rows(0)
		must(t, err)
		for err = r.Next(); err == nil; err = r.Next() {
		}
		read := Damaged(r.Finish())
		r.Close()
		sound := w.Sound()
		want := "die Arbeitsmappe kann nicht gelesen werden: Teil „" + part + "“ ist beschädigt (zip: checksum error)"
		if part == "docProps/app.xml" {
			read, sound = sound, read
		}
		if sound != nil || msg.Of(read, msg.DE) != want {
			t.Errorf("%s: read %v, sound %v", part, read, sound)
		}
	}
}

// badCRC zips parts, stored, with a wrong checksum for part bad.
func badCRC(t *testing.T, parts map[string]string, bad string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		data := []byte(parts[name])
		h := &zip.FileHeader{Name: name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
			CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data))}
		if name == bad {
			h.CRC32++
		}
		w, err := zw.CreateRaw(h)
		must(t, err)
		_, err = w.Write(data)
		must(t, err)
	}
	must(t, zw.Close())
	return b.Bytes()
}
