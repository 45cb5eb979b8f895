package indicators

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/raumbudget/raumbudget/internal/msg"
)

func TestCSVEncodings(t *testing.T) {
	const text = "Bezirksstelle;Freifläche m²;Einwohner 0-18\r\nSüd;1.234,5;10\r\nNord;0,5;20\r\n"
	const want = "Süd@2×1: 10 2469/2\nNord@3×1: 20 1/2\n"
	utf16 := func(e unicode.Endianness) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16NoBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	cp1252 := strings.NewReplacer("ü", "\xfc", "ä", "\xe4", "²", "\xb2").Replace(text)
	for name, data := range map[string][]byte{
		"utf8":          []byte(text),
		"utf8 bom":      append([]byte("\xef\xbb\xbf"), text...),
		"windows-1252":  []byte(cp1252),
		"utf16le bom":   utf16(unicode.LittleEndian),
		"utf16be bom":   utf16(unicode.BigEndian),
		"utf16le plain": utf16NoBOM,
	} {
		schema := Schema{Indicators: []string{"youth_0_18", "open_space_m2"}}
		tb := mustRead(t)(Read(bytes.NewReader(data), "data.csv", schema, Options{}))
		if got := dump(tb); got != want {
			t.Errorf("%s: got\n%swant\n%s", name, got, want)
		}
		if h := tb.Headings["open_space_m2"]; h != "Freifläche m²" {
			t.Errorf("%s: heading %q", name, h)
		}
	}
}

// TestCSVWindows1252SplitChunk puts a multi-byte UTF-8 character across the
// 64 KiB chunks of the validity scan, which must not make it Windows-1252.
func TestCSVUTF8AcrossChunks(t *testing.T) {
	var b strings.Builder
	b.WriteString("Bezirksstelle;Einwohner 0-18;SGB II/XII;Notiz\n")
	b.WriteString("Süd;1;2;" + strings.Repeat("x", 64<<10-b.Len()-len("Süd;1;2;")-1) + "äöü\n")
	tb := mustRead(t)(readString("data.csv", b.String(), two))
	if tb.Units[0].Name != "Süd" {
		t.Errorf("name %q", tb.Units[0].Name)
	}
}

func TestCSVSeparators(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"semicolon", "Bezirksstelle;Einwohner 0-18;SGB II/XII\nA;1.234;0,5\n", "A@2×1: 1234 1/2\n"},
		{"tab", "Bezirksstelle\tEinwohner 0-18\tSGB II/XII\nA\t1.234\t0,5\n", "A@2×1: 1234 1/2\n"},
		{"comma", "Bezirksstelle,Einwohner 0-18,SGB II/XII\nA,\"1,234\",0.5\n", "A@2×1: 1234 1/2\n"},
		{"blank lines first", "\n  \nBezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n", "A@4×1: 1 2\n"},
		{"crlf, padding, quotes", "\"Bezirksstelle\"; youth_0_18 ;sgb_recipients\r\n  A  ;\" 12 \";3 €\r\n", "A@2×1: 12 3\n"},
		{"trailing columns and rows", "Bezirksstelle;youth_0_18;sgb_recipients;;;\nA;1;2;;;\n;;;;;\n\n;;\n", "A@2×1: 1 2\n"},
		{"spacer column", "Bezirksstelle;;youth_0_18; ;sgb_recipients\nA;x;1;y;2\n", "A@2×1: 1 2\n"},
		{"empty cells right of the header", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2;; ;\n", "A@2×1: 1 2\n"},
		{"comma, trailing separators", "Bezirksstelle,youth_0_18,sgb_recipients,,\nA,1.5,2,,\n", "A@2×1: 3/2 2\n"},
		{"blank rows between", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n;;\nB;3;4\n", "A@2×1: 1 2\nB@4×1: 3 4\n"},
		{"no final newline", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2", "A@2×1: 1 2\n"},
		{"excel sep line", "sep=;\r\nBezirksstelle;youth_0_18;sgb_recipients\r\nA;1,5;2\r\n", "A@3×1: 3/2 2\n"},
		{"excel sep line tab", "SEP=\t\nBezirksstelle\tyouth_0_18\tsgb_recipients\nA\t1,5\t2\n", "A@3×1: 3/2 2\n"},
		{"excel sep line comma", "sep=,\nBezirksstelle,Notiz;Text,youth_0_18,sgb_recipients\nA,x;y,1.5,2\n", "A@3×1: 3/2 2\n"},
		{"excel sep line pipe", "sep=|\nBezirksstelle|youth_0_18|sgb_recipients\nA|1,5|2\n", "A@3×1: 3/2 2\n"},
		{"unknown columns ignored", "Nr;Bezirksstelle;Bemerkung;youth_0_18;Summe;sgb_recipients\n1;A;x;1;99;2\n", "A@2×1: 1 2\n"},
	}
	for _, tt := range tests {
		tb, err := readString("data.csv", tt.in, two)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := dump(tb); got != tt.want {
			t.Errorf("%s: got\n%swant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestCSVMultiLineCell: a quoted cell with line breaks moves the lines of
// everything after it, and errors must still name the line the user sees.
func TestCSVMultiLineCell(t *testing.T) {
	in := "Bezirksstelle;Notiz;youth_0_18;sgb_recipients\n" +
		"A;\"eins\nzwei\ndrei\";1;2\n" +
		"B;;3;4\n"
	tb := mustRead(t)(readString("data.csv", in, two))
	if got, want := dump(tb), "A@2×1: 1 2\nB@5×1: 3 4\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	_, err := readString("data.csv", in+"C;;x;4\n", two)
	wantError(t, err, `data.csv:6: column "youth_0_18": "x" is not a number`)
	// The error is in the cell after the multi-line one, two lines down.
	_, err = readString("data.csv", "Bezirksstelle;Notiz;youth_0_18;sgb_recipients\nA;\"eins\nzwei\ndrei\";-1;2\n", two)
	wantError(t, err, `data.csv:4: column "youth_0_18": negative value -1`)
}

func TestCSVAggregation(t *testing.T) {
	in := "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII;Mittelabfluss Vorjahr\n" +
		"B;Altendorf;0,1;1;100,10 €\n" +
		"A;Frohnhausen;1.000;2;50\n" +
		"B;Borbeck;0,2;3;0,01\n" +
		"C;Kettwig;0;0;0\n" +
		"A;Holsterhausen;1;4;50\n"
	tb := mustRead(t)(readString("data.csv", in, two))
	want := "B@2×2: 3/10 4 S=10011/100\nA@3×2: 1001 6 S=100\nC@5×1: 0 0 S=0\n"
	if got := dump(tb); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if !tb.HasArea || !tb.HasSpending || tb.Headings["area"] != "Stadtteil" {
		t.Errorf("HasArea %v HasSpending %v Headings %v", tb.HasArea, tb.HasSpending, tb.Headings)
	}
}

// TestCSVAreaLevels: a table with several built-in area headings, as
// Essen's Bezirksstelle › Stadtbezirk › Stadtteil, sums the finest one and
// ignores the coarser, whose names repeat.
func TestCSVAreaLevels(t *testing.T) {
	tests := []struct{ name, header, rows, area string }{
		{"Bezirk, Stadtteil", "Bezirksstelle;Bezirk;Stadtteil", "A;I;a\nA;I;b\nB;I;c\n", "Stadtteil"},
		{"Stadtteil, Bezirk", "Bezirksstelle;Stadtteil;Bezirk", "A;a;I\nA;b;I\nB;c;I\n", "Stadtteil"},
		{"Sozialraum, Bezirk", "Bezirksstelle;Bezirk;Sozialraum", "A;I;a\nA;I;b\nB;I;c\n", "Sozialraum"},
		{"all three", "Bezirksstelle;Bezirk;Sozialraum;Stadtteil", "A;I;s;a\nA;I;s;b\nB;I;s;c\n", "Stadtteil"},
		{"written otherwise", "Bezirksstelle;BEZIRK;stadt teil", "A;I;a\nA;I;b\nB;I;c\n", "stadt teil"},
	}
	for _, tt := range tests {
		in := tt.header + ";youth_0_18;sgb_recipients\n" + strings.ReplaceAll(tt.rows, "\n", ";1;2\n")
		tb, err := readString("data.csv", in, two)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got, want := dump(tb), "A@2×2: 2 4\nB@4×1: 1 2\n"; got != want || tb.Headings["area"] != tt.area {
			t.Errorf("%s: area %q, got\n%swant area %q,\n%s", tt.name, tb.Headings["area"], got, tt.area, want)
		}
	}
	// A repeated Stadtteil is still an error when a Bezirk column is there too.
	_, err := readString("data.csv", "Bezirksstelle;Bezirk;Stadtteil;youth_0_18;sgb_recipients\nA;I;a;1;2\nB;II;a;1;2\n", two)
	wantError(t, err, `data.csv:3: column "Stadtteil": area "a" appears again (first on line 2)`)
	// A heading from the config is the user's choice: a second area column
	// is a conflict, not a level.
	s := Schema{Indicators: two.Indicators, Headings: map[string]string{"Ortsteil": "area"}}
	_, err = readString("data.csv", "Bezirksstelle;Bezirk;Ortsteil;youth_0_18;sgb_recipients\nA;I;a;1;2\n", s)
	wantError(t, err, `data.csv:1: column "Ortsteil": means "area" like column "Bezirk"; remove one of them`)
	// A config entry that repeats a built-in heading changes nothing.
	s.Headings = map[string]string{"Stadtteil": "area"}
	tb := mustRead(t)(readString("data.csv", "Bezirksstelle;Bezirk;Stadtteil;youth_0_18;sgb_recipients\nA;I;a;1;2\n", s))
	if tb.Headings["area"] != "Stadtteil" {
		t.Errorf("area %q", tb.Headings["area"])
	}
}

func TestCSVSpendingColumn(t *testing.T) {
	in := "Bezirksstelle;youth_0_18;sgb_recipients;Mittelabfluss des Vorjahres\nA;1;2;kaputt\n"
	tb := mustRead(t)(readString("data.csv", in, Schema{Indicators: two.Indicators}))
	if tb.HasSpending || tb.Units[0].Spending != nil {
		t.Error("spending read although not allowed")
	}
	_, err := readString("data.csv", in, two)
	wantError(t, err, `data.csv:2: column "Mittelabfluss des Vorjahres": "kaputt" is not a number`)
	_, err = readString("data.csv", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n", Schema{Indicators: two.Indicators, NeedSpending: true})
	wantError(t, err, `data.csv: column "spending_prior_year" is missing (expected a heading like "Mittelabfluss Vorjahr")`)
	sp := mustRead(t)(readString("sp.csv", "Bezirksstelle;Mittelabfluss Vorjahr\nA;1.234,56\n", Schema{NeedSpending: true}))
	if got := dump(sp); got != "A@2×1: S=30864/25\n" {
		t.Errorf("got %s", got)
	}
}

func TestCSVHeadings(t *testing.T) {
	for _, h := range []string{
		"youth_0_18;SGB II/SGB XII",
		"Youth_0_18;sgb_recipients",
		"youth 0 18;Leistungsempfänger SGB II/XII",
		"EINWOHNER 0–18;SGB\u00a0II/XII",
		"Einwohner unter 18;sgb recipients",
	} {
		tb, err := readString("data.csv", "Bezirksstelle;"+h+"\nA;1;2\n", two)
		if err != nil || dump(tb) != "A@2×1: 1 2\n" {
			t.Errorf("%q: %v", h, err)
		}
	}
	for _, h := range []string{"Freifläche m²", "Freiflaeche m2", "freifläche m2", "open_space_m2", "Open Space M²"} {
		_, err := readString("data.csv", "Bezirksstelle;"+h+"\nA;1\n", Schema{Indicators: []string{"open_space_m2"}})
		if err != nil {
			t.Errorf("%q: %v", h, err)
		}
	}
	for _, h := range []string{"Stadtteil", "Sozialraum", "Bezirk", "area"} {
		tb, err := readString("data.csv", "Bezirksstelle;"+h+";youth_0_18;sgb_recipients\nA;x;1;2\n", two)
		if err != nil || !tb.HasArea {
			t.Errorf("%q: %v", h, err)
		}
	}
}

func TestCSVConfigHeadings(t *testing.T) {
	s := Schema{
		Indicators: []string{"youth_0_18", "kita_places"},
		Headings:   map[string]string{"Kita-Plätze": "kita_places", "Jugendliche": "youth_0_18", "BSt": "unit"},
	}
	tb := mustRead(t)(readString("data.csv", "BSt;Jugendliche;KITA-plätze\nA;1;2\n", s))
	if dump(tb) != "A@2×1: 1 2\n" || tb.Headings["kita_places"] != "KITA-plätze" {
		t.Errorf("got %s %v", dump(tb), tb.Headings)
	}
	_, err := readString("data.csv", "BSt;Jugendliche\nA;1\n", s)
	wantError(t, err, `data.csv: column "kita_places" is missing (expected a heading like "Kita-Plätze")`)
	_, err = readString("data.csv", "Bezirksstelle;x\nA;1\n", Schema{Indicators: []string{"foo"}})
	wantError(t, err, `data.csv: column "foo" is missing (expected a heading like "foo")`)
}

func TestCSVBadInput(t *testing.T) {
	const h = "Bezirksstelle;Einwohner 0-18;SGB II/XII\n"
	const ha = "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\n"
	tests := []struct{ name, in, want string }{
		{"not a number", h + "A;1;2\nB;3;abc\n", `data.csv:3: column "SGB II/XII": "abc" is not a number`},
		{"german 1.5", h + "A;1.5;2\n", `data.csv:2: column "Einwohner 0-18": "1.5" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{"empty value", h + "A;1;\n", `data.csv:2: column "SGB II/XII": empty value`},
		{"blank value", h + "A; ;2\n", `data.csv:2: column "Einwohner 0-18": empty value`},
		{"short row", h + "A;1\n", `data.csv:2: column "SGB II/XII": empty value`},
		{"negative", h + "A;1;-5\n", `data.csv:2: column "SGB II/XII": negative value -5`},
		{"negative german", h + "A;-1.234,5 €;2\n", `data.csv:2: column "Einwohner 0-18": negative value -1.234,5 €`},
		{"empty unit", h + "A;1;2\n;3;4\n", `data.csv:3: column "Bezirksstelle": empty unit name`},
		{"empty unit, note only", h + "A;1;2\n;;Quelle: Statistik\n", `data.csv:3: column "Bezirksstelle": empty unit name`},
		{"total row", h + "A;1;2\nSumme;1;3\n", `data.csv:3: column "SGB II/XII": "Summe" looks like a total row, but it does not add up: 3 here, the rows above sum to 2; correct or remove it`},
		{"total row city", h + "A;1;2\nB;0,5;1\nSumme Stadt;1,25;3\n", `data.csv:4: column "Einwohner 0-18": "Summe Stadt" looks like a total row, but it does not add up: 1.25 here, the rows above sum to 1.5; correct or remove it`},
		{"total row gesamt", h + "A;1;2\n  GESAMT ;1;2\nB;1;2\n", `data.csv:3: column "Bezirksstelle": "GESAMT" looks like a total row; remove it`},
		{"total row insgesamt", h + "Insgesamt;1;2\n", `data.csv:2: column "Bezirksstelle": "Insgesamt" looks like a total row; remove it`},
		{"total row with words", h + "A;1;2\nSumme Stadt:;1;2\n\n;;\nB;1;2\n", `data.csv:3: column "Bezirksstelle": "Summe Stadt:" looks like a total row; remove it`},
		{"total row, bad value", h + "A;1;2\nSumme;x;2\n", `data.csv:3: column "Einwohner 0-18": "x" is not a number`},
		{"total row total", h + "Total;1;2\n", `data.csv:2: column "Bezirksstelle": "Total" looks like a total row; remove it`},
		{"total area", ha + "A;Summe A;1;2\n", `data.csv:2: column "Stadtteil": "Summe A" looks like a total row; remove it`},
		{"duplicate unit", h + "A;1;2\nB;1;2\nA;1;2\n", `data.csv:4: column "Bezirksstelle": unit "A" appears again (first on line 2)`},
		{"duplicate area", ha + "A;Altendorf;1;2\nB;Borbeck;1;2\nB;Altendorf;1;2\n", `data.csv:4: column "Stadtteil": area "Altendorf" appears again (first on line 2)`},
		{"empty area", ha + "A;Altendorf;1;2\nA;;3;4\n", `data.csv:3: column "Stadtteil": empty area name`},
		{"missing indicator", "Bezirksstelle;SGB II/XII\nA;1\n", `data.csv: column "youth_0_18" is missing (expected a heading like "Einwohner 0-18")`},
		{"missing unit", "Name;youth_0_18;sgb_recipients\nA;1;2\n", `data.csv: column "unit" is missing (expected a heading like "Bezirksstelle")`},
		{"same key twice", "Bezirksstelle;Einwohner 0-18;sgb_recipients;Einwohner unter 18\nA;1;2;3\n", `data.csv:1: column "Einwohner unter 18": means "youth_0_18" like column "Einwohner 0-18"; remove one of them`},
		{"same heading twice", "Bezirksstelle;Einwohner 0-18;SGB II/XII;Einwohner 0-18\nA;1;2;3\n", `data.csv:1: column "Einwohner 0-18": means "youth_0_18" like column "Einwohner 0-18"; remove one of them`},
		{"same unit twice", "Bezirksstelle;unit;youth_0_18;sgb_recipients\n", `data.csv:1: column "unit": means "unit" like column "Bezirksstelle"; remove one of them`},
		{"same key twice, later header line", "\n;;\nBezirksstelle;youth_0_18;youth 0 18\n", `data.csv:3: column "youth 0 18": means "youth_0_18" like column "youth_0_18"; remove one of them`},
		{"area key and built-in area", "Bezirksstelle;area;Stadtteil;youth_0_18;sgb_recipients\n", `data.csv:1: column "Stadtteil": means "area" like column "area"; remove one of them`},
		{"same area heading twice", "Bezirksstelle;Stadtteil;Bezirk;Stadtteil;youth_0_18;sgb_recipients\n", `data.csv:1: column "Stadtteil": means "area" like column "Stadtteil"; remove one of them`},
		{"header only", h, `data.csv:1: no data rows below the header`},
		{"empty file", "", `data.csv: no header row; the table is empty`},
		{"blank file", "\n;;\n \n", `data.csv: no header row; the table is empty`},
		{"zip named csv", "PK\x03\x04rest", `data.csv: not CSV text but a zip archive (an xlsx workbook?); name it .xlsx`},
		{"xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", `data.csv: an old Excel 97-2003 workbook (.xls) or an encrypted one; save it in Excel as .xlsx (Excel workbook), without a password`},
		{"unclosed quote", h + "A;1;2\nB;\"3;4\nC;5;6\n", `data.csv:3: column "Einwohner 0-18": "3;4\nC;5;6" is not a number`},
		{"sep line counts", "sep=;\n" + h + "A;1;x\n", `data.csv:3: column "SGB II/XII": "x" is not a number`},
		{"newline in unit", h + "A;1;2\nB;1;2\n\"C\nD\";1;2\n", `data.csv:4: column "Bezirksstelle": a name must be one line`},
		{"crlf in unit", h + "\"A\r\nB\";1;2\n", `data.csv:2: column "Bezirksstelle": a name must be one line`},
		{"tab in unit", h + "A\tB;1;2\n", `data.csv:2: column "Bezirksstelle": a name holds a tab; replace it by a space`},
		{"NUL in unit", h + "A\x00B;1;2\n", `data.csv:2: column "Bezirksstelle": a name holds the control character U+0000, which no one sees; remove it`},
		{"cr in area", ha + "A;\"x\ry\";1;2\n", `data.csv:2: column "Stadtteil": a name must be one line`},
		{"line separator in area", ha + "A;x\u2028y;1;2\n", `data.csv:2: column "Stadtteil": a name must be one line`},
		{"control character in unit", h + "A\x07;1;2\n", `data.csv:2: column "Bezirksstelle": a name holds the control character U+0007, which no one sees; remove it`},
		{"newline inside a padded unit", h + "\" A \n B \";1;2\n", `data.csv:2: column "Bezirksstelle": a name must be one line`},
		{"note right of the table", h + "A;1;2\n;;;Quelle: Statistik\n", `data.csv:3: cell 4 has no heading`},
		{"long row", h + "A;1;2;note;more\n", `data.csv:2: cell 4 has no heading`},
		{"cell under an empty trailing heading", "Bezirksstelle;Einwohner 0-18;SGB II/XII;;\nA;1;2;;x\n", `data.csv:2: cell 5 has no heading`},
		{"no heading before the bad value", h + "A;1;x;note\n", `data.csv:2: cell 4 has no heading`},
		{"no heading after a multi-line cell", "Bezirksstelle;Notiz;youth_0_18;sgb_recipients\nA;\"x\ny\";1;2;3\n", `data.csv:3: cell 5 has no heading`},
		{"decimal comma in a comma file", "Bezirksstelle,Stadtteil,Einwohner 0-18,SGB II/XII,Migranten 0-18,Mittelabfluss Vorjahr\nA,a,1,2,3,4\nB,b,62815,8,2,3,4\n",
			`data.csv:3: cell 7 has no heading; is a number written with a decimal comma in a ','-separated file?`},
		{"decimal comma, sep line", "sep=,\nBezirksstelle,youth_0_18,sgb_recipients\nA,1,5,2\n", `data.csv:3: cell 4 has no heading; is a number written with a decimal comma in a ','-separated file?`},
	}
	for _, tt := range tests {
		_, err := readString("data.csv", tt.in, two)
		t.Run(tt.name, func(t *testing.T) { wantError(t, err, tt.want) })
	}
}

func TestCSVSchemaErrors(t *testing.T) {
	for _, tt := range []struct {
		s    Schema
		want string
	}{
		{Schema{Indicators: []string{"unit"}}, `data.csv: schema: "unit" is not an indicator key`},
		{Schema{Indicators: []string{"a", "a"}}, `data.csv: schema: indicator "a" is listed twice`},
		{Schema{Indicators: []string{" _ "}}, `data.csv: schema: empty indicator key`},
	} {
		_, err := readString("data.csv", "Bezirksstelle;a\nA;1\n", tt.s)
		wantError(t, err, tt.want)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daten.txt")
	if err := os.WriteFile(path, []byte("Bezirksstelle\tyouth_0_18\tsgb_recipients\nA\t1,5\t2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := mustRead(t)(ReadFile(path, two, Options{}))
	if tb.File != path || dump(tb) != "A@2×1: 3/2 2\n" {
		t.Errorf("got %s %s", tb.File, dump(tb))
	}
	missing := filepath.Join(dir, "fehlt.csv")
	_, err := ReadFile(missing, two, Options{})
	wantError(t, err, missing+": cannot open: no such file or directory")
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
		t.Errorf("missing file: %v does not unwrap to the *fs.PathError", err)
	}
	_, err = ReadFile(dir, two, Options{})
	wantError(t, err, dir+": cannot read: read "+dir+": is a directory")
}

func TestErrorPlacesCSV(t *testing.T) {
	in := "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\nA;x;1;2\nB;y;0;2\nA;z;1;2\n"
	tb := mustRead(t)(readString("data.csv", in, two))
	for _, tt := range []struct {
		err  *Error
		want string
	}{
		{tb.ErrorAt(1, "youth_0_18", msg.New("zero value in an inverse indicator")), `data.csv:3: column "Einwohner 0-18": zero value in an inverse indicator`},
		{tb.ErrorAt(0, "", msg.New("no column")), `data.csv:2: no column`},
		{tb.ErrorAt(9, "youth_0_18", msg.New("no such unit")), `data.csv: column "Einwohner 0-18": no such unit`},
		{tb.ColumnError("sgb_recipients", msg.New("total is 0 but weight is 0.25")), `data.csv: column "SGB II/XII": total is 0 but weight is 0.25`},
		{tb.ColumnError("other", msg.New("is not in the table")), `data.csv: column "other" is not in the table`},
		{&Error{File: "a\nb.csv", Line: 3, Msg: msg.New("x\ny")}, `a b.csv:3: x y`},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got\n\t%s\nwant\n\t%s", got, tt.want)
		}
	}
}

func TestCSVNamesThatOnlyStartLikeTotals(t *testing.T) {
	in := "Bezirksstelle;Einwohner 0-18;SGB II/XII\nGesamtschule Nord;1;2\nSummerfeld;3;4\n"
	got := dump(mustRead(t)(readString("data.csv", in, two)))
	if want := "Gesamtschule Nord@2×1: 1 2\nSummerfeld@3×1: 3 4\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestLongNames refuses a name longer than an Excel cell holds, which the
// report would cut short (issue 11, finding 17); one that fits is read.
func TestLongNames(t *testing.T) {
	const h = "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\n"
	long := strings.Repeat("ä", maxName)
	tb := mustRead(t)(readString("data.csv", h+long+";a;1;2\n", two))
	if tb.Units[0].Name != long {
		t.Errorf("name of %d bytes", len(tb.Units[0].Name))
	}
	_, err := readString("data.csv", h+"A;a;1;2\nB;"+long+"x;1;2\n", two)
	wantError(t, err, `data.csv:3: column "Stadtteil": a name of 32,768 characters is longer than the 32,767 an Excel cell holds`)
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>Bezirksstelle</t></is></c><c r="B1" t="inlineStr"><is><t>youth_0_18</t></is></c><c r="C1" t="inlineStr"><is><t>sgb_recipients</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>` + strings.Repeat("x", 40000) + `</t></is></c><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row>`
	_, err = readXLSXBytes(rawXLSX(t, rawParts(rawSheet(rows), "")), "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!A2: column "Bezirksstelle": a name of 40,000 characters is longer than the 32,767 an Excel cell holds`)
}

// TestTotalRows: a row whose values are the column sums of the rows above
// is a total row whatever its label, and is taken out of the data (issue
// 11, finding 1; issue 13).
func TestTotalRows(t *testing.T) {
	const h = "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII;Mittelabfluss Vorjahr\n"
	rows := "Nord;a;1.200;800;100,5\nNord;b;800;400;0\nMitte;c;500;600;20\nSüd;d;1.000;300;30\n"
	want := "Nord@2×2: 2000 1200 S=201/2\nMitte@4×1: 500 600 S=20\nSüd@5×1: 1000 300 S=30\n"
	for _, label := range []string{"Gesamtergebnis", "Alle Bezirksstellen", "Stadt gesamt", "Ges.", "Σ", "Sum", "Summe", "Essen"} {
		for _, area := range []string{"", "alle"} {
			in := h + rows + label + ";" + area + ";3.500;2.100;150,50\n"
			for _, s := range []Schema{two, all} {
				tb := mustRead(t)(readString("data.csv", in, s))
				if got := dump(tb); got != want || tb.TotalRow != 6 || len(tb.Problems) != 0 {
					t.Errorf("%q, area %q: total row %d, problems %v, got\n%s", label, area, tb.TotalRow, tb.Problems, got)
				}
			}
		}
	}
	// Not the sums: a unit like any other, unless its name says total.
	tb := mustRead(t)(readString("data.csv", h+rows+"Essen;e;3.500;2.100;150\n", two))
	if len(tb.Units) != 4 || tb.TotalRow != 0 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
	_, err := readString("data.csv", h+rows+"Gesamtergebnis;;3.500;2.100;150\n", two)
	wantError(t, err, `data.csv:6: column "Mittelabfluss Vorjahr": "Gesamtergebnis" looks like a total row, but it does not add up: 150 here, the rows above sum to 150.5; correct or remove it`)
	tb = mustRead(t)(readString("data.csv", h+rows+"Gesamtergebnis;;3.500;2.100;150\n", all))
	if got := problems(tb); got != `data.csv:6: column "Mittelabfluss Vorjahr": "Gesamtergebnis" looks like a total row, but it does not add up: 150 here, the rows above sum to 150.5; correct or remove it`+"\n" {
		t.Errorf("problems %s", got)
	}
	// Two units above at least: one unit and its copy are two units.
	tb = mustRead(t)(readString("data.csv", h+"Nord;a;1;2;3\nEssen;b;1;2;3\n", two))
	if len(tb.Units) != 2 || tb.TotalRow != 0 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
	// A total row alone.
	_, err = readString("data.csv", h+"Summe;;1;2;3\n", two)
	wantError(t, err, `data.csv:2: column "Bezirksstelle": "Summe" looks like a total row; remove it`)
}

// TestTotalRowsOneColumn: in a table of one column a row that adds up is
// not taken for a total row unless its name says so.
func TestTotalRowsOneColumn(t *testing.T) {
	in := "Bezirksstelle;Mittelabfluss Vorjahr\nNord;1\nMitte;2\nSüd;3\n"
	tb := mustRead(t)(readString("s.csv", in, Schema{NeedSpending: true}))
	if len(tb.Units) != 3 || tb.TotalRow != 0 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
	tb = mustRead(t)(readString("s.csv", in+"Summe;6\n", Schema{NeedSpending: true}))
	if len(tb.Units) != 3 || tb.TotalRow != 5 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
}

// TestCSVBrokenEncodings: mixed or invalid encodings are an error naming
// the line (issue 11, finding 4), not "NÃ¶rd" or U+FFFD in a report.
func TestCSVBrokenEncodings(t *testing.T) {
	const h = "Bezirksstelle;Einwohner 0-18;SGB II/XII\r\n"
	utf16 := func(units ...uint16) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	ascii16 := func(s string) []uint16 {
		var u []uint16
		for _, c := range s {
			u = append(u, uint16(c))
		}
		return u
	}
	var lb strings.Builder // past the first chunks
	for i := range 20000 {
		fmt.Fprintf(&lb, "Mitte %d;1;2\r\n", i)
	}
	long := lb.String()
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"cp1252 with a UTF-8 row", []byte(h + "S\xfcd;1;2\r\nN\xc3\xb6rd;3;4\r\n"),
			`data.csv:3: this line is UTF-8 and line 2 is not (Windows-1252?): the file mixes two encodings; save it again as CSV UTF-8`},
		{"UTF-8 with a cp1252 row", []byte(h + "N\xc3\xb6rd;3;4\r\n" + long + "S\xfcd;1;2\r\n"),
			`data.csv:20003: this line is not UTF-8 (Windows-1252?) and line 2 is: the file mixes two encodings; save it again as CSV UTF-8`},
		{"BOM and cp1252", []byte("\xef\xbb\xbf" + h + "Nord;1;2\r\n" + long + "S\xfcd;1;2\r\n"),
			`data.csv:20003: text that is not UTF-8, though the file starts with a UTF-8 byte order mark (Windows-1252?); save it again as CSV UTF-8`},
		{"BOM and a cut character", []byte("\xef\xbb\xbf" + h + "Nord;1;2\r\nS\xc3"),
			`data.csv:3: text that is not UTF-8, though the file starts with a UTF-8 byte order mark (Windows-1252?); save it again as CSV UTF-8`},
		{"unpaired surrogate", utf16(append(ascii16(h+"Nord;1;2\r\nS"), 0xD800, 'd', ';', '1', ';', '2', '\r', '\n')...),
			`data.csv:3: text that is not UTF-16 (half of a surrogate pair, or a character that cannot be read); save the file again`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.data), "data.csv", two, Options{})
			wantError(t, err, tt.want)
			_, err = Read(bytes.NewReader(tt.data), "data.csv", all, Options{})
			wantError(t, err, tt.want)
		})
	}
	// A pair of surrogates is one character.
	tb := mustRead(t)(Read(bytes.NewReader(utf16(append(ascii16(h+"A"), 0xD83D, 0xDE00, ';', '1', ';', '2')...)), "data.csv", two, Options{}))
	if tb.Units[0].Name != "A😀" {
		t.Errorf("name %q", tb.Units[0].Name)
	}
}

// repeated is a file of n bytes b after head, made as it is read.
type repeated struct {
	head string
	b    byte
}

func (r repeated) ReadAt(p []byte, off int64) (int, error) {
	for i := range p {
		if o := off + int64(i); o < int64(len(r.head)) {
			p[i] = r.head[o]
		} else {
			p[i] = r.b
		}
	}
	return len(p), nil
}

// TestCSVBounds: a record has at most 16,384 cells and a cell 128 KiB, so
// that a line of 100 MB of ';' cannot cost gigabytes (issue 11, finding
// 10); separators and quotes in quoted cells count as text.
func TestCSVBounds(t *testing.T) {
	const h = "Bezirksstelle;Notiz;Einwohner 0-18;SGB II/XII\n"
	for _, tt := range []struct {
		name, in, want string
	}{
		{"many cells", h + "A;x;1;2\n" + strings.Repeat(";", maxFields) + "\n", `data.csv:3: the line has more than 16,384 cells, more than Excel has columns; is it a table?`},
		{"a long cell", h + "A;" + strings.Repeat("x", maxFieldSize+1) + ";1;2\n", `data.csv:2: a cell longer than 128 KiB; is it a table? (an unclosed quote makes one cell of the rest of the file)`},
		{"an unclosed quote", h + "A;\"x;1;2\n" + strings.Repeat("B;y;1;2\n", 20000), `data.csv:16386: a cell longer than 128 KiB; is it a table? (an unclosed quote makes one cell of the rest of the file)`},
		{"sep line", "sep=;\n" + h + strings.Repeat(";", maxFields) + "\n", `data.csv:3: the line has more than 16,384 cells, more than Excel has columns; is it a table?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readString("data.csv", tt.in, two)
			wantError(t, err, tt.want)
		})
	}
	// Quoted separators, quotes and line ends are text of their cell.
	in := h + "A;\"" + strings.Repeat(";\"\"\n", maxFields) + "\";1;2\nB;\"x\"\"\";3;4\n"
	tb := mustRead(t)(readString("data.csv", in, two))
	if got := dump(tb); got != "A@2×1: 1 2\nB@16387×1: 3 4\n" {
		t.Errorf("got %s", got)
	}
	// 100 MB of ';' on one line, in little memory.
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := io.NewSectionReader(repeated{h + "A;x;1;2\n", ';'}, 0, 100<<20)
	_, err := Read(r, "data.csv", two, Options{})
	wantError(t, err, `data.csv:3: the line has more than 16,384 cells, more than Excel has columns; is it a table?`)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 32<<20 {
		t.Errorf("%d MB allocated", n>>20)
	}
}

func TestIsTotal(t *testing.T) {
	for name, want := range map[string]bool{
		"Summe": true, "SUMME:": true, "Summe Stadt": true, "Stadt gesamt": true, "Gesamt.": true, "Insgesamt": true,
		"Gesamtergebnis": true, "Gesamtsumme": true, "Endergebnis": true, "Ges.": true, "Sum": true, "Σ": true, "σ": true,
		"Total": true, "Zwischensumme": true, " Endsumme ": true,
		"Gesamtschule": false, "Summerfeld": false, "Bezirksstelle I": false, "Essen": false, "S": false, "": false, "Stadtteil Süd": false,
	} {
		if got := isTotal(name); got != want {
			t.Errorf("isTotal(%q) = %v", name, got)
		}
	}
}
