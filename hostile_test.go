package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/unicode"
)

// hostile KIND OUT writes a small crafted input of the kind that careless
// or hostile users give (issue 11), for testdata/script/hostile.txtar: the
// files are made here, so that the scripts hold no binary blobs. Each
// workbook holds the default columns and the offices Nord and Süd.
func hostile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: hostile kind out")
	}
	make, ok := hostileKinds[args[0]]
	if !ok {
		ts.Fatalf("unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), make(), 0o644))
}

var hostileKinds = map[string]func() []byte{
	// issue 10, finding 6
	"sst-index": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+`<row r="3">`+istr("A3", "Süd")+`<c r="B3" t="s"><v>x1</v></c></row>`), sst("Bezirksstelle"), nil)
	},
	"sst-range": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+`<row r="3">`+istr("A3", "Süd")+`<c r="B3" t="s"><v>5</v></c></row>`), sst("Bezirksstelle"), nil)
	},
	"foreign-ns": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+`<row r="3">`+istr("A3", "Süd")+`<foo:c xmlns:foo="urn:foo" r="B3"><foo:v>9</foo:v></foo:c></row>`), "", nil)
	},
	"mismatched": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+`<row r="3">`+istr("A3", "Süd")+`<c r="B3"><v>9</c></v></row>`), "", nil)
	},
	"bad-utf8": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>S\xfcd</t></is></c></row>"), "", nil)
	},
	// issue 11, finding 2: a very hidden sheet "Alt" first, with other
	// figures, the real data second.
	"hidden-first": func() []byte {
		return twoSheets(`state="veryHidden"`, sheetOf(dataRow(2, "Nord", 900, 900, 900, 900, 900)+dataRow(3, "Süd", 1, 1, 1, 1, 1)))
	},
	// issue 11, finding 3: a date (format 14, shown as 15.03.2023), a
	// boolean 7, two entries of one name.
	"date-cell": func() []byte {
		styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+`<row r="3">`+istr("A3", "Süd")+`<c r="B3" s="1"><v>45000</v></c><c r="C3"><v>1</v></c></row>`), "",
			[]part{{"xl/styles.xml", styles}})
	},
	"bool-7": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+`<row r="3">`+istr("A3", "Süd")+`<c r="B3" t="b"><v>7</v></c></row>`), "", nil)
	},
	"two-entries": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+dataRow(3, "Süd", 1, 2, 3, 4, 5)), "",
			[]part{{"xl/worksheets/sheet1.xml", sheetOf(dataRow(2, "Nord", 9, 9, 9, 9, 9))}})
	},
	// issue 11, finding 4: encodings
	"mixed-csv": func() []byte {
		return []byte(csvHead + "S\xfcd;1;2;3;4;5\r\nN\xc3\xb6rd;1;2;3;4;5\r\n")
	},
	"bom-1252-csv": func() []byte {
		return []byte("\xef\xbb\xbf" + csvHeadUTF8 + "Nord;1;2;3;4;5\r\nS\xfcd;1;2;3;4;5\r\n")
	},
	"surrogate-csv": func() []byte {
		var b []byte
		for _, c := range "\ufeff" + csvHeadUTF8 + "Nord;1;2;3;4;5\r\nS\x00d;1;2;3;4;5\r\n" {
			if c == 0 {
				c = 0xD800 // half of a surrogate pair
			}
			b = append(b, byte(c), byte(c>>8))
		}
		return b
	},
	// issue 11, finding 13: a workbook listing n sheets, all of one part
	"many-sheets": func() []byte { return sheetsBook(100_000) },
	"1000-sheets": func() []byte { return sheetsBook(1000) },
	// issue 11, finding 18
	"ods": func() []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
		w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
		w, _ = zw.Create("content.xml")
		w.Write([]byte(`<office:document-content/>`))
		zw.Close()
		return b.Bytes()
	},
	"xls": func() []byte {
		return append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...)
	},
	"utf16-part": func() []byte {
		sheet, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)))
		return book(sheet, "", nil)
	},
	// issue 11, finding 17
	"long-name": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+dataRow(3, strings.Repeat("Süd", 11000), 1, 2, 3, 4, 5)), "", nil)
	},
	"nul-name": func() []byte {
		return book(sheetOf(dataRow(2, "Nord", 1, 2, 3, 4, 5)+dataRow(3, "S\x00d", 1, 2, 3, 4, 5)), "", nil)
	},
}

// csvHead is the heading line of the default columns, as German Excel
// writes it.
var csvHead = "Bezirksstelle;Einwohner 0-18;SGB II/XII;Migranten 0-18;Freifl\xe4che m\xb2;Mittelabfluss Vorjahr\r\n"

var csvHeadUTF8 = "Bezirksstelle;Einwohner 0-18;SGB II/XII;Migranten 0-18;Freifläche m²;Mittelabfluss Vorjahr\r\n"

// headings are the default columns, A to F.
var headings = []string{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²", "Mittelabfluss Vorjahr"}

func istr(ref, s string) string {
	var b bytes.Buffer
	b.WriteString(`<c r="` + ref + `" t="inlineStr"><is><t>`)
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '&':
			b.WriteString("&amp;")
		case 0:
			b.WriteString("_x0000_") // as Excel escapes what XML cannot hold
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`</t></is></c>`)
	return b.String()
}

// dataRow is row n: a unit and its values in columns B to F.
func dataRow(n int, unit string, values ...float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	b.WriteString(istr(fmt.Sprintf("A%d", n), unit))
	for i, v := range values {
		fmt.Fprintf(&b, `<c r="%c%d"><v>%v</v></c>`, 'B'+i, n, v)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// sheetOf is a sheet with the headings in row 1 (the first one a shared
// string, if the workbook has any) and rows below.
func sheetOf(rows string) string {
	var head strings.Builder
	head.WriteString(`<row r="1">`)
	for i, h := range headings {
		head.WriteString(istr(fmt.Sprintf("%c1", 'A'+i), h))
	}
	head.WriteString(`</row>`)
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		head.String() + rows + `</sheetData></worksheet>`
}

func sst(items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%[1]d">`, len(items))
	for _, it := range items {
		b.WriteString("<si><t>" + it + "</t></si>")
	}
	b.WriteString("</sst>")
	return b.String()
}

// book zips a workbook of one sheet "Daten", its shared strings (none if
// ""), and extra parts, in order.
func book(sheet, sharedStrings string, extra []part) []byte {
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	if sharedStrings != "" {
		parts = append(parts, part{"xl/sharedStrings.xml", sharedStrings})
	}
	return zipParts(append(parts, extra...))
}

// twoSheets is a workbook of a sheet "Alt" with the attributes attrs
// (such as a state) and the sheet first, and a sheet "Daten" of Nord and
// Süd.
func twoSheets(attrs, first string) []byte {
	b := book(sheetOf(dataRow(2, "Nord", 100, 50, 20, 1000, 5000)+dataRow(3, "Süd", 100, 50, 20, 1000, 5000)), "",
		[]part{{"xl/worksheets/sheet2.xml", first}})
	return rezip(b, func(name, content string) string {
		switch name {
		case "xl/workbook.xml":
			return strings.Replace(content, `<sheet name="Daten" sheetId="1" r:id="rId1"/>`,
				`<sheet name="Alt" sheetId="2" r:id="rId3" `+attrs+`/><sheet name="Daten" sheetId="1" r:id="rId1"/>`, 1)
		case "xl/_rels/workbook.xml.rels":
			return strings.Replace(content, `</Relationships>`,
				`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`, 1)
		}
		return content
	})
}

// rezip rewrites the parts of a zip.
func rezip(b []byte, edit func(name, content string) string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		panic(err)
	}
	var parts []part
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			panic(err)
		}
		var content bytes.Buffer
		content.ReadFrom(rc)
		rc.Close()
		parts = append(parts, part{f.Name, edit(f.Name, content.String())})
	}
	return zipParts(parts)
}

// sheetsBook lists n sheets S1, S2, ..., of the data of Nord and Süd.
func sheetsBook(n int) []byte {
	b := book(sheetOf(dataRow(2, "Nord", 100, 50, 20, 1000, 5000)+dataRow(3, "Süd", 100, 50, 20, 1000, 5000)), "", nil)
	var sheets strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sheets, `<sheet name="S%d" sheetId="%[1]d" r:id="rId1"/>`, i)
	}
	return rezip(b, func(name, content string) string {
		if name == "xl/workbook.xml" {
			return strings.Replace(content, `<sheet name="Daten" sheetId="1" r:id="rId1"/>`, sheets.String(), 1)
		}
		return content
	})
}

type part struct{ name, content string }

// zipParts zips the parts in order; a name may come twice.
func zipParts(parts []part) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(p.content))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}
