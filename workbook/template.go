package workbook

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/internal/vocab"
)

// Sheets and headings of the template workbook; the readers find the
// columns by these headings.
const (
	indicatorSheet = "Indikatoren"
	spendingSheet  = "Mittelabfluss"
	notesSheet     = "Hinweise"
)

var (
	templateIndicatorHeadings = vocab.GermanHeadings(append([]string{vocab.Unit, vocab.Area}, vocab.Indicators...)...)
	templateSpendingHeadings  = vocab.GermanHeadings(vocab.Unit, vocab.Spending)
)

// templateLastRow is the last row the data validation covers.
const templateLastRow = 1000

// templateNote marks the sample figures wherever they are shown.
const templateNote = "Beispielzahlen: erfunden (Muster: Essen, 50 Stadtteile, 8 Bezirksstellen), nicht amtlich. " +
	"Bitte durch die eigenen Zahlen ersetzen; Erläuterungen im Blatt „Hinweise“."

// Template returns the workbook that 'raumbudget init' writes: the sheets
// Indikatoren (one row per Stadtteil) and Mittelabfluss (one row per
// Bezirksstelle), filled with the built-in sample data as an example,
// whose value cells refuse negative and non-numeric entries, and a sheet
// Hinweise that explains every column and where its figures come from.
func Template() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newTemplateStyles(f)
	if err != nil {
		return nil, err
	}
	b := &book{f: f, styles: st.styles, titleRows: map[string]int{}}
	for _, step := range []func(*book, templateStyles) error{indicatorTemplate, spendingTemplate, notesTemplate} {
		if err := step(b, st); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// templateStyles add number formats for counts, areas and euros to the
// report styles.
type templateStyles struct {
	styles
	count, area, money, wrap int
}

func newTemplateStyles(f *excelize.File) (templateStyles, error) {
	var st templateStyles
	var err error
	if st.styles, err = newStyles(f, "de"); err != nil {
		return st, err
	}
	for dst, s := range map[*int]*excelize.Style{
		&st.count: {NumFmt: 3},                    // #,##0
		&st.area:  {CustomNumFmt: ptr("#,##0.0")}, // m² with one decimal
		&st.money: {NumFmt: 4},                    // #,##0.00, no € sign: numbers without units
		&st.wrap:  {Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
	} {
		if *dst, err = f.NewStyle(s); err != nil {
			return st, err
		}
	}
	return st, nil
}

func ptr[T any](v T) *T { return &v }

func indicatorTemplate(b *book, st templateStyles) error {
	rows, err := demoIndicatorRows()
	if err != nil {
		return err
	}
	sheet := indicatorSheet
	if err := b.f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := b.header(sheet, 1, templateIndicatorHeadings, 1, 18, 24, 15); err != nil {
		return err
	}
	numStyles := []int{st.count, st.count, st.count, st.area}
	for i, r := range rows {
		if err := b.set(sheet, 1, i+2, r.unit, 0); err != nil {
			return err
		}
		if err := b.set(sheet, 2, i+2, r.area, 0); err != nil {
			return err
		}
		for k, v := range r.values {
			if err := b.set(sheet, 3+k, i+2, v, numStyles[k]); err != nil {
				return err
			}
		}
	}
	return b.templateChecks(sheet, 3, len(templateIndicatorHeadings))
}

func spendingTemplate(b *book, st templateStyles) error {
	rows, err := demoSpendingRows()
	if err != nil {
		return err
	}
	sheet := spendingSheet
	if _, err := b.f.NewSheet(sheet); err != nil {
		return err
	}
	if err := b.header(sheet, 1, templateSpendingHeadings, 1, 18, 22); err != nil {
		return err
	}
	for i, r := range rows {
		if err := b.set(sheet, 1, i+2, r.unit, 0); err != nil {
			return err
		}
		if err := b.set(sheet, 2, i+2, r.values[0], st.money); err != nil {
			return err
		}
	}
	return b.templateChecks(sheet, 2, 2)
}

// templateChecks puts a data validation on the value columns first..last,
// rows 2 to templateLastRow, and a comment on A1 that the figures are
// examples.
func (b *book) templateChecks(sheet string, first, last int) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell(first, 2) + ":" + cell(last, templateLastRow)
	if err := dv.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Ungültiger Wert", "Bitte eine Zahl ≥ 0 eingeben (ohne Einheit, z. B. 1234 oder 62815,8).")
	if err := b.f.AddDataValidation(sheet, dv); err != nil {
		return err
	}
	return b.f.AddComment(sheet, excelize.Comment{Cell: "A1", Author: "raumbudget",
		Paragraph: []excelize.RichTextRun{{Text: templateNote}}})
}

// templateRow is one row of the sample data.
type templateRow struct {
	unit, area string
	values     []float64
}

// demoIndicatorRows are the rows of the embedded indikatoren.csv with the
// columns of the template (its Stadtbezirk column is left out).
func demoIndicatorRows() ([]templateRow, error) {
	return readDemo(demo.IndicatorsName, demo.Indicators(), templateIndicatorHeadings)
}

func demoSpendingRows() ([]templateRow, error) {
	return readDemo(demo.SpendingName, demo.Spending(), templateSpendingHeadings)
}

// readDemo reads the named columns of a demo CSV: the unit, an optional
// area and numbers with a decimal comma. The figures are examples, so
// float64 is exact enough: the workbook stores doubles anyway.
func readDemo(name string, r io.Reader, headings []string) ([]templateRow, error) {
	cr := csv.NewReader(r)
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil || len(recs) < 2 {
		return nil, fmt.Errorf("%s: unreadable sample data (%v)", name, err)
	}
	cols := make([]int, len(headings))
	for i, h := range headings {
		if cols[i] = slices.Index(recs[0], h); cols[i] < 0 {
			return nil, fmt.Errorf("%s: no column %q", name, h)
		}
	}
	names := 1 // the unit, and the area if there is one
	if headings[1] == "Stadtteil" {
		names = 2
	}
	var rows []templateRow
	for _, rec := range recs[1:] {
		row := templateRow{unit: rec[cols[0]]}
		if names == 2 {
			row.area = rec[cols[1]]
		}
		for _, c := range cols[names:] {
			v, err := strconv.ParseFloat(strings.ReplaceAll(rec[c], ",", "."), 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
			row.values = append(row.values, v)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// templateColumns explain each column: heading, sheet, meaning, usual source.
var templateColumns = [][4]string{
	{"Bezirksstelle", "Indikatoren, Mittelabfluss", "Name der Bezirksstelle, die Mittel erhält; in beiden Blättern gleich geschrieben.", "Organisation des Jugendamts"},
	{"Stadtteil", "Indikatoren", "Stadtteil (Sozialraum) der Bezirksstelle; die Stadtteile einer Bezirksstelle werden addiert. Die Spalte darf fehlen, dann eine Zeile je Bezirksstelle.", "Statistikstelle (Gliederung der Stadt)"},
	{"Einwohner 0-18", "Indikatoren", "Kinder und Jugendliche von 0 bis 18 Jahren mit Wohnsitz im Stadtteil.", "Einwohnermeldeamt/Statistikstelle, Stichtag 31.12."},
	{"SGB II/XII", "Indikatoren", "Empfängerinnen und Empfänger von Leistungen nach SGB II oder SGB XII.", "Jobcenter/Sozialamt (Leistungsempfänger in Bedarfsgemeinschaften)"},
	{"Migranten 0-18", "Indikatoren", "Kinder und Jugendliche von 0 bis 18 Jahren mit Migrationshintergrund.", "Statistikstelle"},
	{"Freifläche m²", "Indikatoren", "Öffentliche Frei- und Grünflächen des Stadtteils in Quadratmetern.", "Grünflächenamt/Kataster"},
	{"Mittelabfluss Vorjahr", "Mittelabfluss", "Ausgaben der Bezirksstelle für Hilfen zur Erziehung im Vorjahr, in Euro.", "Finanzbuchhaltung, Ist-Ausgaben HzE des Vorjahres"},
}

// templateRules are the rules every table must keep to be read.
var templateRules = []string{
	"Eine Zeile je Stadtteil (oder je Bezirksstelle, wenn die Spalte Stadtteil fehlt).",
	"Die Bezirksstelle steht in jeder Zeile, auch wenn sie sich wiederholt: keine verbundenen Zellen.",
	"Zahlen ohne Einheit eingeben (1234 oder 62815,8, nicht „62.815,8 m²“); nur Zahlen ≥ 0.",
	"Keine Summenzeile: raumbudget bildet die Summen selbst.",
	"Keine leeren Zellen; ein Wert von 0 wird als 0 eingetragen.",
	"Überschriften nicht ändern; weitere Spalten rechts daneben stören nicht, wenn sie eine Überschrift haben.",
	"Die Beispielzahlen sind erfunden (Muster: Essen), nicht amtlich: vor der Verwendung durch die eigenen Zahlen ersetzen.",
	"Prüfen: raumbudget check indikatoren.xlsx; Verteilen: raumbudget allocate --config raumbudget.yaml",
}

func notesTemplate(b *book, st templateStyles) error {
	sheet := notesSheet
	if _, err := b.f.NewSheet(sheet); err != nil {
		return err
	}
	if err := b.header(sheet, 1, []string{"Spalte", "Blatt", "Inhalt", "Übliche Quelle"}, 1, 22, 24, 60, 45); err != nil {
		return err
	}
	for i, c := range templateColumns {
		for k, text := range c {
			if err := b.set(sheet, k+1, i+2, text, st.wrap); err != nil {
				return err
			}
		}
	}
	row := len(templateColumns) + 3
	if err := b.set(sheet, 1, row, "Regeln", st.bold); err != nil {
		return err
	}
	for i, rule := range templateRules {
		if err := b.set(sheet, 1, row+1+i, "• "+rule, 0); err != nil {
			return err
		}
	}
	return nil
}
