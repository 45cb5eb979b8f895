package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/raumbudget/raumbudget/internal/xlsx/xlsxtest"
)

var (
	rawSheet = xlsxtest.Sheet
	rawSST   = xlsxtest.SST
	rawParts = xlsxtest.Parts
	rawXLSX  = xlsxtest.Zip
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// tableOf makes a table of shared strings.
func tableOf(list []string) sharedTable {
	var t sharedTable
	for _, s := range list {
		t.text += s
		t.ends = append(t.ends, uint32(len(t.text)))
	}
	return t
}

// list returns the shared strings.
func (t sharedTable) list() []string {
	list := make([]string, t.len())
	for i := range list {
		list[i] = t.at(i)
	}
	return list
}

// testParts are the parts of a workbook.
func testParts(data []byte) (workbookParts, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	return zipParts(zr), nil
}

// scanned lists the rows that Rows reads from a sheet part, as
// xlsxtest.DumpRow does, each cell with a letter for its kind (see
// kindLetter) unless kinds is false.
func scanned(part []byte, sst []string, sstErr error, wrap func(io.Reader) io.Reader, kinds bool) (string, error) {
	r := newSheetReader(wrap(bytes.NewReader(part)))
	r.loadSST = func() (sharedTable, error) { return tableOf(sst), sstErr }
	var b strings.Builder
	for {
		err := r.read()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		dumpRow(&b, r, kinds)
	}
}

// dumpRow lists the current row of r, with the kinds of its cells if
// kinds is true.
func dumpRow(b *strings.Builder, r *Rows, kinds bool) {
	var letters []string
	if kinds {
		for _, k := range r.kinds {
			letters = append(letters, kindLetter[k])
		}
	}
	xlsxtest.DumpRow(b, r.row, r.hidden, r.cells, letters)
}

var kindLetter = map[Kind]string{NoValue: "-", Number: "n", SharedString: "s", InlineString: "i", FormulaString: "f", DateValue: "d", DateText: "d"}

func noWrap(r io.Reader) io.Reader { return r }

// sheetAgrees checks that Rows reads every sheet of a workbook as
// excelize does, but for what it refuses on purpose (ErrBadSheet) and
// malformed XML that encoding/xml refuses too.
func sheetAgrees(t testing.TB, data []byte) {
	t.Helper()
	parts, err := testParts(data)
	must(t, err)
	sheets, err := parts.sheets()
	must(t, err)
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.name
	}
	read := func(i int) (string, error) {
		r, err := parts.openSheet(sheets[i])
		if err != nil {
			return "", err
		}
		defer r.close()
		var b strings.Builder
		for err = r.read(); err == nil; err = r.read() {
			dumpRow(&b, r, false)
		}
		if err == io.EOF {
			err = nil
		}
		return b.String(), err
	}
	refused := func(i int, err error) bool {
		var xe *xmlError
		return errors.Is(err, ErrBadSheet) || errors.As(err, &xe) && !wellFormed(t, parts, sheets[i].part)
	}
	xlsxtest.Agrees(t, data, names, read, refused)
}

// wellFormed says whether encoding/xml reads the part without an error.
func wellFormed(t testing.TB, parts workbookParts, name string) bool {
	b, err := parts.read(name)
	must(t, err)
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err != nil {
			return err == io.EOF
		}
	}
}

// zeroTail reads as its bytes followed by zeros without end.
type zeroTail []byte

func (z zeroTail) ReadAt(p []byte, off int64) (int, error) {
	n := 0
	if off < int64(len(z)) {
		n = copy(p, z[off:])
	}
	clear(p[n:])
	return len(p), nil
}

var scanSST = []string{"a", "Bezirksstelle 1", ""}

var sheetTests = []struct {
	name, rows string
	want       string // or the error
}{
	{"types",
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c>` +
			`<c r="D1" t="str"><f>A1</f><v>a</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>` +
			`<c r="G1" t="n"><v>-1.5E-3</v></c><c r="H1" t="d"><v>2025-01-31T00:00:00</v></c></row>`,
		`1: s"a" n"1.5" i"x" f"a" n"1" n"#DIV/0!" n"-1.5E-3" d"2025-01-31T00:00:00"` + "\n"},
	{"entities",
		`<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&apos; &#65;&#x42;&#x20AC;&#8364;</t></is></c><c r="B1"><v>1&#46;5</v></c></row>`,
		`1: i"a & b <c> \"d' AB€€" n"1.5"` + "\n"},
	{"CDATA, comments and processing instructions",
		`<row r="1"><c r="A1" t="str"><v><![CDATA[<a&amp;]]><!-- </v> --><?pi </v>?>c</v></c></row>`,
		`1: f"<a&amp;c"` + "\n"},
	{"line ends",
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a&#13;&#10;b\r\nc\rd</t></is></c></row>",
		`1: i"a\r\nb\nc\nd"` + "\n"},
	{"rich inline string",
		`<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bezirks</t></r><r><t xml:space="preserve">stelle 1</t></r></is></c></row>`,
		`1: i"Bezirksstelle 1"` + "\n"},
	{"inline string with <t> and runs",
		`<row r="1"><c r="A1" t="inlineStr"><is><r><t>b</t></r><t>a</t><t>A</t><r><t>c</t><t>C</t></r></is></c></row>`,
		`1: i"AbC"` + "\n"},
	{"inline string without <is>",
		`<row r="1"><c r="A1" t="inlineStr"><v>v</v></c><c r="B1" t="inlineStr"/></row>`,
		`1: i"v"` + "\n"},
	{"cells without r",
		`<row r="2"><c><v>1</v></c><c t="s"><v>0</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>`,
		`2: n"1" s"a" -"" -"" n"5" n"6"` + "\n"},
	{"self-closing cells",
		`<row r="1"><c r="A1" s="1"/><c r="B1" s="2" t="s"/><c r="C1"><v>3</v></c><c r="D1"/><c r="E1"></c></row>`,
		`1: -"" -"" n"3"` + "\n"},
	{"rows without r",
		`<row><c r="A1"><v>1</v></c></row><row><c><v>2</v></c></row><row r="5"><c><v>5</v></c></row><row><c><v>6</v></c></row><row/><row><c><v>8</v></c></row>`,
		"1: n\"1\"\n2: n\"2\"\n5: n\"5\"\n6: n\"6\"\n8: n\"8\"\n"},
	{"white space in tags",
		"<row\r\n r = \"3\"\r\n hidden\t=\t'1' ><c\r\n\tt = 's'\r\n r = 'B3' ><v>\r\n 1 \r\n</v></c ><c r=\"C3\"\n/></row >",
		`3h: -"" s"Bezirksstelle 1"` + "\n"},
	{"attribute order and quotes",
		`<row spans="1:3" r='2' ht="15"><c t='inlineStr' s="1" r='B2'><is><t>x</t></is></c><c s='0' r="C2" t="s"><v>1</v></c></row>`,
		`2: -"" i"x" s"Bezirksstelle 1"` + "\n"},
	{"attribute values with '>' and entities",
		`<row r="&#49;" x:note="a>b"><c r="A&#49;" t="inl&#105;neStr"><is><t>x</t></is></c></row>`,
		`1: i"x"` + "\n"},
	{"namespace prefixes",
		`<x:row r="1"><x:c r="A1" x:t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>y</x:t></x:is></x:c></x:row>`,
		`1: s"a" i"y"` + "\n"},
	{"hidden rows",
		`<row r="1" hidden="1"><c><v>1</v></c></row><row r="2" hidden="true"><c><v>2</v></c></row><row r="3" hidden="0"><c><v>3</v></c></row>` +
			`<row r="4" hidden="false"><c><v>4</v></c></row><row r="5" hidden="x"><c><v>5</v></c></row><row r="6" hidden="T"><c><v>6</v></c></row>`,
		"1h: n\"1\"\n2h: n\"2\"\n3: n\"3\"\n4: n\"4\"\n5: n\"5\"\n6h: n\"6\"\n"},
	{"formulas",
		`<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>1+1</f></c><c r="C1"><f t="shared" si="0" ref="C1:C2"/></c></row>` +
			`<row r="2"><c r="C2"><f t="shared" si="0"/><v>7</v></c><c r="D2" t="str"><f>""</f><v></v></c></row>`,
		"1: n\"2\" -\"\" -\"\"\n2: -\"\" -\"\" n\"7\" -\"\"\n"},
	{"shared string index",
		`<row r="1"><c r="A1" t="s"><v> 1 </v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v></v></c></row>`,
		`1: s"Bezirksstelle 1" -"" s"a"` + "\n"},
	{"elements in values",
		`<row r="1"><c r="A1"><foo><v>1</v></foo></c><c r="B1"><v>2<x>3</x>4</v></c><c r="C1"><v>5</v><v>6</v></c><c r="D1" t="inlineStr"><is><t>a<b>c</b>d</t></is></c></row>`,
		`1: n"1" n"24" n"6" i"ad"` + "\n"},
	{"escaped characters",
		`<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b_x005F_x0041__x0041_ _xD800_ _x00zz_</t></is></c></row>`,
		"1: i\"a\\rb_x0041_A  _x00zz_\"\n"},
	{"doctype and comments outside rows",
		`<!-- <row r="9"><c><v>9</v></c></row> --><row r="1"><c><v>1</v></c></row>`,
		`1: n"1"` + "\n"},
	{"rows after the sheet data",
		`<row r="1"><c><v>1</v></c></row></sheetData><c r="Z9"><v>9</v></c><sheetData><row r="3"><c><v>3</v></c></row>`,
		"1: n\"1\"\n3: n\"3\"\n"},
	{"a row again without cells",
		`<row r="2"><c><v>2</v></c></row><row r="2" ht="20"/><row r="1"><c r="A1" s="1"/></row><row r="3"><c><v>3</v></c></row>`,
		"2: n\"2\"\n3: n\"3\"\n"},
	{"a cell placed before an empty one",
		`<row r="1"><c r="C1" s="1"/><c r="A1"><v>1</v></c></row>`,
		`1: n"1"` + "\n"},

	// Refused: excelize would put the values in other rows or columns.
	{"row out of order", `<row r="2"><c><v>2</v></c></row><row r="1"><c><v>1</v></c></row>`,
		"the sheet is damaged: row 1 comes after row 2"},
	{"row again", `<row r="2"><c><v>2</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>`,
		"the sheet is damaged: row 2 comes after row 2"},
	{"cell out of order", `<row r="2"><c r="B2"><v>2</v></c><c r="A2"><v>1</v></c></row>`,
		"the sheet is damaged: cell A2 comes after cell B2"},
	{"cell again", `<row r="2"><c r="B2"><v>2</v></c><c r="B2"><v>1</v></c></row>`,
		"the sheet is damaged: cell B2 comes after cell B2"},
	{"row beyond Excel's", `<row r="1048577"><c><v>2</v></c></row>`,
		"the sheet is damaged: row number 1048577 is out of range"},
	{"negative row", `<row r="-1"><c><v>2</v></c></row>`,
		"the sheet is damaged: row number -1 is out of range"},
	{"column beyond Excel's", `<row r="1"><c r="XFE1"><v>2</v></c></row>`,
		`the sheet is damaged: cell "XFE1" is beyond the last column`},
	{"cell without r beyond Excel's", `<row r="1"><c r="XFD1"><v>2</v></c><c><v>3</v></c></row>`,
		"the sheet is damaged: row 1 has more than 16384 columns"},

	{"boolean neither 0 nor 1", `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>7</v></c></row>`,
		`the sheet is damaged: boolean cell holds "7", not 0 or 1`},

	// Errors, as excelize has them.
	{"bad row number", `<row r="x"><c><v>2</v></c></row>`, `invalid row number "x"`},
	{"bad cell reference", `<row r="1"><c r="1A"><v>2</v></c></row>`, `invalid cell reference "1A"`},

	// Malformed XML, which excelize reads up to the error.
	{"unknown entity", `<row r="1"><c><v>&nbsp;</v></c></row>`, `malformed XML in row 1: unknown entity "&nbsp;"`},
	{"'&' alone", `<row r="1"><c><v>a & b</v></c></row>`, `malformed XML in row 1: '&' without an entity`},
	{"attribute without quotes", `<row r=1><c><v>1</v></c></row>`, `malformed XML: an attribute value without quotes`},
	{"'<' in a tag", `<row r="1"<c><v>1</v></c></row>`, `malformed XML: '<' in a tag`},
	{"cut short", `<row r="1"><c><v>1</v>`, `malformed XML in row 1: end tag </sheetData> does not match <c>`},

	// What the reader cannot read for sure, which excelize reads wrongly.
	{"shared string index beyond the table", `<row r="1"><c r="A1" t="s"><v>3</v></c></row>`,
		`the sheet is damaged: shared string index 3 is out of range (the workbook has 3 shared strings)`},
	{"shared string index not a number", `<row r="1"><c r="B1" t="s"><v>x</v></c></row>`,
		`the sheet is damaged: shared string index "x" is not a number`},
	{"negative shared string index", `<row r="1"><c r="B1" t="s"><v>-1</v></c></row>`,
		`the sheet is damaged: shared string index "-1" is not a number`},
	{"shared string index with a sign", `<row r="1"><c r="B1" t="s"><v>+1</v></c></row>`,
		`the sheet is damaged: shared string index "+1" is not a number`},
	{"cell of another namespace", `<row r="1"><foo:c xmlns:foo="urn:foo" r="A1"><v>1</v></foo:c></row>`,
		`the sheet is damaged: element <foo:c> is in namespace "urn:foo", not in SpreadsheetML's`},
	{"cell whose prefix is not declared", `<row r="1"><foo:c r="A1"><v>1</v></foo:c></row>`,
		`the sheet is damaged: element <foo:c> is in no namespace, not in SpreadsheetML's`},
	{"default namespace of another", `<row r="1" xmlns="urn:foo"><c r="A1"><v>1</v></c></row>`,
		`the sheet is damaged: element <row> is in namespace "urn:foo", not in SpreadsheetML's`},
	{"value of another namespace", `<row r="1"><c r="A1"><v xmlns="urn:foo">1</v></c></row>`,
		`the sheet is damaged: element <v> is in namespace "urn:foo", not in SpreadsheetML's`},
	{"main namespace by another prefix", `<m:row xmlns:m="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="2"><m:c m:r="A2" m:t="s"><m:v>1</m:v></m:c></m:row>`,
		`2: s"Bezirksstelle 1"` + "\n"},
	{"attribute of another namespace", `<row r="2"><c r="A2" foo:t="s" xmlns:foo="urn:foo"><v>1</v></c></row>`,
		`the sheet is damaged: attribute foo:t of <c> is not in SpreadsheetML's namespace`},
	{"mismatched end tag", `<row r="1"><c r="A1"><v>1</c></v></row>`,
		`malformed XML in row 1: end tag </c> does not match <v>`},
	{"end tag without start", `<row r="1"><c r="A1"><v>1</v></c></row></row>`,
		`malformed XML in row 1: end tag </row> does not match <sheetData>`},
	{"not UTF-8", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>N\xf6rd</t></is></c></row>",
		`malformed XML in row 1: text that is not UTF-8`},
	{"UTF-8 cut off", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>N\xc3</t></is></c></row>",
		`malformed XML in row 1: text that is not UTF-8`},
}

func TestSheetReader(t *testing.T) {
	for _, tt := range sheetTests {
		t.Run(tt.name, func(t *testing.T) {
			part := []byte(rawSheet(tt.rows))
			got, err := scanned(part, scanSST, nil, noWrap, true)
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			// The buffer's edges fall anywhere.
			for _, wrap := range []func(io.Reader) io.Reader{iotest.OneByteReader, iotest.HalfReader, iotest.DataErrReader} {
				slow, err := scanned(part, scanSST, nil, wrap, true)
				if err != nil {
					slow = err.Error()
				}
				if slow != got {
					t.Errorf("read in pieces: got\n%s\nwant\n%s", slow, got)
				}
			}
		})
	}
}

// TestSheetReaderAgrees reads the sheets of TestSheetReader with excelize.
func TestSheetReaderAgrees(t *testing.T) {
	sst := rawSST(scanSST...)
	for _, tt := range sheetTests {
		t.Run(tt.name, func(t *testing.T) {
			sheetAgrees(t, rawXLSX(t, rawParts(rawSheet(tt.rows), sst)))
		})
	}
}

// TestSheetReaderLongText reads values longer than the buffer, with
// entities and line ends at every offset.
func TestSheetReaderLongText(t *testing.T) {
	var long strings.Builder
	for i := range 30_000 {
		fmt.Fprintf(&long, "%d&amp;\r\n&#x20AC;", i)
	}
	want := strings.NewReplacer("&amp;", "&", "\r\n", "\n", "&#x20AC;", "€").Replace(long.String())
	part := []byte(rawSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>` + long.String() + `</t></is></c>` +
		`<c r="B1" t="str"><v><![CDATA[` + strings.Repeat("]\r\n", 50_000) + `]]></v></c></row>` +
		`<!--` + strings.Repeat("-", 100_000) + `--><row r="2" note="` + strings.Repeat(">", 100_000) + `"><c><v>2</v></c></row>`))
	for _, wrap := range []func(io.Reader) io.Reader{noWrap, iotest.OneByteReader} {
		r := newSheetReader(wrap(bytes.NewReader(part)))
		must(t, r.read())
		if len(r.cells) != 2 || r.cells[0] != want || r.cells[1] != strings.Repeat("]\n", 50_000) {
			t.Fatalf("cells of %d and %d bytes", len(r.cells[0]), len(r.cells[1]))
		}
		must(t, r.read())
		if r.row != 2 || len(r.cells) != 1 || r.cells[0] != "2" {
			t.Fatalf("row %d: %q", r.row, r.cells)
		}
		if err := r.read(); err != io.EOF {
			t.Fatal(err)
		}
	}
	// A tag that does not end is refused before it fills the memory.
	r := newSheetReader(io.MultiReader(strings.NewReader(`<worksheet><sheetData><row r="1" x="`), zeroTail(nil).reader()))
	if err := r.read(); err == nil || err.Error() != "a tag longer than 4 MiB" {
		t.Fatal(err)
	}
}

func (z zeroTail) reader() io.Reader { return io.NewSectionReader(z, 0, 1<<40) }

func TestSharedStrings(t *testing.T) {
	sst := rawSST(
		"plain",
		`<si><t xml:space="preserve"> padded </t></si>`,
		`<si><r><rPr><b/><sz val="11"/></rPr><t>Bezirks</t></r><r><t xml:space="preserve">stelle 1</t></r>`+
			`<rPh sb="0" eb="1"><t>ベ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>`,
		`<si/>`,
		`<si><t/></si>`,
		`<si><t>a</t><t>b</t></si>`,
		`<si><foo><t>skipped</t></foo><t>&lt;&amp;&gt;</t></si>`,
		`<si><t>1_x000D__x000A_2</t></si>`,
		`<other><si><t>not an item</t></si></other>`,
		`<x:si xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:t>prefixed</x:t></x:si>`,
	)
	parts, err := testParts(rawXLSX(t, rawParts(rawSheet(""), sst)))
	must(t, err)
	table, err := parts.sharedStrings()
	must(t, err)
	got := table.list()
	want := []string{"plain", " padded ", "Bezirksstelle 1", "", "", "b", "<&>", "1\r\n2", "prefixed"}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// excelize reads them alike.
	var rows strings.Builder
	for i := range want {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%[1]d" t="s"><v>%d</v></c></row>`, i+1, i)
	}
	sheetAgrees(t, rawXLSX(t, rawParts(rawSheet(rows.String()), sst)))

	for _, bad := range []string{`<foo/>`, `<sst><si><t>a</si></sst>`, `<sst><si><t>&bad;</t></si></sst>`,
		rawSST("a", `<si><foo:t xmlns:foo="urn:foo">b</foo:t></si>`), rawSST("a", `<foo:si xmlns:foo="urn:foo"><t>b</t></foo:si>`),
		rawSST("a", "\xff")} {
		parts, err := testParts(rawXLSX(t, rawParts(rawSheet(""), bad)))
		must(t, err)
		if _, err := parts.sharedStrings(); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// rowSource makes the XML of a sheet of n rows as it is read, so that the
// test holds no more of it than the reader does.
type rowSource struct {
	n, row int
	buf    []byte
}

func (s *rowSource) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.row > s.n+1:
			return 0, io.EOF
		case s.row == 0:
			s.buf = []byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		case s.row == s.n+1:
			s.buf = []byte(`</sheetData></worksheet>`)
		default:
			s.buf = fmt.Appendf(s.buf, `<row r="%d"><c r="A%[1]d" t="inlineStr"><is><t>Stadtteil %[1]d</t></is></c><c r="B%[1]d"><v>%[1]d.5</v></c></row>`, s.row)
		}
		s.row++
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// TestSheetReaderStreams reads many rows in the memory of one.
func TestSheetReaderStreams(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	const n = 200_000
	r := newSheetReader(&rowSource{n: n})
	rows := 0
	for ; r.read() == nil; rows++ {
		if r.row != rows+1 || r.cells[0] != fmt.Sprintf("Stadtteil %d", r.row) {
			t.Fatalf("row %d: %q", r.row, r.cells)
		}
	}
	if rows != n || len(r.x.buf) != scanBuffer || cap(r.text) > 100 || cap(r.cells) > 10 {
		t.Errorf("%d rows; buffer %d, row text %d, cells %d", rows, len(r.x.buf), cap(r.text), cap(r.cells))
	}
}

// itemSource makes a table of n empty shared strings as it is read.
type itemSource struct {
	n, i int
	buf  []byte
}

func (s *itemSource) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.i > s.n+1:
			return 0, io.EOF
		case s.i == 0:
			s.buf = []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		case s.i == s.n+1:
			s.buf = []byte(`</sst>`)
		default:
			s.buf = thousandItems
			s.i += 999
		}
		s.i++
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

var thousandItems = []byte(strings.Repeat(`<si/>`, 1000))

// TestSharedStringsBounded: 50 million empty shared strings are refused
// in little memory (issue 11, finding 14); each costs 4 bytes, not a
// string.
func TestSharedStringsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	read := func(n int) (sharedTable, error) {
		x := newXMLScanner(&itemSource{n: n})
		if _, err := x.next(); err != nil {
			return sharedTable{}, err
		}
		return readItems(x)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := read(50_000_000)
	runtime.ReadMemStats(&after)
	if err == nil || err.Error() != "more than 10000000 shared strings" {
		t.Fatal(err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 300<<20 { // in all, growing the offsets; a []string of them took 2.8 GB
		t.Errorf("%d MB allocated", n>>20)
	}
	tb, err := read(1_000_000)
	must(t, err)
	if tb.len() != 1_000_000 || tb.at(999_999) != "" {
		t.Errorf("%d strings", tb.len())
	}
}
