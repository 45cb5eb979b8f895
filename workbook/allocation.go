package workbook

import "fmt"

// allocationSheet has a row per unit and a column of amounts per period,
// a total row of SUM formulas, the budgets, and a check of each total
// against its budget.
func (b *book) allocationSheet(m model) (string, error) {
	sheet, err := b.sheet("sheet_allocation")
	if err != nil {
		return "", err
	}
	n := len(m.units)
	titles := []string{b.word("unit")}
	for _, p := range m.periods {
		titles = append(titles, p.label)
	}
	if err := b.header(sheet, 1, titles, n+1, 24, 16); err != nil {
		return "", err
	}
	for u, name := range m.units {
		if err := b.set(sheet, 1, u+2, name, 0); err != nil {
			return "", err
		}
		for i, p := range m.periods {
			if err := b.set(sheet, i+2, u+2, euros(p.amounts[u]), b.styles.euro); err != nil {
				return "", err
			}
		}
	}
	return sheet, b.checkRows(sheet, m, n+2)
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
	return nil
}
