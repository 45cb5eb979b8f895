package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"

	"github.com/raumbudget/raumbudget/internal/calc"
)

// planBoth writes the plan report in memory and streamed (as a report of
// more than streamRows units would be).
func planBoth(t *testing.T, res *scenario.Result) (memory, streamed []byte) {
	t.Helper()
	corridor := &allocate.Corridor{MaxDecrease: rat("0.05"), MaxIncrease: rat("0.05")}
	memory, err := Plan(res, corridor, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { streamRows = n }(streamRows)
	streamRows = 0
	streamed, err = Plan(res, corridor, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Plan(res, corridor, meta(report.German, "2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed, again) {
		t.Error("a streamed report is not byte-reproducible")
	}
	return memory, streamed
}

// A streamed sheet holds the same values and the same live formulas, with
// the same panes, filter and print setup, as one written in memory.
func TestStreamedSheetsEqualInMemory(t *testing.T) {
	res := planResult(t)
	streamedEqualsInMemory(t, res)
}

// The same for a plan that continues from booked amounts: the reference
// column, the change in euros and percent, the reference shares as values.
func TestStreamedSheetsEqualInMemoryWithPrevious(t *testing.T) {
	yearly := allocate.Cents(4_000_000_03)
	res, err := scenario.Run(scenario.Plan{Start: scenario.Period{Year: 2026, Quarter: 1}, Quarters: 3,
		Schedule: scenario.Schedule{Rule: scenario.EssenRule()}, Budgets: scenario.Budgets{Default: &yearly},
		Corridor: &allocate.Corridor{MaxDecrease: rat("0.05"), MaxIncrease: rat("0.05")},
		Previous: []allocate.Cents{40_000_000_00, 25_000_000_00, 35_000_000_01}}, smallInput())
	if err != nil {
		t.Fatal(err)
	}
	streamedEqualsInMemory(t, res)
}

func streamedEqualsInMemory(t *testing.T, res *scenario.Result) {
	memory, streamed := planBoth(t, res)
	m, s := open(t, memory), open(t, streamed)
	for _, sheet := range []string{"Zuteilung", "Verlauf", "Indikatoren"} {
		want, _ := m.GetRows(sheet)
		got, _ := s.GetRows(sheet)
		if len(want) < 3 || len(got) != len(want) {
			t.Fatalf("%s: %d rows streamed, %d in memory", sheet, len(got), len(want))
		}
		for r := range got {
			for c := range want[r] {
				at, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fm, _ := m.GetCellFormula(sheet, at)
				fs, _ := s.GetCellFormula(sheet, at)
				if fm != fs {
					t.Errorf("%s!%s: formula %q streamed, %q in memory", sheet, at, fs, fm)
				}
				vm, _ := m.GetCellValue(sheet, at)
				vs, _ := s.GetCellValue(sheet, at)
				if vm != vs {
					t.Errorf("%s!%s: value %q streamed, %q in memory", sheet, at, vs, vm)
				}
			}
		}
		panes, _ := s.GetPanes(sheet)
		if !panes.Freeze || panes.XSplit != 1 {
			t.Errorf("%s: panes %+v", sheet, panes)
		}
		props, _ := s.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fit to page", sheet)
		}
	}
	checkDampedFormulas(t, s, res)
	if got := s.GetSheetList(); !slices.Equal(got, m.GetSheetList()) {
		t.Errorf("sheets %v, in memory %v", got, m.GetSheetList())
	}
}

// A streamed report's unit rows are made on save: a name longer than a
// cell holds is the same error there, from every sheet at once, and no
// file comes out.
func TestStreamedLongNameNotCut(t *testing.T) {
	defer func(n int) { streamRows = n }(streamRows)
	streamRows = 0
	in := smallInput()
	in.Units[1].Name = strings.Repeat("N", maxCellChars+1)
	yearly := allocate.Cents(4_000_000_03)
	res, err := scenario.Run(scenario.Plan{Start: scenario.Period{Year: 2026, Quarter: 1}, Quarters: 2,
		Schedule: scenario.Schedule{Rule: scenario.EssenRule()}, Budgets: scenario.Budgets{Default: &yearly}}, in)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Plan(res, nil, meta(report.German, "2026-11-22"))
	if err == nil || !strings.Contains(err.Error(), "Zuteilung!A3: a text of 32,768 characters does not fit in a cell") || data != nil {
		t.Fatalf("got %v (%d bytes), want the cell limit", err, len(data))
	}
}

// A streamed report — the layout and the fast deflate of a large one —
// opens in LibreOffice, which recalculates every formula, with the very
// cells of the report written in memory, and no cell shows an error.
func TestStreamedReportInLibreOffice(t *testing.T) {
	calc.Require(t)
	memory, streamed := planBoth(t, planResult(t))
	dir := t.TempDir()
	var sheets []map[string][][]string
	for name, data := range map[string][]byte{"memory.xlsx": memory, "streamed.xlsx": streamed} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := calc.Sheets(path)
		if err != nil {
			t.Fatal(err)
		}
		if errs := calc.Errors(s); len(errs) > 0 {
			t.Errorf("%s: cells with errors: %v", name, errs)
		}
		sheets = append(sheets, s)
	}
	for _, sheet := range []string{"Zuteilung", "Verlauf", "Indikatoren"} {
		a, b := sheets[0][sheet], sheets[1][sheet]
		if len(a) < 3 || !reflect.DeepEqual(a, b) {
			t.Errorf("%s: LibreOffice reads the streamed report otherwise:\n%v\n%v", sheet, a, b)
		}
	}
}
