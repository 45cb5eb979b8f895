package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
)

// summarySheet states the parameters and totals and charts the amounts of
// the last period per unit.
func (b *book) summarySheet(m model) error {
	sheet, err := b.sheet("sheet_summary")
	if err != nil {
		return err
	}
	if err := b.set(sheet, 1, 1, b.word("report_title"), b.styles.title); err != nil {
		return err
	}
	rows := b.summaryRows(m)
	for i, row := range rows {
		if err := b.set(sheet, 1, i+3, row[0], b.styles.bold); err != nil {
			return err
		}
		if err := b.set(sheet, 2, i+3, row[1], 0); err != nil {
			return err
		}
	}
	if err := b.widths(sheet, 2, 28, 60); err != nil {
		return err
	}
	return b.amountChart(sheet, m, b.word("sheet_allocation"), len(rows)+5)
}

// summaryRows are the parameters in words.
func (b *book) summaryRows(m model) [][2]string {
	first, last := m.periods[0], m.periods[len(m.periods)-1]
	rows := [][2]string{{b.word("report_date"), b.date()}}
	if m.plan != nil {
		rows = append(rows, [2]string{b.word("quarters"), first.label + " – " + last.label})
	}
	var alphas, budgets, totals []string
	for _, p := range m.periods {
		alphas = append(alphas, b.lang.Share(p.share))
		budgets = append(budgets, b.lang.Euros(p.budget)+" €")
		var sum int64
		for _, a := range p.amounts {
			sum += int64(a)
		}
		totals = append(totals, b.lang.Euros(allocate.Cents(sum))+" €")
	}
	rows = append(rows,
		[2]string{b.word("indicator_share"), strings.Join(alphas, " → ")},
		[2]string{b.word("budget"), strings.Join(budgets, "; ")},
		[2]string{b.word("total"), strings.Join(totals, "; ")},
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
