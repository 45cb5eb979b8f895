package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
)

// allocationSheet has a row per unit and a column of amounts per period
// (amounts the corridor held marked ▼/▲ and coloured), then, where the
// amounts before are known, the reference amount and the first period's
// change against it in euros and percent; a total row of SUM formulas,
// the budgets, and a check of each total against its budget.
func (b *book) allocationSheet(m model) (string, error) {
	sheet, err := b.sheet("sheet_allocation")
	if err != nil {
		return "", err
	}
	if err := b.startStream(sheet); err != nil {
		return "", err
	}
	n := len(m.units)
	titles := []string{b.word("unit")}
	for _, p := range m.periods {
		titles = append(titles, p.label)
	}
	if m.previous != nil {
		change := b.word("change") + " " + m.periods[0].label
		titles = append(titles, b.word("reference"), change+" €", change+" %")
	}
	if err := b.header(sheet, 1, titles, n+1, 24, 16); err != nil {
		return "", err
	}
	marks, err := newMarkStyles(b)
	if err != nil {
		return "", err
	}
	formulas := b.changeFormulas(m)
	err = b.unitRows(sheet, 2, n, func(u int) error { return b.allocationRow(sheet, m, u, marks, formulas) })
	if err != nil {
		return "", err
	}
	if err := b.checkRows(sheet, m, n+2); err != nil {
		return "", err
	}
	if err := b.heldLegend(sheet, m, n+6); err != nil {
		return "", err
	}
	return sheet, b.endSheet(sheet)
}

// markStyles are the amount styles of a unit held by the corridor.
type markStyles struct{ floor, ceiling int }

func newMarkStyles(b *book) (markStyles, error) {
	var s markStyles
	var err error
	format := func(mark string) *string { f := `#,##0.00 "€ ` + mark + `"`; return &f }
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	if s.floor, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: format(b.word("floor_mark")), Fill: fill("FCE4D6")}); err != nil {
		return s, err
	}
	s.ceiling, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: format(b.word("ceiling_mark")), Fill: fill("DDEBF7")})
	return s, err
}

func (b *book) allocationRow(sheet string, m model, u int, marks markStyles, formulas []rowFormula) error {
	r := u + 2
	if err := b.set(sheet, 1, r, m.units[u], 0); err != nil {
		return err
	}
	for i, p := range m.periods {
		style := b.styles.euro
		switch p.held[u] {
		case allocate.Floor:
			style = marks.floor
		case allocate.Ceiling:
			style = marks.ceiling
		}
		if err := b.amount(sheet, i+2, r, p.amounts[u], style); err != nil {
			return err
		}
	}
	if m.previous == nil {
		return nil
	}
	if err := b.amount(sheet, len(m.periods)+2, r, m.previous[u], b.styles.euro); err != nil {
		return err
	}
	return b.rowFormulas(sheet, r, formulas)
}

// changeFormulas are a unit's change against the amount before, in euros
// and percent; none where that amount is not known.
func (b *book) changeFormulas(m model) []rowFormula {
	if m.previous == nil {
		return nil
	}
	ref := len(m.periods) + 2
	at := func(c int) string { return col(c) + rowMark }
	return []rowFormula{
		{ref + 1, "B" + rowMark + "-" + at(ref), b.styles.euro},
		{ref + 2, fmt.Sprintf(`IF(%s=0,"",%s/%s)`, at(ref), at(ref+1), at(ref)), b.styles.percent},
	}
}

// checkRows writes the total, the budget and the check below the units.
func (b *book) checkRows(sheet string, m model, row int) error {
	labels := []string{b.word("total"), b.word("budget"), b.word("check")}
	for i, l := range labels {
		if err := b.set(sheet, 1, row+i, l, b.styles.bold); err != nil {
			return err
		}
	}
	for i, p := range m.periods {
		c := col(i + 2)
		sum := fmt.Sprintf("SUM(%s2:%s%d)", c, c, row-1)
		check := fmt.Sprintf(`IF(ROUND(%s%d-%s%d,2)=0,"OK","%s")`, c, row, c, row+1, b.word("check_failed"))
		if err := b.formula(sheet, i+2, row, sum, b.styles.boldEuro); err != nil {
			return err
		}
		if err := b.set(sheet, i+2, row+1, euros(p.budget), b.styles.euro); err != nil {
			return err
		}
		if err := b.formula(sheet, i+2, row+2, check, b.styles.bold); err != nil {
			return err
		}
	}
	if m.previous == nil {
		return nil
	}
	for c := len(m.periods) + 2; c <= len(m.periods)+3; c++ {
		if err := b.formula(sheet, c, row, fmt.Sprintf("SUM(%s2:%s%d)", col(c), col(c), row-1), b.styles.boldEuro); err != nil {
			return err
		}
	}
	return nil
}

// heldLegend explains the marks below the table, where the corridor held
// an amount.
func (b *book) heldLegend(sheet string, m model, row int) error {
	if m.corridor == nil {
		return nil
	}
	text := fmt.Sprintf("%s %s: %s %s, %s %s", b.word("held"), b.corridorText(m), b.word("floor_mark"), b.word("floor"),
		b.word("ceiling_mark"), b.word("ceiling"))
	return b.set(sheet, 1, row, text, 0)
}
