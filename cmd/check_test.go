package cmd

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A workbook with indicators and spending on two sheets, a notes sheet and
// a hidden row: check reads both tables, skips the notes, warns about the
// hidden row and exits 3.
func TestCheckWorkbookSheets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Daten Stadt.xlsx")
	f := excelize.NewFile()
	rows := map[string][][]any{
		"Indikatoren": {{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²"},
			{"Nord", 10, 5, 2, 100}, {"Süd", 20, 3, 1, 200}},
		"Mittel abfluss": {{"Bezirksstelle", "Mittelabfluss Vorjahr"}, {"Nord", 1000.5}, {"Süd", 2000}},
		"Hinweise":       {{"Spalte", "Inhalt"}, {"Einwohner 0-18", "Statistikstelle"}},
	}
	for i, name := range []string{"Indikatoren", "Mittel abfluss", "Hinweise"} {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		for r, row := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetRowVisible("Indikatoren", 3, false); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Run([]string{"check", path, "--lang", "en"}, &stdout, &stderr)
	out := stdout.String()
	if code != exitWarnings {
		t.Errorf("exit %d, want 3; stderr %s", code, stderr.String())
	}
	for _, want := range []string{
		"Daten Stadt.xlsx (Indikatoren)", "Daten Stadt.xlsx (Mittel abfluss)",
		"Warning: " + path + ": Indikatoren!A3: the row is hidden in Excel; its values are read",
		"Errors: 0, Warnings: 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Hinweise") {
		t.Errorf("the notes sheet was checked:\n%s", out)
	}
}
