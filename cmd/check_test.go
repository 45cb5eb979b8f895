package cmd

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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

// writeWorkbook saves sheets (in order, each a list of rows) as a workbook.
func writeWorkbook(t *testing.T, path string, names []string, rows map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	for i, name := range names {
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
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// A workbook none of whose sheets can be checked is an error, as allocate
// refuses it: a misspelt unit heading is not a sheet of notes, and a
// workbook of notes only, or of no sheets, has nothing to allocate. So is
// one whose first sheet, the one allocate reads, is of notes.
func TestCheckWorkbookNothingChecked(t *testing.T) {
	dir := t.TempDir()
	notes := [][]any{{"Spalte", "Inhalt"}, {"Einwohner 0-18", "Statistikstelle"}}
	data := [][]any{{"Bezirkstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²", "Mittelabfluss Vorjahr"},
		{"Nord", 10, 5, 2, 100, 1000}, {"Süd", 20, 3, 1, 200, 2000}}
	misspelt := filepath.Join(dir, "misspelt.xlsx")
	writeWorkbook(t, misspelt, []string{"Hinweise", "Daten"}, map[string][][]any{"Hinweise": notes, "Daten": data})
	notesFirst := filepath.Join(dir, "notes-first.xlsx")
	fixed := slices.Clone(data)
	fixed[0] = slices.Clone(data[0])
	fixed[0][0] = "Bezirksstelle"
	writeWorkbook(t, notesFirst, []string{"Hinweise", "Daten"}, map[string][][]any{"Hinweise": notes, "Daten": fixed})
	onlyNotes := filepath.Join(dir, "notes.xlsx")
	writeWorkbook(t, onlyNotes, []string{"Hinweise", "Quellen"}, map[string][][]any{"Hinweise": notes, "Quellen": notes})
	noSheets := filepath.Join(dir, "empty.xlsx")
	writeWithoutSheets(t, onlyNotes, noSheets)

	for _, tt := range []struct {
		path string
		want []string
	}{
		{misspelt, []string{
			"Error: " + misspelt + `: Daten!A1: column "unit" is missing (expected a heading like "Bezirksstelle"); headings found: "Bezirkstelle", `,
			`"Bezirkstelle" – did you mean "Bezirksstelle"?`, "Errors: 2,"}},
		{notesFirst, []string{
			"Error: " + notesFirst + `: Hinweise: column "unit" is missing (expected a heading like "Bezirksstelle"); headings found: "Spalte", "Inhalt"; allocate reads this sheet unless --sheet names another`,
			"Errors: 1,"}},
		{onlyNotes, []string{
			"Error: " + onlyNotes + `: Hinweise: column "unit" is missing (expected a heading like "Bezirksstelle"); headings found: "Spalte", "Inhalt"`,
			"Error: " + onlyNotes + `: Quellen: column "unit" is missing`, "Errors: 2,"}},
		{noSheets, []string{"Error: " + noSheets + ": the workbook has no sheets", "Errors: 1,"}},
	} {
		var stdout, stderr bytes.Buffer
		code := Run([]string{"check", tt.path, "--lang", "en"}, &stdout, &stderr)
		if code != exitUsage {
			t.Errorf("%s: exit %d, want 2; stderr %s", tt.path, code, stderr.String())
		}
		for _, want := range tt.want {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("%s: output lacks %q:\n%s", tt.path, want, stdout.String())
			}
		}
		code = Run([]string{"allocate", "--data", tt.path, "--budget", "1000"}, &stdout, &stderr)
		if code != exitUsage {
			t.Errorf("%s: allocate exits %d, want 2", tt.path, code)
		}
	}
}

// writeWithoutSheets copies the workbook src to dst with its list of
// sheets emptied, as a broken or hand-made file may have it.
func writeWithoutSheets(t *testing.T, src, dst string) {
	t.Helper()
	rewriteWorkbookXML(t, src, dst, func(data []byte) []byte {
		return regexp.MustCompile(`(?s)<sheets>.*</sheets>`).ReplaceAll(data, []byte("<sheets></sheets>"))
	})
}

// rewriteWorkbookXML copies the workbook src to dst with its part
// xl/workbook.xml changed by edit.
func rewriteWorkbookXML(t *testing.T, src, dst string, edit func([]byte) []byte) {
	t.Helper()
	r, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/workbook.xml" {
			data = edit(data)
		}
		fw, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A sheet with offices but neither indicators nor spending (a list of
// Stadtteile, say) is notes, as allocate never reads it unless it is the
// first sheet.
func TestCheckWorkbookListOfAreas(t *testing.T) {
	dir := t.TempDir()
	rows := map[string][][]any{
		"Indikatoren": {{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²"},
			{"Nord", 10, 5, 2, 100}, {"Süd", 20, 3, 1, 200}},
		"Mittelabfluss": {{"Bezirksstelle", "Mittelabfluss Vorjahr"}, {"Nord", 1000.5}, {"Süd", 2000}},
		"Zuordnung":     {{"Bezirksstelle", "Stadtteil"}, {"Nord", "Altendorf"}, {"Süd", "Werden"}},
	}
	last := filepath.Join(dir, "last.xlsx")
	writeWorkbook(t, last, []string{"Indikatoren", "Mittelabfluss", "Zuordnung"}, rows)
	first := filepath.Join(dir, "first.xlsx")
	writeWorkbook(t, first, []string{"Zuordnung", "Indikatoren", "Mittelabfluss"}, rows)

	var stdout, stderr bytes.Buffer
	if code := Run([]string{"check", last, "--lang", "en"}, &stdout, &stderr); code != exitOK {
		t.Errorf("exit %d, want 0:\n%s%s", code, stdout.String(), stderr.String())
	}
	if strings.Contains(stdout.String(), "Zuordnung") {
		t.Errorf("the list of areas was checked:\n%s", stdout.String())
	}
	stdout.Reset()
	if code := Run([]string{"check", first, "--lang", "en"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("first sheet a list: exit %d, want 2", code)
	}
	want := "Error: " + first + `: Zuordnung: column "youth_0_18" is missing (expected a heading like "Einwohner 0-18"); headings found: "Bezirksstelle", "Stadtteil"; allocate reads this sheet unless --sheet names another`
	if !strings.Contains(stdout.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, stdout.String())
	}
}

// A workbook whose every sheet is hidden has nothing allocate reads
// without --sheet: check refuses it too, and lists the hidden sheets.
func TestCheckWorkbookAllHidden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hidden.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Daten")
	rows := [][]any{{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²", "Mittelabfluss Vorjahr"},
		{"Nord", 10, 5, 2, 100, 1000}, {"Süd", 20, 3, 1, 200, 2000}}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Daten", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	visible := path + ".visible.xlsx"
	if err := f.SaveAs(visible); err != nil {
		t.Fatal(err)
	}
	// Excel keeps one sheet visible; a script can hide them all.
	rewriteWorkbookXML(t, visible, path, func(data []byte) []byte {
		return bytes.ReplaceAll(data, []byte("<sheet "), []byte(`<sheet state="hidden" `))
	})
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"allocate", "--data", path, "--budget", "1000"}, &stdout, &stderr); code != exitUsage {
		t.Fatalf("allocate exits %d, want 2 (is the sheet hidden?)", code)
	}
	stdout.Reset()
	if code := Run([]string{"check", path, "--lang", "en"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("check exits %d, want 2:\n%s", code, stdout.String())
	}
	for _, want := range []string{
		"Warning: " + path + ": Daten: the sheet is hidden in Excel; it is not read unless --sheet names it",
		"Error: " + path + ": every sheet of the workbook is hidden in Excel; name the one to read (--sheet)",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if code := Run([]string{"check", path, "--sheet", "Daten"}, &stdout, &stderr); code != exitWarnings {
		t.Errorf("check --sheet Daten exits %d, want 3 (the hidden sheet read by name)", code)
	}
}
