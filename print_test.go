package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/internal/calc"
)

// printed writes the report of args as xlsx and prints it to PDF in
// LibreOffice, as a reader would; it returns the text of each page.
func printed(t *testing.T, args ...string) []string {
	t.Helper()
	calc.RequirePDF(t)
	path := filepath.Join(t.TempDir(), "report.xlsx")
	raumbudget(t, append(args, "-o", "xlsx", "--out", path, "--report-date", "2026-11-22")...)
	pages, err := calc.Pages(path)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// demoUnits are the district offices of the demo data.
func demoUnits(t *testing.T) []string {
	t.Helper()
	var out struct {
		Units []struct{ Unit string } `json:"units"`
	}
	if err := json.Unmarshal(raumbudget(t, "allocate", "--demo", "-o", "json"), &out); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range out.Units {
		names = append(names, u.Unit)
	}
	return names
}

// TestReportsPrint prints each report and counts the pages of each sheet:
// one page wide, charts on a page of their own, the offices named on
// every page of a table.
func TestReportsPrint(t *testing.T) {
	t.Parallel()
	const title = "Mittelverteilung Hilfen zur Erziehung"
	units := demoUnits(t)
	cases := []struct {
		name  string
		args  []string
		pages map[string]int // sheet → pages at most
		named []string       // sheets whose every page names every office
	}{
		{"plan of 6 quarters", []string{"plan", "--demo", "--start", "2026-Q1", "--quarters", "6"},
			map[string]int{"Übersicht": 2, "Zuteilung": 1, "Verlauf": 2, "Indikatoren": 1, "Protokoll": 1},
			[]string{"Zuteilung", "Indikatoren"}},
		{"allocation", []string{"allocate", "--demo"},
			map[string]int{"Übersicht": 2, "Zuteilung": 1, "Indikatoren": 1, "Protokoll": 1},
			[]string{"Zuteilung", "Indikatoren"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			pages := printed(t, c.args...)
			total := 0
			for sheet, most := range c.pages {
				got := calc.PagesOf(pages, title, sheet)
				total += len(got)
				if len(got) == 0 || len(got) > most {
					t.Errorf("sheet %s prints on %d pages, want 1 to %d", sheet, len(got), most)
				}
			}
			if total != len(pages) {
				t.Errorf("%d pages printed, %d of them under a known sheet's header", len(pages), total)
			}
			for _, sheet := range c.named {
				for i, page := range calc.PagesOf(pages, title, sheet) {
					for _, u := range units {
						if !strings.Contains(page, u) {
							t.Errorf("sheet %s, page %d: %q missing", sheet, i+1, u)
						}
					}
				}
			}
		})
	}
}
