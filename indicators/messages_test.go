package indicators

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/xuri/excelize/v2"
)

// germanOf is err's message in German, err being an *Error.
func germanOf(t *testing.T, err error) string {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want an *Error", err, err)
	}
	return e.In(msg.DE)
}

// TestErrorsInGerman: the errors controllers see most name the file, the
// place and the heading of the column as in the file, in German, with
// German quotes and numbers, and never an internal key.
func TestErrorsInGerman(t *testing.T) {
	h := "Bezirksstelle;Einwohner 0-18;SGB II/XII\n"
	tests := []struct{ name, csv, de string }{
		{"not a number", h + "A;1;2\nB;3;abc\n", `data.csv:3: Spalte „SGB II/XII“: „abc“ ist keine Zahl`},
		{"decimal hint", h + "A;1;2\nB;3;1.5\n", `data.csv:3: Spalte „SGB II/XII“: „1.5“ ist keine Zahl (deutsche Zahlen haben ein Dezimalkomma; „.“ trennt nur Tausender)`},
		{"empty value", h + "A;1;\n", `data.csv:2: Spalte „SGB II/XII“: leerer Wert`},
		{"negative", h + "A;-1;2\n", `data.csv:2: Spalte „Einwohner 0-18“: negativer Wert -1`},
		{"empty unit", h + "A;1;2\n;3;4\n", `data.csv:3: Spalte „Bezirksstelle“: leerer Name der Bezirksstelle`},
		{"unit twice", h + "A;1;2\nA;3;4\n", `data.csv:3: Spalte „Bezirksstelle“: Bezirksstelle „A“ kommt noch einmal vor (zuerst in Zeile 2)`},
		{"missing column", "Bezirksstelle;Einwohner 0-18\nA;1\n", `data.csv: Spalte „SGB II/XII“ fehlt`},
		{"same column twice", h[:len(h)-1] + ";Einwohner unter 18\nA;1;2;3\n", `data.csv:1: Spalte „Einwohner unter 18“: steht wie Spalte „Einwohner 0-18“ für „Einwohner 0-18“; eine der beiden entfernen`},
		{"no rows", h, `data.csv:1: keine Datenzeilen unter der Kopfzeile`},
		{"empty file", "", `data.csv: keine Kopfzeile; die Tabelle ist leer`},
		{"total row not adding up", h + "A;1000;2\nB;234,5;3\nSumme;1234,5;6\n", `data.csv:4: Spalte „SGB II/XII“: „Summe“ sieht aus wie eine Summenzeile, stimmt aber nicht: hier 6, die Zeilen darüber ergeben 5; korrigieren oder entfernen`},
		{"total row sums in German", h + "A;1000;2\nB;234,5;3\nSumme;1234;5\n", `data.csv:4: Spalte „Einwohner 0-18“: „Summe“ sieht aus wie eine Summenzeile, stimmt aber nicht: hier 1.234, die Zeilen darüber ergeben 1.234,5; korrigieren oder entfernen`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readString("data.csv", tt.csv, two)
			if got := germanOf(t, err); got != tt.de {
				t.Errorf("German\n\t%s\nwant\n\t%s\n(English: %s)", got, tt.de, err)
			}
		})
	}
}

// TestMissingColumnInGerman: German names the heading a user writes, and
// lists the headings found with the one probably meant; English keeps the
// key the commands' options use.
func TestMissingColumnInGerman(t *testing.T) {
	_, err := readString("data.csv", "Bezirksstelle;Einwohner 0-18;Migrnaten 0-18\nA;1;2\n", Schema{Indicators: []string{"youth_0_18", "migrant_youth_0_18"}})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want an *Error", err)
	}
	if e.Column != "migrant_youth_0_18" || e.Heading != "Migranten 0-18" {
		t.Errorf("Column %q, Heading %q", e.Column, e.Heading)
	}
	hinted := e.Hinted()
	de := `data.csv:1: Spalte „Migranten 0-18“ fehlt; gefundene Überschriften: „Bezirksstelle“, „Einwohner 0-18“, „Migrnaten 0-18“; „Migrnaten 0-18“ – gemeint ist wohl „Migranten 0-18“?`
	en := `data.csv:1: column "migrant_youth_0_18" is missing (expected a heading like "Migranten 0-18"); headings found: "Bezirksstelle", "Einwohner 0-18", "Migrnaten 0-18"; "Migrnaten 0-18" – did you mean "Migranten 0-18"?`
	if got := hinted.In(msg.DE); got != de {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, de)
	}
	if got := hinted.Error(); got != en {
		t.Errorf("English\n\t%s\nwant\n\t%s", got, en)
	}
	if hinted.Hinted() != hinted {
		t.Error("a hinted error is hinted again")
	}
	if key := internalKey(hinted.In(msg.DE)); key != "" {
		t.Errorf("the German message names the key %q", key)
	}
}

// internalKey is the first word of s written like an internal key
// (migrant_youth_0_18), or "".
func internalKey(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '„' || r == '“' || r == '"' }) {
		if strings.Contains(w, "_") {
			return w
		}
	}
	return ""
}

// TestPlacedErrorsInGerman: what a command places at a unit or column
// (ErrorAt, ColumnError), also of a column the table lacks.
func TestPlacedErrorsInGerman(t *testing.T) {
	tb := mustRead(t)(readString("data.csv", "Bezirksstelle;Einwohner 0-18;SGB II/XII\nA;1;2\nB;3;4\n", two))
	tests := []struct {
		err    *Error
		de, en string
	}{
		{tb.ErrorAt(1, keyUnit, msg.New("unit %s is not in %s", cellText("B"), "other.csv")),
			`data.csv:3: Spalte „Bezirksstelle“: Bezirksstelle „B“ steht nicht in other.csv`,
			`data.csv:3: column "Bezirksstelle": unit "B" is not in other.csv`},
		{tb.ColumnError(keySpending, msg.New("is missing%s", expectedHeading("Mittelabfluss Vorjahr"))),
			`data.csv: Spalte „Mittelabfluss Vorjahr“ fehlt`,
			`data.csv: column "spending_prior_year" is missing (expected a heading like "Mittelabfluss Vorjahr")`},
	}
	for _, tt := range tests {
		if got := tt.err.In(msg.DE); got != tt.de {
			t.Errorf("German\n\t%s\nwant\n\t%s", got, tt.de)
		}
		if got := tt.err.Error(); got != tt.en {
			t.Errorf("English\n\t%s\nwant\n\t%s", got, tt.en)
		}
	}
}

// TestWorkbookErrorsInGerman: a workbook's errors name sheet and cell as
// Excel does, and its warnings follow the language too.
func TestWorkbookErrorsInGerman(t *testing.T) {
	h := []any{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII"}
	b := workbook(t, sheetData{"Daten", [][]any{h, {"A", 1, 2}, {"B", 3, "drei"}}})
	_, err := readXLSXBytes(b, "data.xlsx", two, "")
	if got, want := germanOf(t, err), `data.xlsx: Daten!C3: Spalte „SGB II/XII“: „drei“ ist keine Zahl`; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
	_, err = readXLSXBytes(b, "data.xlsx", two, "Tabelle2")
	if got, want := germanOf(t, err), `data.xlsx: kein Blatt „Tabelle2“; die Arbeitsmappe hat „Daten“`; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
	hidden := editedWorkbook(t, func(f *excelize.File) {
		f.SetActiveSheet(1)
		must(t, f.SetSheetVisible("Alt", false, false))
	}, sheetData{"Alt", [][]any{h, {"A", 1, 2}}}, sheetData{"Daten", [][]any{h, {"A", 1, 2}}})
	tb := mustRead(t)(readXLSXBytes(hidden, "data.xlsx", two, "Alt"))
	if len(tb.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", tb.Warnings)
	}
	if got, want := tb.Warnings[0].In(msg.DE), `data.xlsx: Alt: das Blatt ist in Excel ausgeblendet; es wird gelesen, weil es mit Namen verlangt wurde`; got != want {
		t.Errorf("warning in German\n\t%s\nwant\n\t%s", got, want)
	}
	_, err = readXLSXBytes(hidden, "data.xlsx", two, "Neu")
	if got, want := germanOf(t, err), `data.xlsx: kein Blatt „Neu“; die Arbeitsmappe hat „Alt“ (ausgeblendet), „Daten“`; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
}

// TestOpenErrorInGerman: a file that is not there says so in German, and
// still unwraps to the system's error.
func TestOpenErrorInGerman(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fehlt.csv")
	_, err := ReadFile(path, two, Options{})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v does not unwrap to ErrNotExist", err)
	}
	if got, want := germanOf(t, err), path+": kann nicht geöffnet werden: Datei oder Verzeichnis nicht gefunden"; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
	if got, want := err.Error(), path+": cannot open: no such file or directory"; got != want {
		t.Errorf("English\n\t%s\nwant\n\t%s", got, want)
	}
}

// TestQuotedInGerman: cell text is quoted „so“ in German, with what no
// one sees escaped and long text shortened, as in English.
func TestQuotedInGerman(t *testing.T) {
	long := strings.Repeat("x", maxQuoted+5)
	tests := []struct{ in, de, en string }{
		{"abc", "„abc“", `"abc"`},
		{"a\x00b", `„a\x00b“`, `"a\x00b"`},
		{"Müller", "„Müller“", `"Müller"`},
		{long, "„" + long[:maxQuoted] + "“…", `"` + long[:maxQuoted] + `"…`},
	}
	for _, tt := range tests {
		if got := cellText(tt.in).In(msg.DE); got != tt.de {
			t.Errorf("cellText(%q).In(DE) = %s, want %s", tt.in, got, tt.de)
		}
		if got := cellText(tt.in).In(msg.EN); got != tt.en {
			t.Errorf("cellText(%q).In(EN) = %s, want %s", tt.in, got, tt.en)
		}
	}
}
