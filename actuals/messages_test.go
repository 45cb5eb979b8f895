package actuals

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// germanOf is err's message in German, err being an *indicators.Error.
func germanOf(t *testing.T, err error) string {
	t.Helper()
	var e *indicators.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want an *indicators.Error", err, err)
	}
	return e.In(msg.DE)
}

// TestReadErrorsInGerman: the Ist's errors in German, at the same place
// and column as in English (TestReadErrors).
func TestReadErrorsInGerman(t *testing.T) {
	centres := Options{CostCenters: map[string]string{"51010": "Bezirksstelle I"}}
	for _, tc := range []struct {
		name, text string
		opt        Options
		de         string
	}{
		{"unmapped", "Kostenstelle;Monat;Betrag\n51010;01.2026;1\n51099;01.2026;1\n", centres,
			`ist.csv:3: Spalte „Kostenstelle“: Kostenstelle „51099“ hat in der Konfiguration keine Bezirksstelle (cost-centers)`},
		{"no mapping", "Kostenstelle;Monat;Betrag\n51010;01.2026;1\n", Options{},
			`ist.csv:1: Spalte „Kostenstelle“ ist eine Kostenstelle, aber die Konfiguration ordnet keine einer Bezirksstelle zu (cost-centers)`},
		{"short year", "Bezirksstelle;Monat;Betrag\nI;Jan 26;1\n", Options{},
			`ist.csv:2: Spalte „Monat“: „Jan 26“ ist kein Monat wie 2026-01, 01.2026 oder Januar 2026; das Jahr vierstellig schreiben`},
		{"bad date", "Bezirksstelle;Buchungsdatum;Betrag\nI;31.04.2026;1\n", Options{},
			`ist.csv:2: Spalte „Buchungsdatum“: „31.04.2026“ ist kein Datum wie 15.01.2026`},
		{"bad amount", "Bezirksstelle;Monat;Betrag\nI;01.2026;1.2OO\n", Options{},
			`ist.csv:2: Spalte „Betrag“: „1.2OO“ ist keine Zahl (deutsche Zahlen haben ein Dezimalkomma; „.“ trennt nur Tausender)`},
		{"decimals", "Bezirksstelle;Monat;Betrag\nI;01.2026;1,005\n", Options{},
			`ist.csv:2: Spalte „Betrag“: „1,005“ hat mehr als zwei Nachkommastellen oder ist zu groß`},
		{"negative cases", "Bezirksstelle;Monat;Betrag;Fälle\nI;01.2026;1;-2\n", Options{},
			`ist.csv:2: Spalte „Fälle“: negativer Wert`},
		{"no unit", "Monat;Betrag\n01.2026;1\n", Options{},
			`ist.csv:1: keine Spalte „Bezirksstelle“ oder „Kostenstelle“ in der Kopfzeile`},
		{"twice", "Bezirksstelle;Monat;Betrag;Betrag\nI;01.2026;1;2\n", Options{},
			`ist.csv:1: Spalte „Betrag“: kommt zweimal vor (auch Spalte 3)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(t, "ist.csv", tc.text, tc.opt)
			if got := germanOf(t, err); got != tc.de {
				t.Errorf("German\n\t%s\nwant\n\t%s\n(English: %v)", got, tc.de, err)
			}
		})
	}
}

// TestPlacedInGerman: what a command places at a unit's or a year's first
// row follows the language; a year without data has no place.
func TestPlacedInGerman(t *testing.T) {
	s := mustRead(t, "ist.csv", "Bezirksstelle;Monat;Betrag\nI;01.2026;1\n", Options{})
	err := s.UnitError("I", msg.New("appears twice (also column %d)", 3))
	if got, want := germanOf(t, err), `ist.csv:2: Spalte „Bezirksstelle“: kommt zweimal vor (auch Spalte 3)`; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
	err = s.YearError(2030, msg.New("empty value"))
	if got, want := germanOf(t, err), `leerer Wert`; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
	if got, want := err.Error(), `empty value`; got != want {
		t.Errorf("English\n\t%s\nwant\n\t%s", got, want)
	}
}

// TestReadSollErrorsInGerman: plan's output read as the Soll.
func TestReadSollErrorsInGerman(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, de string }{
		{"short.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n2026-Q2;A;1\n2026-Q3;A;1\n",
			`short.csv: kein Betrag von „A“ für 2026-Q4; die Ausgabe eines Plans angeben, der 2026 abdeckt`},
		{"twice.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n2026-Q1;A;1\n",
			`twice.csv:3: Spalte „Betrag“: „A“ hat einen zweiten Betrag für 2026-Q1`},
		{"plan.json", `{"periods": [{"period": "2026-Q1", "units": [{"unit": "A", "amount": "x"}]}]}`,
			`plan.json: Zeitraum 1: Bezirksstelle „A“: Betrag „x“ ist kein Betrag in Euro`},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadSoll(path, 2026)
		if got, want := germanOf(t, err), filepath.Join(dir, tc.de); got != want {
			t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
		}
	}
	_, err := ReadSoll(filepath.Join(dir, "none.csv"), 2026)
	if got, want := germanOf(t, err), filepath.Join(dir, "none.csv")+": kann nicht geöffnet werden: Datei oder Verzeichnis nicht gefunden"; got != want {
		t.Errorf("German\n\t%s\nwant\n\t%s", got, want)
	}
}
