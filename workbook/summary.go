package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
)

// summarySheet states the parameters, a table of each period's indicator
// share, budget and total (numbers with a number format, for a controller
// to calculate with), and charts the amounts of the last period per unit.
func (b *book) summarySheet(m model) error {
	sheet, err := b.sheet("sheet_summary")
	if err != nil {
		return err
	}
	if err := b.set(sheet, 1, 1, b.word("report_title"), b.styles.title); err != nil {
		return err
	}
	if err := b.set(sheet, 1, 3, b.word("report_date"), b.styles.bold); err != nil {
		return err
	}
	if err := b.set(sheet, 2, 3, b.reportDay(), b.styles.date); err != nil {
		return err
	}
	rows := b.summaryRows(m)
	for i, row := range rows {
		if err := b.set(sheet, 1, i+4, row[0], b.styles.bold); err != nil {
			return err
		}
		if err := b.set(sheet, 2, i+4, row[1], 0); err != nil {
			return err
		}
	}
	next := len(rows) + 5
	if err := b.periodTable(sheet, m, next); err != nil {
		return err
	}
	if err := b.widths(sheet, 4, 28, 60, 18, 18); err != nil {
		return err
	}
	return b.amountChart(sheet, m, b.word("sheet_allocation"), next+len(m.periods)+3)
}

// summaryRows are the parameters in words.
func (b *book) summaryRows(m model) [][2]string {
	first, last := m.periods[0], m.periods[len(m.periods)-1]
	var rows [][2]string
	if m.plan != nil {
		rows = append(rows, [2]string{b.word("quarters"), first.label + " – " + last.label})
	}
	rows = append(rows,
		[2]string{b.word("weights"), b.weightsText(m)},
		[2]string{b.word("corridor"), b.corridorText(m)})
	if m.previous != nil || m.corridor != nil {
		rows = append(rows, [2]string{b.word("reference"), b.referenceText(m)})
	}
	if m.plan != nil {
		reached := b.word("not_reached")
		if r := m.plan.TargetReached; r != nil {
			reached = r.String()
		}
		rows = append(rows, [2]string{b.word("target_reached"), reached})
	}
	return rows
}

// periodTable writes, from row on, one row per period: its label, the
// indicator share α as a percentage, the budget and the total allocated as
// euro amounts.
func (b *book) periodTable(sheet string, m model, row int) error {
	titles := []string{b.word("period"), b.word("indicator_share"), b.word("budget"), b.word("total")}
	for i, t := range titles {
		if err := b.set(sheet, i+1, row, t, b.styles.header); err != nil {
			return err
		}
	}
	for i, p := range m.periods {
		r := row + 1 + i
		var sum int64
		for _, a := range p.amounts {
			sum += int64(a)
		}
		cells := []struct {
			v     any
			style int
		}{{p.label, b.styles.bold}, {ratFloat(p.share), b.styles.percent}, {euros(p.budget), b.styles.euro}, {euros(allocate.Cents(sum)), b.styles.euro}}
		for c, x := range cells {
			if err := b.set(sheet, c+1, r, x.v, x.style); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *book) weightsText(m model) string {
	var parts []string
	for _, ind := range m.first().Indicators {
		t := b.label(ind.Key) + " " + b.lang.Share(ind.Weight)
		if ind.Inverse {
			t += " (" + b.word("inverse") + ")"
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, ", ")
}

// referenceText says what the first quarter's changes and corridor start
// from: the amounts before, or the shares of last year's spending.
func (b *book) referenceText(m model) string {
	if m.previous != nil && b.meta.Reference != "" {
		return b.meta.Reference
	}
	return b.word("history_share_h")
}

func (b *book) corridorText(m model) string {
	c := m.corridor
	if c == nil {
		return b.word("no_corridor")
	}
	text := ""
	if c.MaxDecrease != nil {
		text += "−" + b.lang.Share(c.MaxDecrease)
	} else {
		text += "− " + b.word("open")
	}
	if c.MaxIncrease != nil {
		text += " / +" + b.lang.Share(c.MaxIncrease)
	} else {
		text += " / + " + b.word("open")
	}
	return text + " " + b.word("per_quarter")
}

// amountChart is a column chart of the last period's amounts per unit, on
// a page of its own.
func (b *book) amountChart(sheet string, m model, allocation string, row int) error {
	n, last := len(m.units), len(m.periods)+1
	ref := quoted(allocation)
	title := b.word("amount")
	if m.plan != nil { // a single allocation's column is headed by the same word
		title += " " + m.periods[len(m.periods)-1].label
	}
	if err := b.pageBreak(sheet, row); err != nil {
		return err
	}
	return b.f.AddChart(sheet, cell(1, row), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$%s$1", ref, col(last)),
			Categories: fmt.Sprintf("%s!$A$2:$A$%d", ref, n+1),
			Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", ref, col(last), col(last), n+1),
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		XAxis:     excelize.ChartAxis{Font: axisFont, Title: axisTitle(b.word("unit"))},
		YAxis:     excelize.ChartAxis{Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: euroAxis}, MajorGridLines: true, Title: axisTitle(b.word("amount") + " (€)")},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 720, Height: 400},
	})
}

// quoted is a sheet name as formulas refer to it.
func quoted(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

// Number formats of chart axes: whole euros and whole percent.
const (
	euroAxis    = `#,##0 "€"`
	percentAxis = "0%"
)

// axisFont prints axis labels dark enough to read on paper.
var axisFont = excelize.Font{Color: "404040", Size: 9}

// axisTitle is a chart axis's title.
func axisTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text}}}
}
