package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// trendSheet shows α and each unit's share per quarter of a plan, with a
// line chart of the shares.
func (b *book) trendSheet(m model) error {
	sheet, err := b.sheet("sheet_trend")
	if err != nil {
		return err
	}
	if err := b.startStream(sheet); err != nil {
		return err
	}
	titles := []string{b.word("unit")}
	for _, p := range m.periods {
		titles = append(titles, p.label)
	}
	n := len(m.units)
	if err := b.header(sheet, 1, titles, n+2, 24, 12); err != nil {
		return err
	}
	if err := b.set(sheet, 1, 2, b.word("indicator_share"), b.styles.bold); err != nil {
		return err
	}
	for i, p := range m.periods {
		if err := b.set(sheet, i+2, 2, ratFloat(p.share), b.styles.percent); err != nil {
			return err
		}
	}
	if err := b.unitRows(sheet, 3, n, func(u int) error { return b.trendRow(sheet, m, u, m.units[u]) }); err != nil {
		return err
	}
	if b.streamed(sheet) {
		return b.endSheet(sheet) // no chart of thousands of lines
	}
	return b.shareChart(sheet, m, n+5)
}

// trendRow is a unit's shares by quarter, in row u+3.
func (b *book) trendRow(sheet string, m model, u int, name string) error {
	if err := b.set(sheet, 1, u+3, name, 0); err != nil {
		return err
	}
	for i, p := range m.periods {
		if err := b.number(sheet, i+2, u+3, p.floats[u], b.styles.share); err != nil {
			return err
		}
	}
	return nil
}

// shareChart is a line chart of each unit's share by quarter, on a page
// of its own.
func (b *book) shareChart(sheet string, m model, row int) error {
	if err := b.pageBreak(sheet, row); err != nil {
		return err
	}
	ref, last := quoted(sheet), col(len(m.periods)+1)
	var series []excelize.ChartSeries
	for u := range m.units {
		r := u + 3
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$A$%d", ref, r),
			Categories: fmt.Sprintf("%s!$B$1:$%s$1", ref, last),
			Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", ref, r, last, r),
		})
	}
	return b.f.AddChart(sheet, cell(1, row), &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.word("share")}}},
		XAxis:     excelize.ChartAxis{Font: axisFont, Title: axisTitle(b.word("quarters"))},
		YAxis:     excelize.ChartAxis{Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: percentAxis}, MajorGridLines: true, Title: axisTitle(b.word("share"))},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 900, Height: 480},
	})
}
