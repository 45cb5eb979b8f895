package indicators

import (
	"github.com/raumbudget/raumbudget/internal/msg"

	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The tables of these tests as the statistics office writes them (issue
// 13): a title and notes above the heading row, a total row and a source
// below the table. Each must read as the bare table does.
const bareCSV = "Bezirksstelle;Einwohner 0-18;SGB II/XII\nNord;1.200;800\nMitte;500;600\nSüd;1.000;300\n"

const bareDump = "Nord@%d×1: 1200 800\nMitte@%d×1: 500 600\nSüd@%d×1: 1000 300\n"

func bareAt(line int) string {
	return fmt.Sprintf(bareDump, line, line+1, line+2)
}

func TestFramedCSV(t *testing.T) {
	framed := "Einwohner und Leistungsbezug nach Bezirksstellen\n" +
		"Stadt Essen, Stand 31.12.2025;;\n" +
		";;\n" +
		bareCSV +
		"Insgesamt;2.700;1.700\n" +
		";;\n" +
		"Quelle: IT.NRW, Stand 31.12.2025;;\n" +
		"* vorläufige Werte\n"
	for _, s := range []Schema{two, all} {
		tb := mustRead(t)(readString("data.csv", framed, s))
		if got := dump(tb); got != bareAt(5) {
			t.Errorf("got\n%swant\n%s", got, bareAt(5))
		}
		if tb.HeadingRow != 4 || tb.TotalRow != 8 || len(tb.Problems) != 0 {
			t.Errorf("heading row %d, total row %d, problems %v", tb.HeadingRow, tb.TotalRow, tb.Problems)
		}
		wantNotes(t, "titles", tb.Titles, "1: Einwohner und Leistungsbezug nach Bezirksstellen\n2: Stadt Essen, Stand 31.12.2025\n")
		wantNotes(t, "notes", tb.Notes, "10: Quelle: IT.NRW, Stand 31.12.2025\n11: * vorläufige Werte\n")
	}
	bare := mustRead(t)(readString("data.csv", bareCSV, two))
	if bare.HeadingRow != 1 || bare.Titles != nil || bare.Notes != nil || bare.TotalRow != 0 {
		t.Errorf("bare: heading row %d, titles %v, notes %v, total row %d", bare.HeadingRow, bare.Titles, bare.Notes, bare.TotalRow)
	}
}

// wantNotes compares notes, one "line: text" (or "cell: text") a line.
func wantNotes(t *testing.T, what string, notes []Note, want string) {
	t.Helper()
	var b strings.Builder
	for _, n := range notes {
		place := fmt.Sprint(n.Line)
		if n.Cell != "" {
			place = n.Cell
		}
		fmt.Fprintf(&b, "%s: %s\n", place, n.Text)
	}
	if b.String() != want {
		t.Errorf("%s:\n%swant\n%s", what, b.String(), want)
	}
}

// TestFramedCSVSeparator: a title line without a separator, or with the
// comma of prose, does not make a ';' file ','-separated.
func TestFramedCSVSeparator(t *testing.T) {
	for _, title := range []string{"Einwohner 2025\n", "Quelle: IT.NRW, Stand 31.12.2025\n\n", "sep=;\nEinwohner 2025\n"} {
		tb := mustRead(t)(readString("data.csv", title+bareCSV, two))
		if got := dump(tb); got != bareAt(tb.HeadingRow+1) || tb.HeadingRow != strings.Count(title, "\n")+1 {
			t.Errorf("%q: heading row %d, got\n%s", title, tb.HeadingRow, got)
		}
	}
	// A ','-separated file with a title stays one.
	tb := mustRead(t)(readString("data.csv", "Einwohner 2025\nBezirksstelle,Einwohner 0-18,SGB II/XII\nNord,1.5,2\nSüd,3,4\n", two))
	if got, want := dump(tb), "Nord@3×1: 3/2 2\nSüd@4×1: 3 4\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestHeadingRowSearch(t *testing.T) {
	// The heading row in row 20 is found; in row 21 it is not.
	at := func(line int) string { return strings.Repeat("Titel\n", line-1) + bareCSV }
	tb := mustRead(t)(readString("data.csv", at(20), two))
	if tb.HeadingRow != 20 || len(tb.Titles) != 19 || dump(tb) != bareAt(21) {
		t.Errorf("heading row %d, %d titles, got\n%s", tb.HeadingRow, len(tb.Titles), dump(tb))
	}
	_, err := readString("data.csv", at(21), two)
	e := wantError(t, err, `data.csv: column "unit" is missing (expected a heading like "Bezirksstelle" in rows 1–20)`)
	if e.Column != "unit" || e.Found == nil || e.Near != "" {
		t.Errorf("found %q, near %q: not the error of a sheet of notes", e.Found, e.Near)
	}
	// A table that ends within the first 20 rows was searched whole.
	_, err = readString("data.csv", "Einwohner 2025\nName;Einwohner 0-18;SGB II/XII\nNord;1;2\n", two)
	e = wantError(t, err, `data.csv: column "unit" is missing (expected a heading like "Bezirksstelle")`)
	if got := strings.Join(e.Found, "|"); got != "Name|Einwohner 0-18|SGB II/XII" {
		t.Errorf("headings found %s, want those of the row most like a heading row", got)
	}
	// A misspelt unit heading below a title is suggested.
	_, err = readString("data.csv", "Einwohner 2025\n\nBezirkstelle;Einwohner 0-18;SGB II/XII\nNord;1;2\n", two)
	e = wantError(t, err, `data.csv:3: column "unit" is missing (expected a heading like "Bezirksstelle")`)
	if e.Near != "Bezirkstelle" {
		t.Errorf("near %q", e.Near)
	}
	// The user's own heading of the unit column, and the key, are found too.
	own := Schema{Indicators: two.Indicators, Headings: map[string]string{"Amt": "unit"}}
	tb = mustRead(t)(readString("data.csv", "Titel\nAmt;youth_0_18;sgb_recipients\nNord;1;2\n", own))
	if tb.HeadingRow != 2 || tb.Headings["unit"] != "Amt" {
		t.Errorf("heading row %d, headings %v", tb.HeadingRow, tb.Headings)
	}
	tb = mustRead(t)(readString("data.csv", "Titel\nunit;youth_0_18;sgb_recipients\nNord;1;2\n", two))
	if tb.HeadingRow != 2 {
		t.Errorf("heading row %d", tb.HeadingRow)
	}
	// A row that names the unit column only is no heading row: a sheet of
	// notes that explains the columns stays one.
	notes := "Spalte;Inhalt;Quelle\nBezirksstelle;Name der Bezirksstelle;Jugendamt\nEinwohner 0-18;Einwohner unter 18 Jahren;IT.NRW\n"
	_, err = readString("data.csv", notes, two)
	e = wantError(t, err, `data.csv: column "unit" is missing (expected a heading like "Bezirksstelle")`)
	if got := strings.Join(e.Found, "|"); got != "Spalte|Inhalt|Quelle" || e.Near != "" {
		t.Errorf("headings found %s, near %q", got, e.Near)
	}
	tb = mustRead(t)(readString("data.csv", "Bezirksstelle\n"+bareCSV, two))
	if tb.HeadingRow != 2 {
		t.Errorf("heading row %d", tb.HeadingRow)
	}
	// Twenty empty rows, then the table.
	_, err = readString("data.csv", strings.Repeat(";;\n", 20)+bareCSV, two)
	wantError(t, err, `data.csv: rows 1–20 are empty; the heading row (with a heading like "Bezirksstelle") must be one of them`)
}

// TestAboveHeadingRow: a number in a column of values above the heading
// row is a row of data, as in a table sorted with its heading row; it is
// refused, not dropped.
func TestAboveHeadingRow(t *testing.T) {
	sorted := "Amt A;3;4\nBezirksstelle;Einwohner 0-18;SGB II/XII\nNord;1;2\n"
	want := `data.csv:1: column "Einwohner 0-18": "3" is a number above the heading row (on line 2); only a title and notes may stand above it`
	_, err := readString("data.csv", sorted, two)
	wantError(t, err, want)
	tb := mustRead(t)(readString("data.csv", sorted, all))
	if got := problems(tb); got != want+"\n" || len(tb.Titles) != 0 {
		t.Errorf("problems %s, titles %v", got, tb.Titles)
	}
	// Text over the columns of values is a title.
	tb = mustRead(t)(readString("data.csv", ";Einwohner 2025;Stand: 31.12.\n"+bareCSV, two))
	wantNotes(t, "titles", tb.Titles, "1: Einwohner 2025 Stand: 31.12.\n")
}

// TestNotesBelow: text below an empty row, in the columns left of the
// values only, is a note; anything else is read as a row, and refused if
// it is bad; a note that rows of data follow is no note.
func TestNotesBelow(t *testing.T) {
	for _, tt := range []struct{ name, below, want string }{
		{"number in a column of values", "\nOst;;5\n", `data.csv:6: column "Einwohner 0-18": empty value`},
		{"text in a column of values", "\nQuelle:;IT.NRW\n", `data.csv:6: column "Einwohner 0-18": "IT.NRW" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{"a number only", "\n7;;\n", `data.csv:6: column "Einwohner 0-18": empty value`},
		{"right of the table", "\n;;;Quelle\n", `data.csv:6: cell 4 has no heading`},
		{"a note, then data", "\nQuelle: IT.NRW\nOst;1;2\n", `data.csv:6: "Quelle: IT.NRW" has no values, but rows of data follow it; fill in its values, or move it below the table as a note`},
		{"no empty row", "Quelle: IT.NRW\n", `data.csv:5: column "Einwohner 0-18": empty value`},
		// A lone name is a last unit whose values are missing, not a note.
		{"a name", "\nOst\n", `data.csv:6: column "Einwohner 0-18": empty value`},
		{"a name of two words", "\nBezirksstelle VII;;\n", `data.csv:6: column "Einwohner 0-18": empty value`},
		{"text without a note's mark", "\nvorläufige Werte\n", `data.csv:6: column "Einwohner 0-18": empty value`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readString("data.csv", bareCSV+tt.below, two)
			wantError(t, err, tt.want)
		})
	}
	for _, note := range []string{"Quelle IT.NRW", "Stand: 31.12.2025", "stand 31.12.2025", "¹ vorläufig", "1) vorläufig", "(1) vorläufig", "– ohne Gewähr", "Hinweis. Werte gerundet", "Source IT.NRW"} {
		tb := mustRead(t)(readString("data.csv", bareCSV+"\n"+note+"\n", two))
		wantNotes(t, note, tb.Notes, "6: "+note+"\n")
	}
	// With AllProblems, the rows of data after a note are read.
	tb := mustRead(t)(readString("data.csv", bareCSV+"\nQuelle: IT.NRW\nOst;1;2\n\nStand 2025\n", all))
	if got, want := problems(tb), `data.csv:6: "Quelle: IT.NRW" has no values, but rows of data follow it; fill in its values, or move it below the table as a note`+"\n"; got != want {
		t.Errorf("problems %s, want %s", got, want)
	}
	if len(tb.Units) != 4 {
		t.Errorf("got\n%s", dump(tb))
	}
	wantNotes(t, "notes", tb.Notes, "9: Stand 2025\n")
	// Notes in the unit's and the area's columns, left of the values.
	ha := "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\nNord;a;1;2\nSüd;b;3;4\n\n"
	tb = mustRead(t)(readString("data.csv", ha+"Quelle:;IT.NRW;;\n", two))
	wantNotes(t, "notes", tb.Notes, "5: Quelle: IT.NRW\n")
}

func TestNamelessTotalRow(t *testing.T) {
	// =SUMME(...) under the table, without a label.
	tb := mustRead(t)(readString("data.csv", bareCSV+";2.700;1.700\n", two))
	if dump(tb) != bareAt(2) || tb.TotalRow != 5 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
	// Not the sums, not at the end, or beside an area: a row without a name.
	for _, in := range []string{bareCSV + ";2.700;1.701\n", bareCSV + ";2.700;1.700\nOst;1;2\n", "Bezirksstelle;Einwohner 0-18;SGB II/XII\nNord;1;2\n;1;2\n"} {
		_, err := readString("data.csv", in, two)
		if err == nil || !strings.HasSuffix(err.Error(), `column "Bezirksstelle": empty unit name`) {
			t.Errorf("%q: error %v", in, err)
		}
	}
	_, err := readString("data.csv", "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\nNord;a;1;2\nSüd;b;1;2\n;c;2;4\n", two)
	wantError(t, err, `data.csv:4: column "Bezirksstelle": empty unit name`)
}

func TestCityTotalRow(t *testing.T) {
	tb := mustRead(t)(readString("data.csv", bareCSV+"Stadt Essen;2.700;1.700\n", two))
	if dump(tb) != bareAt(2) || tb.TotalRow != 5 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
	// The city's total over more than the table's rows.
	_, err := readString("data.csv", bareCSV+"Stadt Essen;2.700;1.900\n", two)
	wantError(t, err, `data.csv:5: column "SGB II/XII": "Stadt Essen" looks like a total row, but it does not add up: 1,900 here, the rows above sum to 1,700; correct or remove it`)
	tb = mustRead(t)(readString("data.csv", bareCSV+"Stadt Essen;2.700;1.900\n", all))
	if len(tb.Problems) != 1 {
		t.Errorf("problems %s", problems(tb))
	}
	// A unit of that name, smaller than the others together.
	tb = mustRead(t)(readString("data.csv", bareCSV+"Stadt Mitte;2.700;1.600\n", two))
	if len(tb.Units) != 4 || tb.TotalRow != 0 {
		t.Errorf("total row %d, got\n%s", tb.TotalRow, dump(tb))
	}
	tb = mustRead(t)(readString("data.csv", bareCSV+"Gesamtstadt;2.700;1.700\n", two))
	if tb.TotalRow != 5 {
		t.Errorf("Gesamtstadt: total row %d", tb.TotalRow)
	}
}

// TestFramedXLSX: the same in a workbook, with the title merged over the
// table and a total row of =SUM formulas whose results are saved.
func TestFramedXLSX(t *testing.T) {
	rows := [][]any{
		{"Einwohner und Leistungsbezug nach Bezirksstellen"},
		{"Stand 31.12.2025"},
		nil,
		{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII"},
		{"Nord", 1200, 800}, {"Mitte", 500, 600}, {"Süd", 1000, 300},
		{"Insgesamt", 2700, 1700},
		nil,
		{"Quelle: IT.NRW"},
		{nil, "* vorläufig"},
	}
	b := editedWorkbook(t, func(f *excelize.File) {
		must(t, f.MergeCell("Daten", "A1", "C1"))
		for _, c := range []string{"B", "C"} {
			must(t, f.SetCellFormula("Daten", c+"8", "SUM("+c+"5:"+c+"7)"))
		}
	}, sheetData{"Daten", rows})
	// B11 is a column of values: a row of data, after which A10 is no note.
	_, err := readXLSXBytes(b, "data.xlsx", two, "")
	wantError(t, err, `data.xlsx: Daten!A10: "Quelle: IT.NRW" has no values, but rows of data follow it; fill in its values, or move it below the table as a note`)
	rows[10] = []any{"* vorläufig"}
	b = editedWorkbook(t, func(f *excelize.File) {
		must(t, f.MergeCell("Daten", "A1", "C1"))
		for _, c := range []string{"B", "C"} {
			must(t, f.SetCellFormula("Daten", c+"8", "SUM("+c+"5:"+c+"7)"))
		}
	}, sheetData{"Daten", rows})
	tb := mustRead(t)(readXLSXBytes(b, "data.xlsx", two, ""))
	if dump(tb) != bareAt(5) || tb.HeadingRow != 4 || tb.TotalRow != 8 {
		t.Errorf("heading row %d, total row %d, got\n%s", tb.HeadingRow, tb.TotalRow, dump(tb))
	}
	wantNotes(t, "titles", tb.Titles, "A1: Einwohner und Leistungsbezug nach Bezirksstellen\nA2: Stand 31.12.2025\n")
	wantNotes(t, "notes", tb.Notes, "A10: Quelle: IT.NRW\nA11: * vorläufig\n")
	if e := tb.ColumnError("youth_0_18", msg.New("total is 0")); e.Error() != `data.xlsx: Daten!B4: column "Einwohner 0-18": total is 0` {
		t.Errorf("column error at %s", e)
	}
}
