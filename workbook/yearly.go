package workbook

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/yearly"
)

// Yearly is the yearly report as a workbook: the booked quarters and each
// office's amounts with a stacked column chart, the shares against the
// target with a line chart, Soll/Ist with the cumulative lines where Ist
// is given, each office's change split by cause with a chart, the
// bookings with ledger verify's verdict, and the audit sheet.
func Yearly(v *yearly.View, meta Meta) ([]byte, error) {
	b, err := newBook(meta)
	if err != nil {
		return nil, err
	}
	yb := &yearlyBook{book: b, v: v, r: v.Report}
	sheets := []func(model) error{yb.quartersSheet, yb.sharesSheet}
	if v.Report.Monitor != nil {
		sheets = append(sheets, yb.sollIstSheet)
	}
	sheets = append(sheets, yb.changesSheet, yb.bookingsSheet, b.auditSheet)
	return b.write(model{}, sheets...)
}

type yearlyBook struct {
	*book
	v *yearly.View
	r *yearly.Report
}

// addSheet adds a sheet named in the report's words.
func (b *yearlyBook) addSheet(key string) (string, error) {
	name := b.v.Word(key)
	if len(name) > 31 {
		name = name[:31]
	}
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		return name, b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return name, err
}

// quartersSheet: a row per office with its amount in each booked quarter,
// the year total as a formula, the year before and the change; the
// quarters' α and budget above the chart.
func (b *yearlyBook) quartersSheet(model) error {
	sheet, err := b.addSheet("sheet_quarters")
	if err != nil {
		return err
	}
	nq, nu := len(b.r.Quarters), len(b.r.Units)
	titles := b.quarterTitles()
	titles = append(titles, b.v.Word("year_total"), b.v.Word("total_before"), b.v.Word("change"))
	if err := b.header(sheet, 1, titles, nu+1, 24, 16); err != nil {
		return err
	}
	totalCol := nq + 2
	for i, u := range b.r.Units {
		row := i + 2
		if err := b.set(sheet, 1, row, u.Name, 0); err != nil {
			return err
		}
		for qi := range b.r.Quarters {
			if u.Booked[qi] {
				if err := b.set(sheet, qi+2, row, euros(u.Amounts[qi]), b.styles.euro); err != nil {
					return err
				}
			}
		}
		if err := b.yearCells(sheet, row, totalCol, u.TotalBefore, b.styles.euro); err != nil {
			return err
		}
	}
	row := nu + 2
	if err := b.set(sheet, 1, row, b.v.Word("total"), b.styles.bold); err != nil {
		return err
	}
	for c := 2; c <= totalCol; c++ {
		if err := b.formula(sheet, c, row, fmt.Sprintf("SUM(%s2:%s%d)", col(c), col(c), nu+1), b.styles.boldEuro); err != nil {
			return err
		}
	}
	if b.r.TotalBefore != nil {
		if err := b.set(sheet, totalCol+1, row, euros(*b.r.TotalBefore), b.styles.boldEuro); err != nil {
			return err
		}
		if err := b.formula(sheet, totalCol+2, row, fmt.Sprintf("%s-%s", cell(totalCol, row), cell(totalCol+1, row)), b.styles.boldEuro); err != nil {
			return err
		}
	}
	row += 2
	if err := b.quarterFacts(sheet, row); err != nil {
		return err
	}
	return b.columnChart(sheet, row+4, nu, nq)
}

// yearCells writes the year total as a formula over the quarters, the
// year before and the change.
func (b *yearlyBook) yearCells(sheet string, row, totalCol int, before *allocate.Cents, style int) error {
	if err := b.formula(sheet, totalCol, row, fmt.Sprintf("SUM(%s:%s)", cell(2, row), cell(totalCol-1, row)), style); err != nil {
		return err
	}
	if before == nil {
		return nil
	}
	if err := b.set(sheet, totalCol+1, row, euros(*before), style); err != nil {
		return err
	}
	return b.formula(sheet, totalCol+2, row, fmt.Sprintf("%s-%s", cell(totalCol, row), cell(totalCol+1, row)), style)
}

// quarterFacts are α and the budget of each booked quarter.
func (b *yearlyBook) quarterFacts(sheet string, row int) error {
	if err := b.set(sheet, 1, row, b.v.Word("alpha"), b.styles.bold); err != nil {
		return err
	}
	if err := b.set(sheet, 1, row+1, b.v.Word("budget"), b.styles.bold); err != nil {
		return err
	}
	for qi, q := range b.r.Quarters {
		if err := b.set(sheet, qi+2, row, ratFloat(q.IndicatorShare), b.styles.percent); err != nil {
			return err
		}
		if err := b.set(sheet, qi+2, row+1, euros(q.Budget), b.styles.euro); err != nil {
			return err
		}
	}
	return nil
}

// columnChart stacks the offices' amounts by quarter, on a page of its own.
func (b *yearlyBook) columnChart(sheet string, row, nu, nq int) error {
	ref, last := quoted(sheet), col(nq+1)
	var series []excelize.ChartSeries
	for i := range nu {
		r := i + 2
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s!$A$%d", ref, r),
			Categories: fmt.Sprintf("%s!$B$1:$%s$1", ref, last), Values: fmt.Sprintf("%s!$B$%d:$%s$%d", ref, r, last, r),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{okabeIto[i%len(okabeIto)]}}})
	}
	return b.addChart(sheet, row, excelize.ColStacked, series, chartWords{title: "chart_budget", x: "quarter", y: b.v.Word("amount") + " (€)", yFormat: euroAxis})
}

// okabeIto is the colour-blind-safe palette of the HTML charts.
var okabeIto = []string{"0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00", "F0E442", "000000"}

// quarterTitles heads a table of offices by quarter: the office, then
// each booked quarter.
func (b *yearlyBook) quarterTitles() []string {
	titles := []string{b.v.Word("unit")}
	for _, q := range b.r.Quarters {
		titles = append(titles, q.Period.String())
	}
	return titles
}

// sharesSheet: α and each office's share over its target share by
// quarter, with a line chart (markers tell the lines apart in print).
func (b *yearlyBook) sharesSheet(model) error {
	sheet, err := b.addSheet("sheet_shares")
	if err != nil {
		return err
	}
	nq, nu := len(b.r.Quarters), len(b.r.Units)
	titles := b.quarterTitles()
	if err := b.header(sheet, 1, titles, nu+2, 24, 14); err != nil {
		return err
	}
	if err := b.set(sheet, 1, 2, b.v.Word("alpha"), b.styles.bold); err != nil {
		return err
	}
	for qi, q := range b.r.Quarters {
		if err := b.set(sheet, qi+2, 2, ratFloat(q.IndicatorShare), b.styles.percent); err != nil {
			return err
		}
	}
	for i := range b.r.Units {
		u := &b.r.Units[i]
		if err := b.set(sheet, 1, i+3, u.Name, 0); err != nil {
			return err
		}
		for qi := range b.r.Quarters {
			if p := u.Progress(qi); p != nil {
				if err := b.set(sheet, qi+2, i+3, ratFloat(p), b.styles.percent); err != nil {
					return err
				}
			}
		}
	}
	row := nu + 5
	ref, last := quoted(sheet), col(nq+1)
	symbols := []string{"circle", "square", "triangle", "diamond", "x", "star", "plus", "dash"}
	var series []excelize.ChartSeries
	for i := range nu {
		r := i + 3
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s!$A$%d", ref, r),
			Categories: fmt.Sprintf("%s!$B$1:$%s$1", ref, last), Values: fmt.Sprintf("%s!$B$%d:$%s$%d", ref, r, last, r),
			Line:   excelize.LineOptions{Width: 2},
			Marker: excelize.ChartMarker{Symbol: symbols[i%len(symbols)], Size: 7}})
	}
	return b.addChart(sheet, row, excelize.Line, series, chartWords{title: "chart_shares", x: "quarter", y: b.v.Word("share_target"), yFormat: percentAxis})
}

// sollIstSheet: each office's Soll, Ist, projection, deviation and
// status, and the cumulative months of the total with a line chart.
func (b *yearlyBook) sollIstSheet(model) error {
	sheet, err := b.addSheet("sheet_sollist")
	if err != nil {
		return err
	}
	m := b.r.Monitor
	titles := []string{b.v.Word("unit"), b.v.Word("soll"), b.v.Word("ist"), b.v.Word("projection"), b.v.Word("deviation"), b.v.Word("status")}
	n := len(m.Units)
	if err := b.header(sheet, 1, titles, n+1, 24, 16); err != nil {
		return err
	}
	for i, u := range m.Units {
		if err := b.monitorLine(sheet, i+2, u.Unit, u.SollYear, u.IstToDate, u.Projection, u.Status.String(), b.styles.euro); err != nil {
			return err
		}
	}
	t := m.Total
	if err := b.monitorLine(sheet, n+2, b.v.Word("total"), t.SollYear, t.IstToDate, t.Projection, t.Status.String(), b.styles.boldEuro); err != nil {
		return err
	}
	row := n + 4
	if err := b.set(sheet, 1, row, b.v.IstNote(), 0); err != nil {
		return err
	}
	return b.cumulative(sheet, row+2)
}

func (b *yearlyBook) monitorLine(sheet string, row int, name string, soll, ist, proj int64, status string, style int) error {
	if err := b.set(sheet, 1, row, name, 0); err != nil {
		return err
	}
	for k, v := range []int64{soll, ist, proj} {
		if err := b.set(sheet, k+2, row, euros(allocate.Cents(v)), style); err != nil {
			return err
		}
	}
	if err := b.formula(sheet, 5, row, fmt.Sprintf("%s-%s", cell(4, row), cell(2, row)), style); err != nil {
		return err
	}
	return b.set(sheet, 6, row, b.v.Word(status), 0)
}

// cumulative lists Soll, Ist and projection of all offices by month and
// draws them as lines.
func (b *yearlyBook) cumulative(sheet string, row int) error {
	m := b.r.Monitor
	for k, t := range []string{b.v.Word("month"), b.v.Word("soll"), b.v.Word("ist"), b.v.Word("projection")} {
		if err := b.set(sheet, k+1, row, t, b.styles.header); err != nil {
			return err
		}
	}
	for k := 0; k < 12; k++ {
		r := row + 1 + k
		if err := b.set(sheet, 1, r, time.Date(m.Year, time.Month(k+1), 1, 0, 0, 0, 0, time.UTC).Format("01/2006"), 0); err != nil {
			return err
		}
		if err := b.set(sheet, 2, r, euros(allocate.Cents(m.Total.SollCum[k])), b.styles.euro); err != nil {
			return err
		}
		if k < m.AsOf {
			if err := b.set(sheet, 3, r, euros(allocate.Cents(m.Total.IstCum[k])), b.styles.euro); err != nil {
				return err
			}
		}
		if k >= m.AsOf-1 {
			if err := b.set(sheet, 4, r, euros(allocate.Cents(m.Total.ProjCum[k])), b.styles.euro); err != nil {
				return err
			}
		}
	}
	at := row + 14
	ref := quoted(sheet)
	var series []excelize.ChartSeries
	for k, sym := range []string{"circle", "square", "triangle"} {
		c := col(k + 2)
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s!$%s$%d", ref, c, row),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", ref, row+1, row+12), Values: fmt.Sprintf("%s!$%s$%d:$%s$%d", ref, c, row+1, c, row+12),
			Line: excelize.LineOptions{Width: 2}, Marker: excelize.ChartMarker{Symbol: sym, Size: 7}})
	}
	return b.addChart(sheet, at, excelize.Line, series, chartWords{title: "chart_soll", x: "month", y: b.v.Word("amount") + " (€)", yFormat: euroAxis})
}

// changesSheet: per office the amount of the first booked quarter, each
// cause of the change (as explain splits it) and the amount of the last,
// with a check formula; a stacked column chart of the causes by office.
func (b *yearlyBook) changesSheet(model) error {
	sheet, err := b.addSheet("sheet_changes")
	if err != nil {
		return err
	}
	var keys []string
	for _, u := range b.r.Units {
		if k, _ := u.Lines(); k != nil {
			keys = k
			break
		}
	}
	titles := []string{b.v.Word("unit"), b.v.Word("from")}
	for _, k := range keys {
		titles = append(titles, b.v.CauseLabel(k))
	}
	titles = append(titles, b.v.Word("to"))
	n := len(b.r.Units)
	if err := b.header(sheet, 1, titles, n+1, 24, 16); err != nil {
		return err
	}
	last := len(keys) + 3
	for i := range b.r.Units {
		u := &b.r.Units[i]
		row := i + 2
		if err := b.set(sheet, 1, row, u.Name, 0); err != nil {
			return err
		}
		_, cents := u.Lines()
		if cents == nil {
			continue
		}
		if err := b.set(sheet, 2, row, euros(u.Change.OldAmount), b.styles.euro); err != nil {
			return err
		}
		for k, c := range cents {
			if err := b.set(sheet, k+3, row, euros(c), b.styles.euro); err != nil {
				return err
			}
		}
		// The last amount is the first plus the causes: the lines add up.
		if err := b.formula(sheet, last, row, fmt.Sprintf("SUM(%s:%s)", cell(2, row), cell(last-1, row)), b.styles.euro); err != nil {
			return err
		}
	}
	if len(keys) == 0 {
		return nil
	}
	at := n + 3
	ref := quoted(sheet)
	var series []excelize.ChartSeries
	for k := range keys {
		c := col(k + 3)
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("%s!$%s$1", ref, c),
			Categories: fmt.Sprintf("%s!$A$2:$A$%d", ref, n+1), Values: fmt.Sprintf("%s!$%s$2:$%s$%d", ref, c, c, n+1),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{okabeIto[k%len(okabeIto)]}}})
	}
	return b.addChart(sheet, at, excelize.ColStacked, series, chartWords{title: "changes", x: "unit", y: b.v.Word("change") + " (€)", yFormat: euroAxis})
}

// bookingsSheet: the input files and every booking of the year, with
// ledger verify's verdict.
func (b *yearlyBook) bookingsSheet(model) error {
	sheet, err := b.addSheet("audit_sheet")
	if err != nil {
		return err
	}
	titles := []string{b.v.Word("quarter"), b.v.Word("revision"), b.v.Word("booked_at"), b.v.Word("booked_by"), b.v.Word("reason"), b.v.Word("hash")}
	n := len(b.r.Bookings)
	if err := b.header(sheet, 1, titles, n+1, 12, 10, 22, 14, 30, 70); err != nil {
		return err
	}
	for i, e := range b.r.Bookings {
		rev := fmt.Sprint(e.Revision)
		if !e.Active {
			rev += " (" + b.v.Word("replaced") + ")"
		}
		for k, v := range []string{e.Period.String(), rev, e.BookedAt.UTC().Format(time.RFC3339), e.BookedBy, e.Reason, e.Hash} {
			if err := b.set(sheet, k+1, i+2, v, 0); err != nil {
				return err
			}
		}
	}
	row := n + 3
	verdict, problems := b.v.Verdict()
	if err := b.set(sheet, 1, row, verdict, b.styles.bold); err != nil {
		return err
	}
	for _, p := range problems {
		row++
		if err := b.set(sheet, 1, row, p, 0); err != nil {
			return err
		}
	}
	row += 2
	for k, t := range []string{b.v.Word("role"), b.v.Word("file"), b.v.Word("bytes"), "SHA-256"} {
		if err := b.set(sheet, k+1, row, t, b.styles.header); err != nil {
			return err
		}
	}
	for _, in := range b.r.Inputs {
		row++
		for k, v := range []any{in.Role, in.Name, in.Bytes, in.SHA256} {
			if err := b.set(sheet, k+1, row, v, 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// chartWords name a chart, its axes and the number format of its values.
type chartWords struct {
	title, x string // catalogue words
	y        string // the value axis's title, as shown
	yFormat  string
}

// addChart puts a chart of the yearly report at row's first cell, on a
// page of its own: every chart has the same fonts, gridlines, legend
// below and size.
func (b *yearlyBook) addChart(sheet string, row int, typ excelize.ChartType, series []excelize.ChartSeries, w chartWords) error {
	if err := b.pageBreak(sheet, row); err != nil {
		return err
	}
	return b.f.AddChart(sheet, cell(1, row), &excelize.Chart{
		Type: typ, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.v.Word(w.title)}}},
		XAxis:     excelize.ChartAxis{Font: axisFont, Title: axisTitle(b.v.Word(w.x))},
		YAxis:     excelize.ChartAxis{Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: w.yFormat}, MajorGridLines: true, Title: axisTitle(w.y)},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 900, Height: 480},
	})
}
