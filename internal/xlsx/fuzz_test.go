package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/raumbudget/raumbudget/internal/xlsx/xlsxtest"
)

// FuzzSheetXML fuzzes the XML of a sheet and of its shared strings. The
// scanner must not panic, must read the same whatever pieces the part
// comes in, and must read what excelize's Rows reads where that is right:
// on well-formed XML that excelize reads without an error, but for what
// Rows refuses on purpose (ErrBadSheet) and what excelize gets
// wrong (see excelizeReadsRight).
func FuzzSheetXML(f *testing.F) {
	sst := rawSST(scanSST...)
	for _, tt := range sheetTests {
		f.Add([]byte(rawSheet(tt.rows)), []byte(sst))
	}
	lo, err := os.ReadFile("testdata/libreoffice.xlsx")
	must(f, err)
	parts, err := testParts(lo)
	must(f, err)
	loSheet, err := parts.read("xl/worksheets/sheet1.xml")
	must(f, err)
	loSST, err := parts.read("xl/sharedStrings.xml")
	must(f, err)
	f.Add(loSheet, loSST)
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		if len(sheet)+len(sst) > 100_000 {
			t.Skip()
		}
		b := rawXLSX(t, rawParts(string(sheet), string(sst)))
		parts, err := testParts(b)
		must(t, err)
		table, sstErr := parts.sharedStrings()
		list := table.list()
		got, err := scanned(sheet, list, sstErr, noWrap, true)
		if err != nil {
			got += "error: " + err.Error()
		}
		slow, err := scanned(sheet, list, sstErr, iotest.OneByteReader, true)
		if err != nil {
			slow += "error: " + err.Error()
		}
		if slow != got {
			t.Fatalf("read in pieces:\n%s\nwhole:\n%s", slow, got)
		}
		if ok, _ := excelizeReadsRight(sst); !ok && len(sst) > 0 {
			return
		}
		ok, hidden := excelizeReadsRight(sheet)
		if !ok {
			return
		}
		want, err := xlsxtest.ExcelizeRows(b, "Daten")
		if err != nil {
			return
		}
		got, err = scanned(sheet, list, sstErr, noWrap, false)
		if errors.Is(err, ErrBadSheet) {
			return
		}
		if err != nil {
			t.Fatalf("%v; excelize reads\n%s", err, want)
		}
		got, want = xlsxtest.WithoutFirstHidden(got), xlsxtest.WithoutFirstHidden(want)
		if !hidden {
			got, want = xlsxtest.WithoutHidden(got), xlsxtest.WithoutHidden(want)
		}
		if got != want {
			t.Fatalf("got\n%swant (excelize)\n%s", got, want)
		}
	})
}

// excelizeReadsRight says whether encoding/xml reads part without an error
// and excelize reads its cells right, and whether it reads the hidden flags
// of its rows right. excelize drops a cell whose style is not a number,
// and the rest of a cell whose formula or inline string has an attribute
// that it cannot decode (an inline string's run properties are not
// checked here: any make it skip the part); it takes the hidden flag of
// another row for a row after the end of the sheet data. (Of the shared
// strings, such an attribute makes it fail.)
func excelizeReadsRight(part []byte) (cells, hidden bool) {
	if !utf8.Valid(part) {
		return false, false // the scanner refuses what is not UTF-8 anywhere; encoding/xml lets it pass in places
	}
	d := xml.NewDecoder(bytes.NewReader(part))
	hidden = true
	var stack []string
	afterData := false
	inside := func(name string) bool { return slices.Contains(stack, name) }
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return true, hidden
		}
		if err != nil {
			return false, false
		}
		switch el := tok.(type) {
		case xml.StartElement:
			name := el.Name.Local
			switch {
			case name == "c" && !inside("c"):
				for _, a := range el.Attr {
					if a.Name.Local == "s" {
						if _, err := strconv.ParseInt(a.Value, 10, 64); err != nil {
							return false, false
						}
					}
				}
			case name == "f" && inside("c"):
				for _, a := range el.Attr {
					v := strings.TrimSpace(a.Value)
					switch a.Name.Local {
					case "aca", "dt2D", "dtr", "del1", "del2", "ca":
						if _, err := strconv.ParseBool(v); err != nil && v != "" {
							return false, false
						}
					case "si":
						if _, err := strconv.ParseInt(v, 10, 64); err != nil && v != "" {
							return false, false
						}
					}
				}
			case (name == "rPr" || name == "rPh" || name == "phoneticPr") && inside("is"):
				return false, false
			case name == "row" && afterData:
				hidden = false
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			afterData = afterData || el.Name.Local == "sheetData"
		}
	}
}
