// Package xlsxtest builds workbooks part by part for the tests of the xlsx
// reader and of its users, and lists what excelize reads of them.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet is a worksheet part with the given rows.
func Sheet(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<dimension ref="A1"/><sheetData>` + rows + `</sheetData><mergeCells count="0"/></worksheet>`
}

// SST is a shared string table; an item that starts with "<" is the XML
// of an <si>, any other its plain text.
func SST(items ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	fmt.Fprintf(&b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%[1]d">`, len(items))
	for _, it := range items {
		if strings.HasPrefix(it, "<") {
			b.WriteString(it)
		} else {
			b.WriteString("<si><t>" + xmlEscape(it) + "</t></si>")
		}
	}
	b.WriteString("</sst>")
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// Parts are the parts of a minimal workbook of one sheet "Daten"; sheet
// and sst are its sheet part and shared strings (none if empty).
func Parts(sheet, sst string) map[string]string {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheet,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	return parts
}

// Zip zips parts into a workbook, the usual ones first.
func Zip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range names {
		content, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err == nil {
			_, err = io.WriteString(w, content)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// DumpRow lists a row, one a line: its number, "h" if hidden, and its
// cells, each after the letter of its kind if kinds is not nil. A row
// without cells is left out, as excelize returns rows that the part does
// not hold.
func DumpRow(b *strings.Builder, n int, hidden bool, cells []string, kinds []string) {
	if len(cells) == 0 {
		return
	}
	fmt.Fprintf(b, "%d", n)
	if hidden {
		b.WriteString("h")
	}
	b.WriteString(":")
	for i, c := range cells {
		b.WriteString(" ")
		if kinds != nil {
			b.WriteString(kinds[i])
		}
		fmt.Fprintf(b, "%q", c)
	}
	b.WriteString("\n")
}

// ExcelizeRows lists the rows of the sheet as excelize's Rows reads them,
// with raw values, as DumpRow does without kinds. Compare them without the
// hidden flag of the first row (WithoutFirstHidden): excelize loses it
// when the row is not row 1.
func ExcelizeRows(data []byte, sheet string) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	defer f.Close()
	rows, err := f.Rows(sheet)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return "", err
		}
		DumpRow(&b, n, rows.GetRowOpts().Hidden, cells, nil)
	}
	return b.String(), rows.Error()
}

// Agrees checks that a reader lists every sheet of a workbook as
// excelize's Rows does (see ExcelizeRows): read lists sheet i as DumpRow
// does without kinds, and refused says whether its error is one the
// reader gives on purpose, where excelize would read wrongly. A sheet that
// excelize cannot read is left out.
func Agrees(t testing.TB, data []byte, sheets []string, read func(i int) (string, error), refused func(i int, err error) bool) {
	t.Helper()
	for i, name := range sheets {
		want, err := ExcelizeRows(data, name)
		if err != nil {
			continue
		}
		got, err := read(i)
		switch {
		case err != nil && refused(i, err):
		case err != nil:
			t.Fatalf("sheet %q: %v; excelize reads\n%s", name, err, want)
		case WithoutFirstHidden(got) != WithoutFirstHidden(want):
			t.Fatalf("sheet %q: got\n%swant (excelize)\n%s", name, got, want)
		}
	}
}

// WithoutFirstHidden drops the hidden flag of the first row of a listing.
func WithoutFirstHidden(s string) string {
	first, rest, ok := strings.Cut(s, "\n")
	if !ok {
		return s
	}
	return WithoutHidden(first+"\n") + rest
}

// WithoutHidden drops the hidden flags of a listing of rows.
func WithoutHidden(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if n, cells, ok := strings.Cut(l, ":"); ok {
			lines[i] = strings.TrimSuffix(n, "h") + ":" + cells
		}
	}
	return strings.Join(lines, "")
}
