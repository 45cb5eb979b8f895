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

// TestAllocationSheetShowsTheCorridor: with booked amounts before and a
// corridor, the allocation sheet shows the reference amount, the change
// against it (formulas LibreOffice computes to the JSON's change), and
// marks every amount the corridor held with ▼ or ▲ when printed.
func TestAllocationSheetShowsTheCorridor(t *testing.T) {
	t.Parallel()
	previous := filepath.Join(t.TempDir(), "gebucht.csv")
	raumbudget(t, "allocate", "--demo", "-o", "csv", "--out", previous)
	args := []string{"plan", "--demo", "--start", "2026-Q2", "--quarters", "2", "--previous", previous,
		"--max-decrease", "2%", "--max-increase", "2%"}
	var out struct {
		Periods []struct {
			Units []struct {
				Unit, Amount string
				Change       *string
				Held         *string
			}
		}
	}
	if err := json.Unmarshal(raumbudget(t, append(args, "-o", "json")...), &out); err != nil {
		t.Fatal(err)
	}
	sheets := spreadsheet(t, args...)
	floors, ceilings := 0, 0
	for _, u := range out.Periods[0].Units {
		row := rowOf(t, sheets["Zuteilung"], u.Unit) // unit, 2 quarters, reference, change €, change %
		if got := cents(t, row[1]) - cents(t, row[3]); got != jsonCents(t, *u.Change) || cents(t, row[4]) != got {
			t.Errorf("%s: change %s in JSON, workbook %v", u.Unit, *u.Change, row)
		}
	}
	for _, p := range out.Periods {
		for _, u := range p.Units {
			if u.Held != nil && *u.Held == "floor" {
				floors++
			} else if u.Held != nil {
				ceilings++
			}
		}
	}
	if floors == 0 || ceilings == 0 {
		t.Fatalf("the corridor held %d at the floor and %d at the ceiling; the test needs both", floors, ceilings)
	}
	page := strings.Join(calc.PagesOf(printed(t, args...), "Mittelverteilung Hilfen zur Erziehung", "Zuteilung"), "")
	// Each held amount carries its mark; the legend below names each once.
	if got := strings.Count(page, "▼"); got != floors+1 {
		t.Errorf("%d ▼ printed, want %d held amounts and the legend", got, floors)
	}
	if got := strings.Count(page, "▲"); got != ceilings+1 {
		t.Errorf("%d ▲ printed, want %d held amounts and the legend", got, ceilings)
	}
}
