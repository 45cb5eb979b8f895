package workbook

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestTemplate(t *testing.T) {
	data, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got, want := f.GetSheetList(), []string{"Indikatoren", "Mittelabfluss", "Hinweise"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	ind := templateRows(t, f, "Indikatoren", templateIndicatorHeadings)
	spent := templateRows(t, f, "Mittelabfluss", templateSpendingHeadings)
	if len(ind) != 50 {
		t.Errorf("%d Stadtteile, want the 50 of the sample data", len(ind))
	}
	offices := distinct(ind)
	if len(offices) != 8 {
		t.Errorf("%d offices in Indikatoren, want 8: %v", len(offices), offices)
	}
	if got := distinct(spent); !slices.Equal(got, offices) || len(spent) != len(got) {
		t.Errorf("Mittelabfluss has offices %v, want one row each of %v", got, offices)
	}
	templateNumbers(t, f, "Indikatoren", len(ind), 3, 6)
	templateNumbers(t, f, "Mittelabfluss", len(spent), 2, 2)
	templateValidation(t, f, "Indikatoren", "C2:F1000")
	templateValidation(t, f, "Mittelabfluss", "B2:B1000")
	for _, sheet := range f.GetSheetList() {
		if p, err := f.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", sheet, p, err)
		}
	}
}

// templateRows checks the headings of a sheet and returns its rows below.
func templateRows(t *testing.T, f *excelize.File, sheet string, headings []string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || !slices.Equal(rows[0], headings) {
		t.Fatalf("%s: headings %q, want %q", sheet, rows[0], headings)
	}
	for i, r := range rows[1:] {
		if len(r) != len(headings) || slices.Contains(r, "") {
			t.Errorf("%s row %d: %q has empty cells", sheet, i+2, r)
		}
	}
	return rows[1:]
}

func distinct(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		if !slices.Contains(out, r[0]) {
			out = append(out, r[0])
		}
	}
	return out
}

// templateNumbers checks that columns first..last hold number cells ≥ 0.
func templateNumbers(t *testing.T, f *excelize.File, sheet string, n, first, last int) {
	t.Helper()
	for r := 2; r <= n+1; r++ {
		for c := first; c <= last; c++ {
			typ, _ := f.GetCellType(sheet, cell(c, r))
			v, _ := f.GetCellValue(sheet, cell(c, r), excelize.Options{RawCellValue: true})
			x, err := strconv.ParseFloat(v, 64)
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || err != nil || x < 0 {
				t.Errorf("%s!%s: %q (type %d), want a number cell ≥ 0", sheet, cell(c, r), v, typ)
			}
		}
	}
}

func templateValidation(t *testing.T, f *excelize.File, sheet, sqref string) {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == sqref })
	if i < 0 {
		t.Fatalf("%s: no data validation on %s: %v", sheet, sqref, dvs)
	}
	dv := dvs[i]
	if dv.Type != "decimal" || dv.Operator != "between" || dv.Formula1 != "0" || !dv.ShowErrorMessage ||
		dv.Error == nil || !strings.Contains(*dv.Error, "Bitte eine Zahl ≥ 0 eingeben") {
		t.Errorf("%s!%s: validation %+v, want decimals ≥ 0 with a German message", sheet, sqref, *dv)
	}
}

func TestTemplateNotes(t *testing.T) {
	data, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := open(t, data).GetRows("Hinweise")
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range append(slices.Concat(templateIndicatorHeadings, templateSpendingHeadings),
		"Stichtag 31.12.", "Jobcenter/Sozialamt", "Grünflächenamt/Kataster", "Ist-Ausgaben HzE des Vorjahres",
		"keine verbundenen Zellen", "Keine Summenzeile", "Keine leeren Zellen", "Zahlen ohne Einheit", "nicht amtlich") {
		if !strings.Contains(text, want) {
			t.Errorf("Hinweise lack %q:\n%s", want, text)
		}
	}
}
