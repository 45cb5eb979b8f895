package report

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// writeTable writes a caption with the parameters, then one row per unit
// and a total row, as a terminal table or as Markdown.
func (a *Allocation) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	if _, err := fmt.Fprintf(w, "%s\n\n", a.caption(lang)); err != nil {
		return err
	}
	header := []string{lang.Word("unit"), lang.Word("composite_share"), lang.Word("history_share"),
		lang.Word("target_share"), lang.Word("amount") + " €"}
	rows := make([][]string, len(a.rows))
	sums := []*big.Rat{new(big.Rat), new(big.Rat), new(big.Rat)}
	for i, row := range a.rows {
		rows[i] = []string{row.unit, lang.Percent(row.shares.Composite), lang.Percent(row.shares.History),
			lang.Percent(row.shares.Target), lang.Euros(row.amount)}
		for k, share := range []*big.Rat{row.shares.Composite, row.shares.History, row.shares.Target} {
			sums[k].Add(sums[k], share)
		}
	}
	footer := []string{lang.Word("total"), lang.Percent(sums[0]), lang.Percent(sums[1]), lang.Percent(sums[2]), lang.Euros(a.Result.Total())}
	return renderTable(w, markdown, header, rows, footer)
}

// caption states what the figures rest on: budget, indicator share, weights.
func (a *Allocation) caption(lang *Lang) string {
	res := a.Result
	weights := make([]string, len(res.Indicators))
	for i, ind := range res.Indicators {
		weights[i] = a.label(lang, ind.Key) + " " + lang.Share(ind.Weight)
		if ind.Inverse {
			weights[i] += " (" + lang.Word("inverse") + ")"
		}
	}
	return fmt.Sprintf("%s: %s €   %s: %s   %s: %s", lang.Word("budget"), lang.Euros(res.Budget),
		lang.Word("indicator_share"), lang.Share(res.IndicatorShare), lang.Word("weights"), strings.Join(weights, ", "))
}

// renderTable lays out text with the first column left-aligned and the
// others, which hold numbers, right-aligned.
func renderTable(w io.Writer, markdown bool, header []string, rows [][]string, footer []string) error {
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = tw.AlignRight
	}
	align[0] = tw.AlignLeft
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithFooterAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	}
	if markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
		header = escapeCells([][]string{header})[0]
		rows = append(escapeCells(rows), boldRow(escapeCells([][]string{footer})[0]))
		footer = nil
	}
	table := tablewriter.NewTable(w, opts...)
	table.Header(header)
	if err := table.Bulk(rows); err != nil {
		return err
	}
	if footer != nil {
		table.Footer(footer)
	}
	return table.Render()
}

// boldRow marks the total row in Markdown, which has no footer.
func boldRow(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if c != "" {
			out[i] = "**" + c + "**"
		}
	}
	return out
}
