package calc

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// save writes f into the test's temporary directory.
func save(t *testing.T, f *excelize.File, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// must fails the test on an excelize error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func style(t *testing.T, f *excelize.File, format string) int {
	t.Helper()
	id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	must(t, err)
	return id
}

func checkSheets(t *testing.T, got, want map[string][][]string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	for name, rows := range want {
		if !reflect.DeepEqual(got[name], rows) {
			t.Errorf("sheet %q:\n got %q\nwant %q", name, got[name], rows)
		}
	}
	for name, rows := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected sheet %q: %q", name, rows)
		}
	}
}

func TestSheets(t *testing.T) {
	Require(t)
	t.Parallel()
	f := excelize.NewFile()
	must(t, f.SetSheetName("Sheet1", "Übersicht"))
	_, err := f.NewSheet("Daten")
	must(t, err)
	euro := style(t, f, `#,##0.00 "€"`)
	percent := style(t, f, "0.00%")
	number := style(t, f, "#,##0.####")

	s := "Übersicht"
	must(t, f.SetSheetRow(s, "A1", &[]any{"Posten", "Betrag"}))
	must(t, f.SetSheetRow(s, "A2", &[]any{"Miete, \"kalt\"", 1234567.5}))
	must(t, f.SetSheetRow(s, "A3", &[]any{"Zeile 1\nZeile 2", 0.1}))
	must(t, f.SetCellValue(s, "A4", "Summe"))
	must(t, f.SetCellFormula(s, "B4", "SUM(B2:B3)"))
	must(t, f.SetCellStyle(s, "B2", "B4", euro))
	must(t, f.SetCellValue(s, "A5", "Anteil"))
	must(t, f.SetCellValue(s, "B5", 0.125))
	must(t, f.SetCellFormula(s, "B6", "B5*2"))
	must(t, f.SetCellStyle(s, "B5", "B6", percent))
	must(t, f.SetCellValue(s, "A6", "50%")) // text, not a number

	d := "Daten"
	must(t, f.SetCellValue(d, "A1", 2))
	must(t, f.SetCellValue(d, "A2", 3))
	must(t, f.SetCellFormula(d, "A3", "A1*A2"))
	must(t, f.SetCellValue(d, "B1", 98765.4321))
	must(t, f.SetCellStyle(d, "B1", "B1", number))
	must(t, f.SetCellValue(d, "B2", true))
	must(t, f.SetCellFormula(d, "B3", "1/0"))
	must(t, f.SetCellValue(d, "C1", 1.0/3))

	got, err := Sheets(save(t, f, "bericht.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	checkSheets(t, got, map[string][][]string{
		"Übersicht": {
			{"Posten", "Betrag"},
			{"Miete, \"kalt\"", "1234567.5"},
			{"Zeile 1\nZeile 2", "0.1"},
			{"Summe", "1234567.6"},
			{"Anteil", "0.125"},
			{"50%", "0.25"},
		},
		"Daten": {
			{"2", "98765.4321", "0.333333333333333"},
			{"3", "TRUE", ""},
			{"6", "#DIV/0!", ""},
		},
	})
	if errs, want := Errors(got), []string{"Daten!B3: #DIV/0!"}; !reflect.DeepEqual(errs, want) {
		t.Errorf("Errors = %q, want %q", errs, want)
	}
}

// staleCache rewrites the XML of the first sheet: a formula cell written by
// excelize gets a cached number that does not match its formula. excelize
// has no API for that (SetCellValue then SetCellFormula keeps the value but
// marks it as text, which LibreOffice recalculates anyway).
func staleCache(t *testing.T, path, from, to string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	replaced := false
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			if !bytes.Contains(content, []byte(from)) {
				t.Fatalf("%s has no %s:\n%s", zf.Name, from, content)
			}
			content = bytes.Replace(content, []byte(from), []byte(to), 1)
			replaced = true
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !replaced {
		t.Fatal("no xl/worksheets/sheet1.xml")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSheetsRecalculates(t *testing.T) {
	Require(t)
	t.Parallel()
	f := excelize.NewFile()
	s := "Sheet1"
	must(t, f.SetCellValue(s, "A1", 2))
	must(t, f.SetCellValue(s, "A2", 3))
	must(t, f.SetCellFormula(s, "A3", "A1*A2")) // no cached value
	must(t, f.SetCellValue(s, "A4", 999))
	must(t, f.SetCellFormula(s, "A4", "A1+A2")) // cached "999", as text
	must(t, f.SetCellFormula(s, "A5", "A1-A2"))
	path := save(t, f, "stale.xlsx")
	staleCache(t, path, `<c r="A5" t="str"><f>A1-A2</f></c>`, `<c r="A5"><f>A1-A2</f><v>999</v></c>`)

	got, err := Sheets(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSheets(t, got, map[string][][]string{s: {{"2"}, {"3"}, {"6"}, {"5"}, {"-1"}}})

	// Without the setting LibreOffice shows the cached number: the stale
	// cell above really tests the recalculation.
	noRecalc := strings.Replace(registry, "<value>0</value>", "<value>1</value>", 1)
	got, err = sheets(path, noRecalc)
	if err != nil {
		t.Fatal(err)
	}
	if a5 := got[s][4][0]; a5 != "999" {
		t.Errorf("without OOXMLRecalcMode=0, A5 = %q, want the stale cached 999", a5)
	}
}

func TestSheetsLayout(t *testing.T) {
	Require(t)
	t.Parallel()
	f := excelize.NewFile()
	must(t, f.SetSheetName("Sheet1", "Liste"))
	for _, name := range []string{"Leer", "Q1 (2024) ä&ö", "Versteckt"} {
		_, err := f.NewSheet(name)
		must(t, err)
	}
	must(t, f.SetSheetVisible("Versteckt", false))
	must(t, f.SetCellValue("Liste", "A1", "x"))
	must(t, f.SetCellValue("Liste", "A3", "y")) // an empty line in the CSV
	must(t, f.SetCellValue("Q1 (2024) ä&ö", "C2", -0.5))
	must(t, f.SetCellFormula("Q1 (2024) ä&ö", "B3", `""`))
	must(t, f.SetCellValue("Versteckt", "A1", "#1"))

	got, err := Sheets(save(t, f, "layout.v2.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	checkSheets(t, got, map[string][][]string{
		"Liste":         {{"x"}, {""}, {"y"}},
		"Leer":          {},
		"Q1 (2024) ä&ö": {{"", "", ""}, {"", "", "-0.5"}, {"", "", ""}},
		"Versteckt":     {{"#1"}},
	})
	if errs := Errors(got); len(errs) != 0 {
		t.Errorf("Errors = %q, want none", errs)
	}
}

// TestErrorTexts checks that Errors knows what LibreOffice writes for each
// kind of formula error.
func TestErrorTexts(t *testing.T) {
	Require(t)
	t.Parallel()
	f := excelize.NewFile()
	s := "Fehler"
	must(t, f.SetSheetName("Sheet1", s))
	for i, formula := range []string{"1/0", "FOO(1)", "NA()", `"a"+1`, "#REF!+1", "SQRT(-1)", "1+1"} {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		must(t, err)
		must(t, f.SetCellFormula(s, cell, formula))
	}
	got, err := Sheets(save(t, f, "fehler.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Fehler!A1: #DIV/0!",
		"Fehler!A2: #NAME?",
		"Fehler!A3: #N/A",
		"Fehler!A4: #VALUE!",
		"Fehler!A5: #REF!",
		"Fehler!A6: Err:502", // LibreOffice's "invalid argument"; Excel shows #NUM!
	}
	if errs := Errors(got); !reflect.DeepEqual(errs, want) {
		t.Errorf("Errors = %q, want %q (cells %q)", errs, want, got[s])
	}
}

func TestSheetsMissingFile(t *testing.T) {
	if _, err := Sheets(filepath.Join(t.TempDir(), "nope.xlsx")); err == nil {
		t.Error("Sheets of a missing file: no error")
	}
}

func TestErrors(t *testing.T) {
	sheets := map[string][][]string{
		"B": {{"1", "#NUM!"}, {"Err:504", "#NULL!"}},
		"A": {
			{"#DIV/0!", "#N/A", "text", "#1", "Err:", "#ERR", "#ERR502"},
			{"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "#SPILL!"},
		},
	}
	want := []string{
		"A!A1: #DIV/0!", "A!B1: #N/A", "A!F1: #ERR", "A!G1: #ERR502", "A!AA2: #SPILL!",
		"B!B1: #NUM!", "B!A2: Err:504", "B!B2: #NULL!",
	}
	if got := Errors(sheets); !reflect.DeepEqual(got, want) {
		t.Errorf("Errors =\n %q\nwant\n %q", got, want)
	}
	if got := Errors(nil); got != nil {
		t.Errorf("Errors(nil) = %q", got)
	}
}

func TestPercentToFraction(t *testing.T) {
	for in, want := range map[string]string{
		"50%":               "0.5",
		"12.5%":             "0.125",
		"12.3456789%":       "0.123456789",
		"100%":              "1",
		"250%":              "2.5",
		"0%":                "0",
		"-0%":               "0",
		"5%":                "0.05",
		"-0.01234%":         "-0.0001234",
		"0.0000001%":        "0.000000001",
		"1234567.8901234%":  "12345.678901234",
		"33.3333333333333%": "0.333333333333333",
		"1E+022%":           "1E+020",
		"-1.5E-018%":        "-1.5E-020",
	} {
		if got, ok := percentToFraction(in); !ok || got != want {
			t.Errorf("percentToFraction(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"50", "%", "abc%", "1,5%", "12.%", " 5%", "5 %", "1e5%"} {
		if got, ok := percentToFraction(in); ok {
			t.Errorf("percentToFraction(%q) = %q, want no number", in, got)
		}
	}
}

func TestParseCSV(t *testing.T) {
	for _, tc := range []struct {
		in     string
		rows   [][]string
		quoted [][]bool
	}{
		{"", [][]string{}, [][]bool{}},
		{"\n", [][]string{}, [][]bool{}},
		{"\n\n", [][]string{}, [][]bool{}},
		{"x\n\ny\n", [][]string{{"x"}, {""}, {"y"}}, [][]bool{{false}, {false}, {false}}},
		{"a,1\n", [][]string{{"a", "1"}}, [][]bool{{false, false}}},
		{"a,1", [][]string{{"a", "1"}}, [][]bool{{false, false}}},
		{"a,", [][]string{{"a", ""}}, [][]bool{{false, false}}},
		{",\n", [][]string{}, [][]bool{}},
		{`"a ""b"", c",2` + "\n", [][]string{{`a "b", c`, "2"}}, [][]bool{{true, false}}},
		{"\"l1\nl2\n\",3\n\"\",\n", [][]string{{"l1\nl2\n", "3"}, {"", ""}}, [][]bool{{true, false}, {true, false}}},
		{"a,b\r\n\"c\"\r\n", [][]string{{"a", "b"}, {"c"}}, [][]bool{{false, false}, {true}}},
		{"\ufeffa\n", [][]string{{"a"}}, [][]bool{{false}}},
	} {
		rows, quoted, err := parseCSV([]byte(tc.in))
		if err != nil {
			t.Errorf("parseCSV(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(rows, tc.rows) || !reflect.DeepEqual(quoted, tc.quoted) {
			t.Errorf("parseCSV(%q) = %q %v, want %q %v", tc.in, rows, quoted, tc.rows, tc.quoted)
		}
	}
	for _, in := range []string{`"a`, `"a"b`, `a"b`} {
		if _, _, err := parseCSV([]byte(in)); err == nil {
			t.Errorf("parseCSV(%q): no error", in)
		}
	}
}
