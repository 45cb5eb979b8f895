package workbook

import (
	"fmt"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
)

// indicatorLayout places the indicator sheet's blocks: the periods'
// parameters on top, then the weights and the table of units.
type indicatorLayout struct {
	k, n, periods int  // indicators, units, periods
	corridor      bool // a period has a column for its reference shares
}

func (l indicatorLayout) paramRow(i int) int { return 4 + i } // α in B, budget in C
func (l indicatorLayout) weightRow() int     { return l.paramRow(l.periods) + 1 }
func (l indicatorLayout) headerRow() int     { return l.weightRow() + 1 }
func (l indicatorLayout) firstUnit() int     { return l.headerRow() + 1 }
func (l indicatorLayout) lastUnit() int      { return l.firstUnit() + l.n - 1 }
func (l indicatorLayout) totalRow() int      { return l.lastUnit() + 1 }
func (l indicatorLayout) valueCol(k int) int { return 2 + k } // k = l.k is the spending
func (l indicatorLayout) shareCol(k int) int { return l.valueCol(l.k) + 1 + k }
func (l indicatorLayout) historyCol() int    { return l.shareCol(l.k) }
func (l indicatorLayout) compositeCol() int  { return l.historyCol() + 1 }

// A period's columns: with a corridor first the reference share p_prev,
// then the target share, the exact amount, the share after the corridor,
// the exact amount after it, the amount, and amount minus exact.
const (
	offTarget = iota
	offExact
	offShare
	offExactAfter
	offAmount
	offDiff
	periodWidth
)

// periodCol is the column of a period's target share; with a corridor
// the reference share stands left of it.
func (l indicatorLayout) periodCol(i int) int {
	width, first := periodWidth, l.compositeCol()+1
	if l.corridor {
		width++
		first++
	}
	return first + width*i
}

// indicatorSheet shows the inputs and recomputes every unrounded amount
// with live formulas over them, so an auditor can check each figure in
// the workbook itself.
func (b *book) indicatorSheet(m model) error {
	sheet, err := b.sheet("sheet_indicators")
	if err != nil {
		return err
	}
	if err := b.startStream(sheet); err != nil {
		return err
	}
	res := m.first()
	l := indicatorLayout{k: len(res.Indicators), n: len(m.units), periods: len(m.periods), corridor: m.corridor != nil}
	steps := []func(string, model, indicatorLayout) error{b.indicatorParams, b.indicatorHeader, b.indicatorUnits, b.indicatorTotals}
	for _, step := range steps {
		if err := step(sheet, m, l); err != nil {
			return err
		}
	}
	return b.endSheet(sheet)
}

// indicatorUnits writes each unit's row, values and formulas, in row
// order (a streamed sheet writes a row once). The formulas are the same
// in every row but for the row: their texts are made once.
func (b *book) indicatorUnits(sheet string, m model, l indicatorLayout) error {
	formulas := b.indicatorFormulas(m, l)
	return b.unitRows(sheet, l.firstUnit(), l.n, func(u int) error {
		if err := b.indicatorValues(sheet, m, l, u, m.units[u]); err != nil {
			return err
		}
		return b.rowFormulas(sheet, l.firstUnit()+u, formulas)
	})
}

func (b *book) indicatorParams(sheet string, m model, l indicatorLayout) error {
	if err := b.set(sheet, 1, 1, b.word("sheet_indicators"), b.styles.title); err != nil {
		return err
	}
	params := []string{b.word("period"), b.word("indicator_share"), b.word("budget")}
	if l.corridor {
		params = append(params, b.word("lambda"))
	}
	for i, t := range params {
		if err := b.set(sheet, i+1, 3, t, b.styles.header); err != nil {
			return err
		}
	}
	for i, p := range m.periods {
		r := l.paramRow(i)
		if err := b.set(sheet, 1, r, p.label, 0); err != nil {
			return err
		}
		if err := b.set(sheet, 2, r, ratFloat(p.share), b.styles.percent); err != nil {
			return err
		}
		if err := b.set(sheet, 3, r, euros(p.budget), b.styles.euro); err != nil {
			return err
		}
		if l.corridor {
			if err := b.lambdaCell(sheet, p, r); err != nil {
				return err
			}
		}
	}
	if err := b.set(sheet, 1, l.weightRow(), b.word("weight"), b.styles.bold); err != nil {
		return err
	}
	for k, ind := range m.first().Indicators {
		if err := b.set(sheet, l.shareCol(k), l.weightRow(), ratFloat(ind.Weight), b.styles.percent); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) indicatorHeader(sheet string, m model, l indicatorLayout) error {
	res := m.first()
	titles := []string{b.word("unit")}
	for _, ind := range res.Indicators {
		titles = append(titles, b.label(ind.Key))
	}
	titles = append(titles, b.label(allocate.SpendingKey))
	for _, ind := range res.Indicators {
		t := b.word("share_of") + " " + b.label(ind.Key)
		if ind.Inverse {
			t += " (" + b.word("inverse") + ")"
		}
		titles = append(titles, t)
	}
	titles = append(titles, b.word("history_share_h"), b.word("composite"))
	for _, p := range m.periods {
		if l.corridor {
			titles = append(titles, p.label+" "+b.word("reference_share"))
		}
		titles = append(titles, p.label+" "+b.word("target"), p.label+" "+b.word("exact_amount"),
			p.label+" "+b.word("share"), p.label+" "+b.word("exact_amount")+" "+b.word("corridor"),
			p.label+" "+b.word("amount"), p.label+" "+b.word("difference_amount"))
	}
	return b.header(sheet, l.headerRow(), titles, l.lastUnit(), 24, 16)
}

// indicatorValues writes unit u's values, shares and amounts.
func (b *book) indicatorValues(sheet string, m model, l indicatorLayout, u int, name string) error {
	res := m.first()
	r := l.firstUnit() + u
	if err := b.set(sheet, 1, r, name, 0); err != nil {
		return err
	}
	for k, value := range res.Values(u) {
		if err := b.number(sheet, l.valueCol(k), r, ratFloat(value), b.styles.number); err != nil {
			return err
		}
	}
	for i, p := range m.periods {
		c := l.periodCol(i)
		if !l.corridor || p.lambda == nil {
			if err := b.number(sheet, c+offShare, r, p.floats[u], b.styles.share); err != nil {
				return err
			}
		}
		if err := b.amount(sheet, c+offAmount, r, p.amounts[u], b.styles.euro); err != nil {
			return err
		}
		if l.corridor && i == 0 && m.previous != nil {
			share := ratFloat(big.NewRat(int64(m.previous[u]), m.previousTotal))
			if err := b.number(sheet, c-1, r, share, b.styles.share); err != nil {
				return err
			}
		}
	}
	return nil
}

// indicatorFormulas are the model's formulas of a unit's row.
func (b *book) indicatorFormulas(m model, l indicatorLayout) []rowFormula {
	res := m.first()
	var fs []rowFormula
	for k := 0; k <= l.k; k++ {
		inverse := k < l.k && res.Indicators[k].Inverse
		fs = append(fs, rowFormula{l.shareCol(k), shareFormula(l, l.valueCol(k), inverse), b.styles.share})
	}
	shares := fmt.Sprintf("%s%s:%s%s", col(l.shareCol(0)), rowMark, col(l.shareCol(l.k-1)), rowMark)
	weights := fmt.Sprintf("$%s$%d:$%s$%d", col(l.shareCol(0)), l.weightRow(), col(l.shareCol(l.k-1)), l.weightRow())
	fs = append(fs, rowFormula{l.compositeCol(), fmt.Sprintf("SUMPRODUCT(%s,%s)", weights, shares), b.styles.share})
	for i := range m.periods {
		fs = append(fs, b.periodFormulas(l, i)...)
		if l.corridor {
			fs = append(fs, b.corridorFormulas(m, l, i)...)
		}
	}
	return fs
}

// shareFormula is a unit's share of a column: value over the column's sum
// in the city total row (summed once, so that a spreadsheet opening a
// report of many units does not sum the column again for each of them),
// or for an inverse indicator the reciprocal over the sum of reciprocals.
func shareFormula(l indicatorLayout, c int, inverse bool) string {
	if inverse {
		rng := fmt.Sprintf("%s$%d:%s$%d", col(c), l.firstUnit(), col(c), l.lastUnit())
		return fmt.Sprintf("(1/%s%s)/SUMPRODUCT(1/%s)", col(c), rowMark, rng)
	}
	return fmt.Sprintf("%s%s/%s$%d", col(c), rowMark, col(c), l.totalRow())
}

// periodFormulas: p = α·c + (1 − α)·h, E = B·p, E' = B·p', amount − E'.
func (b *book) periodFormulas(l indicatorLayout, i int) []rowFormula {
	c := l.periodCol(i)
	alpha := fmt.Sprintf("$B$%d", l.paramRow(i))
	budget := fmt.Sprintf("$C$%d", l.paramRow(i))
	at := func(c int) string { return col(c) + rowMark }
	target := fmt.Sprintf("%s*%s+(1-%s)*%s", alpha, at(l.compositeCol()), alpha, at(l.historyCol()))
	return []rowFormula{
		{c + offTarget, target, b.styles.share},
		{c + offExact, budget + "*" + at(c), b.styles.euro},
		{c + offExactAfter, budget + "*" + at(c+offShare), b.styles.euro},
		{c + offDiff, at(c+offAmount) + "-" + at(c+offExactAfter), b.styles.euro},
	}
}

// indicatorTotals sums the columns: the city totals, shares that add to 1,
// and for each period a check that every amount is within a cent of its
// exact value.
func (b *book) indicatorTotals(sheet string, m model, l indicatorLayout) error {
	r := l.totalRow()
	if err := b.set(sheet, 1, r, b.word("city_total"), b.styles.bold); err != nil {
		return err
	}
	sum := func(c int) string { return fmt.Sprintf("SUM(%s%d:%s%d)", col(c), l.firstUnit(), col(c), l.lastUnit()) }
	for c := l.valueCol(0); c <= l.compositeCol(); c++ {
		style := b.styles.number
		if c >= l.shareCol(0) {
			style = b.styles.share
		}
		if err := b.formula(sheet, c, r, sum(c), style); err != nil {
			return err
		}
	}
	for i := range m.periods {
		c := l.periodCol(i)
		for _, at := range []int{c + offExact, c + offExactAfter, c + offAmount} {
			if err := b.formula(sheet, at, r, sum(at), b.styles.boldEuro); err != nil {
				return err
			}
		}
		// The shares after the corridor add up to 1.
		shareCheck := fmt.Sprintf(`IF(ABS(%s-1)<1E-9,"OK","%s")`, sum(c+offShare), b.word("check_failed"))
		if err := b.formula(sheet, c+offShare, r, shareCheck, b.styles.bold); err != nil {
			return err
		}
		diffs := fmt.Sprintf("%s%d:%s%d", col(c+offDiff), l.firstUnit(), col(c+offDiff), l.lastUnit())
		check := fmt.Sprintf(`IF(SUMPRODUCT((ABS(%s)>=0.01)*1)=0,"OK","%s")`, diffs, b.word("check_failed"))
		if err := b.formula(sheet, c+offDiff, r, check, b.styles.bold); err != nil {
			return err
		}
	}
	return nil
}
