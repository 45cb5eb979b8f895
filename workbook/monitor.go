package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/monitor"
	"github.com/raumbudget/raumbudget/report"
)

// Monitor is the Soll/Ist report: the table with live formulas and status
// colours, the cumulative months with a chart, the method and its inputs,
// and the audit.
func Monitor(v *report.Monitor, meta Meta) ([]byte, error) {
	b, err := newBook(meta)
	if err != nil {
		return nil, err
	}
	mb := &monitorBook{book: b, view: v, res: v.Result}
	return b.write(model{}, mb.tableSheet, mb.monthsSheet, mb.methodSheet, mb.auditSheet)
}

type monitorBook struct {
	*book
	view *report.Monitor
	res  *monitor.Result
}

func (b *monitorBook) mword(key string) string { return b.lang.MonitorWord(key) }

// namedSheet adds a sheet as book.sheet does, under a name of the
// monitoring's words.
func (b *monitorBook) namedSheet(key string) (string, error) {
	name := b.mword(key)
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		return name, b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return name, err
}

// Columns of the table sheet, from 1.
const (
	mUnit = iota + 1
	mSollYear
	mSollToDate
	mIstToDate
	mUtilisation
	mProjection
	mDeviation
	mDeviationPct
	mStatus
	mCases
)

// tableSheet has a row per unit and the total: the money as values (the
// total as SUM formulas), utilisation and deviation as live formulas, the
// status as the word on the status's colour.
func (b *monitorBook) tableSheet(model) error {
	sheet, err := b.namedSheet("sheet_monitor")
	if err != nil {
		return err
	}
	n := len(b.res.Units)
	titles := []string{b.word("unit")}
	for _, k := range []string{"soll_year", "soll_to_date", "ist_to_date", "utilisation", "projection", "deviation", "deviation_percent", "status"} {
		titles = append(titles, b.mword(k))
	}
	if b.res.HasCases {
		for _, k := range []string{"cases", "cost_per_case", "change", "case_effect", "cost_effect"} {
			titles = append(titles, b.mword(k))
		}
	}
	if err := b.header(sheet, 1, titles, n+1, 24, 16); err != nil {
		return err
	}
	for i, r := range b.res.Units {
		if err := b.tableRow(sheet, i+2, r, r.Unit, 0); err != nil {
			return err
		}
	}
	if err := b.totalRow(sheet, n+2, n); err != nil {
		return err
	}
	return b.notes(sheet, n+4)
}

func (b *monitorBook) tableRow(sheet string, row int, r monitor.Row, name string, style int) error {
	cells := []struct {
		c int
		v any
	}{{mUnit, name}, {mSollYear, euros(allocate.Cents(r.SollYear))}, {mSollToDate, euros(allocate.Cents(r.SollToDate))},
		{mIstToDate, euros(allocate.Cents(r.IstToDate))}, {mProjection, euros(allocate.Cents(r.Projection))}}
	for _, x := range cells {
		st := b.styles.euro
		if x.c == mUnit {
			st = style
		}
		if err := b.set(sheet, x.c, row, x.v, st); err != nil {
			return err
		}
	}
	if err := b.ratioFormulas(sheet, row, b.styles.euro); err != nil {
		return err
	}
	if err := b.statusCell(sheet, row, r.Status); err != nil {
		return err
	}
	return b.caseCells(sheet, row, r.Cases)
}

// ratioFormulas writes utilisation, deviation and deviation % as
// formulas over the row's cells; empty where the model leaves them
// undefined.
func (b *monitorBook) ratioFormulas(sheet string, row, euro int) error {
	c := func(k int) string { return cell(k, row) }
	formulas := []struct {
		col   int
		f     string
		style int
	}{
		{mUtilisation, fmt.Sprintf(`IF(%s=0,"",%s/%s)`, c(mSollToDate), c(mIstToDate), c(mSollToDate)), b.styles.percent},
		{mDeviation, fmt.Sprintf("%s-%s", c(mProjection), c(mSollYear)), euro},
		{mDeviationPct, fmt.Sprintf(`IF(%s=0,"",%s/%s)`, c(mSollYear), c(mDeviation), c(mSollYear)), b.styles.percent},
	}
	for _, f := range formulas {
		if err := b.formula(sheet, f.col, row, f.f, f.style); err != nil {
			return err
		}
	}
	return nil
}

// statusFills are the traffic light's colours, as Excel's conditional
// formats show good, neutral and bad.
var statusFills = [...]string{"C6EFCE", "FFEB9C", "FFC7CE"}

func (b *monitorBook) statusCell(sheet string, row int, s monitor.Status) error {
	style, err := b.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusFills[s]}},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	return b.set(sheet, mStatus, row, b.mword(s.String()), style)
}

func (b *monitorBook) caseCells(sheet string, row int, c *monitor.Cases) error {
	if c == nil {
		return nil
	}
	values := []any{ratFloat(c.Average), optEuros(c.CostPerCase), nil, optEuros(c.CaseEffect), optEuros(c.CostEffect)}
	if c.Before {
		values[2] = euros(allocate.Cents(c.Change))
	}
	for i, v := range values {
		st := b.styles.euro
		if i == 0 {
			st = b.styles.number
		}
		if v == nil {
			continue
		}
		if err := b.set(sheet, mCases+i, row, v, st); err != nil {
			return err
		}
	}
	return nil
}

func optEuros(c *int64) any {
	if c == nil {
		return nil
	}
	return euros(allocate.Cents(*c))
}

// totalRow sums the units' money with formulas; the ratios follow from
// the sums, as the model says.
func (b *monitorBook) totalRow(sheet string, row, n int) error {
	t := b.res.Total
	if err := b.set(sheet, mUnit, row, b.word("total"), b.styles.bold); err != nil {
		return err
	}
	for _, c := range []int{mSollYear, mSollToDate, mIstToDate, mProjection} {
		if err := b.formula(sheet, c, row, fmt.Sprintf("SUM(%s2:%s%d)", col(c), col(c), n+1), b.styles.boldEuro); err != nil {
			return err
		}
	}
	if err := b.ratioFormulas(sheet, row, b.styles.boldEuro); err != nil {
		return err
	}
	if err := b.statusCell(sheet, row, t.Status); err != nil {
		return err
	}
	return b.caseCells(sheet, row, t.Cases)
}

// notes write the caption and the notes below the table.
func (b *monitorBook) notes(sheet string, row int) error {
	lines := append([]string{b.view.Caption(b.lang)}, b.view.Notes(b.lang)...)
	for i, l := range lines {
		if err := b.set(sheet, 1, row+i, l, 0); err != nil {
			return err
		}
	}
	return nil
}

// monthsSheet has a row per month: cumulative Soll, Ist (to the reporting
// month) and projection (from it), for the total and for each unit, and a
// line chart of the total's three.
func (b *monitorBook) monthsSheet(model) error {
	sheet, err := b.namedSheet("sheet_months")
	if err != nil {
		return err
	}
	titles := []string{b.mword("month")}
	rows := append([]monitor.Row{b.res.Total}, b.res.Units...)
	for i, r := range rows {
		name := r.Unit
		if i == 0 {
			name = b.word("total")
		}
		for _, k := range []string{"soll_cum", "ist_cum", "projection_cum"} {
			titles = append(titles, name+": "+b.mword(k))
		}
	}
	if err := b.header(sheet, 1, titles, 13, 12, 18); err != nil {
		return err
	}
	for k := 1; k <= 12; k++ {
		if err := b.monthRow(sheet, k, rows); err != nil {
			return err
		}
	}
	return b.monthsChart(sheet)
}

func (b *monitorBook) monthRow(sheet string, k int, rows []monitor.Row) error {
	if err := b.set(sheet, 1, k+1, fmt.Sprintf("%d-%02d", b.res.Year, k), 0); err != nil {
		return err
	}
	for i, r := range rows {
		values := []any{euros(allocate.Cents(r.SollCum[k-1])), nil, nil}
		if k <= b.res.AsOf {
			values[1] = euros(allocate.Cents(r.IstCum[k-1]))
		}
		if k >= b.res.AsOf {
			values[2] = euros(allocate.Cents(r.ProjCum[k-1]))
		}
		for j, v := range values {
			if v == nil {
				continue
			}
			if err := b.set(sheet, 2+3*i+j, k+1, v, b.styles.euro); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *monitorBook) monthsChart(sheet string) error {
	ref := quoted(sheet)
	var series []excelize.ChartSeries
	for j := 0; j < 3; j++ {
		c := col(2 + j)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$1", ref, c),
			Categories: fmt.Sprintf("%s!$A$2:$A$13", ref),
			Values:     fmt.Sprintf("%s!$%s$2:$%s$13", ref, c, c),
		})
	}
	return b.f.AddChart(sheet, cell(1, 16), &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.mword("chart_title")}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 800, Height: 400},
	})
}

// methodSheet states the method, the reporting month and the tolerance;
// for seasonal, the earlier years' Ist per month, to the month and for
// the year, and f as a formula over them.
func (b *monitorBook) methodSheet(model) error {
	sheet, err := b.namedSheet("sheet_method")
	if err != nil {
		return err
	}
	res := b.res
	params := [][2]any{
		{b.mword("method"), b.mword(res.Method.String())},
		{b.mword("as_of"), b.view.AsOf()},
		{b.mword("tolerance"), ratFloat(res.Tolerance)},
	}
	for i, p := range params {
		if err := b.set(sheet, 1, i+1, p[0], b.styles.bold); err != nil {
			return err
		}
		st := 0
		if i == 2 {
			st = b.styles.percent
		}
		if err := b.set(sheet, 2, i+1, p[1], st); err != nil {
			return err
		}
	}
	if err := b.widths(sheet, 16, 28, 14); err != nil {
		return err
	}
	if res.Factor == nil {
		return nil
	}
	return b.seasonalInputs(sheet, 5)
}

// seasonalInputs lists the earlier years from row on.
func (b *monitorBook) seasonalInputs(sheet string, row int) error {
	titles := []string{b.word("period")}
	for k := 1; k <= 12; k++ {
		titles = append(titles, fmt.Sprintf("%02d", k))
	}
	titles = append(titles, fmt.Sprintf("%s %02d", b.mword("to_month"), b.res.AsOf), b.mword("year_total"))
	for i, t := range titles {
		if err := b.set(sheet, i+1, row, t, b.styles.header); err != nil {
			return err
		}
	}
	last := row + len(b.res.Earlier)
	for i, y := range b.res.Earlier {
		r := row + 1 + i
		if err := b.set(sheet, 1, r, y.Year, 0); err != nil {
			return err
		}
		for k := range 12 {
			if err := b.set(sheet, 2+k, r, euros(allocate.Cents(y.Months[k])), b.styles.euro); err != nil {
				return err
			}
		}
		if err := b.formula(sheet, 14, r, fmt.Sprintf("SUM(B%d:%s%d)", r, col(1+b.res.AsOf), r), b.styles.euro); err != nil {
			return err
		}
		if err := b.formula(sheet, 15, r, fmt.Sprintf("SUM(B%d:M%d)", r, r), b.styles.euro); err != nil {
			return err
		}
	}
	if err := b.set(sheet, 1, last+2, b.mword("factor"), b.styles.bold); err != nil {
		return err
	}
	f := fmt.Sprintf("SUM(N%d:N%d)/SUM(O%d:O%d)", row+1, last, row+1, last)
	return b.formula(sheet, 2, last+2, f, b.styles.share)
}

// auditSheet records how the report was made, as the other reports do,
// with the monitoring's rules.
func (b *monitorBook) auditSheet(model) error {
	rules := make([][2]string, len(monitorRules[b.lang.Code]))
	for i, text := range monitorRules[b.lang.Code] {
		rules[i] = [2]string{fmt.Sprintf("%d.", i+1), text}
	}
	return b.writeAudit(rules)
}

var monitorRules = map[string][]string{
	"de": {
		"Soll bis Stichtag = Σ Quartalsbetrag · k/3, k = Monate des Quartals bis zum Stichtag m; auf Cent gerundet (halbe Cent von null weg).",
		"Ist bis Stichtag = Σ Ist der Monate 1..m; Ausschöpfung = Ist / Soll bis Stichtag.",
		"Prognose linear = Ist · 12 / m; saisonal = Ist / f_m, f_m = Ist der früheren vollständigen Jahre in den Monaten 1..m / Ist der ganzen Jahre; auf Cent gerundet.",
		"Abweichung = Prognose − Soll Jahr; Abweichung % = Abweichung / Soll Jahr; gruen bei Abweichung ≤ 0, gelb bis zur Toleranz, rot darüber.",
		"Summen sind die Summen der gerundeten Werte der Bezirksstellen; ihre Quoten folgen aus den Summen.",
		"Fallzahleffekt = (Fallmonate − Fallmonate Vorjahr) × € je Fallmonat Vorjahr, auf Cent gerundet; Kosteneffekt = Veränderung − Fallzahleffekt.",
	},
	"en": {
		"Planned to date = Σ quarter's amount · k/3, k = months of the quarter up to the reporting month m; rounded to the cent (half away from zero).",
		"Actual to date = Σ actual of months 1..m; utilisation = actual / planned to date.",
		"Projection linear = actual · 12 / m; seasonal = actual / f_m, f_m = actual of the earlier complete years in months 1..m / their whole years; rounded to the cent.",
		"Deviation = projection − planned year; deviation % = deviation / planned year; green at deviation ≤ 0, yellow up to the tolerance, red above.",
		"Totals are the sums of the units' rounded figures; their ratios follow from the sums.",
		"Case effect = (case-months − case-months before) × € per case-month before, rounded to the cent; cost effect = change − case effect.",
	},
}
