package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"
)

// comparisonSheet shows the units by scenarios for one quarter (or each
// plan's sum), with differences to the baseline in euros and percent as
// formulas; gains are green, losses red.
func (b *book) comparisonSheet(c *report.Comparison) error {
	sheet, err := b.sheet("sheet_comparison")
	if err != nil {
		return err
	}
	title := b.word("period") + " " + c.Period.String()
	if c.Total {
		title = b.word("plan_total")
	}
	if err := b.set(sheet, 1, 1, title, b.styles.title); err != nil {
		return err
	}
	titles := []string{b.word("unit"), b.word("baseline")}
	for _, name := range c.Names[1:] {
		titles = append(titles, name, name+" Δ €", name+" Δ %")
	}
	units := c.UnitNames()
	n := len(units)
	if err := b.header(sheet, 3, titles, n+3, 24, 16); err != nil {
		return err
	}
	for i := range c.Names {
		amounts, _ := c.Amounts(i)
		for u, name := range units {
			if err := b.comparisonCells(sheet, i, u+4, name, amounts); err != nil {
				return err
			}
		}
	}
	if err := b.comparisonTotals(sheet, len(c.Names), n); err != nil {
		return err
	}
	return b.gainsAndLosses(sheet, len(c.Names), n)
}

// comparisonColumn is where scenario i's amount stands (the baseline's is
// column B); its differences follow it.
func comparisonColumn(i int) int {
	if i == 0 {
		return 2
	}
	return 3 + 3*(i-1)
}

func (b *book) comparisonCells(sheet string, i, r int, name string, amounts map[string]allocate.Cents) error {
	if err := b.set(sheet, 1, r, name, 0); err != nil {
		return err
	}
	c := comparisonColumn(i)
	if err := b.set(sheet, c, r, euros(amounts[name]), b.styles.euro); err != nil || i == 0 {
		return err
	}
	diff := fmt.Sprintf("%s%d-$B%d", col(c), r, r)
	if err := b.formula(sheet, c+1, r, diff, b.styles.euro); err != nil {
		return err
	}
	return b.formula(sheet, c+2, r, fmt.Sprintf(`IF($B%d=0,"",%s%d/$B%d)`, r, col(c+1), r, r), b.styles.percent)
}

func (b *book) comparisonTotals(sheet string, scenarios, n int) error {
	r := n + 4
	if err := b.set(sheet, 1, r, b.word("total"), b.styles.bold); err != nil {
		return err
	}
	last := comparisonColumn(scenarios-1) + 1
	if scenarios == 1 {
		last = 2
	}
	for c := 2; c <= last; c++ {
		if c > 2 && (c-3)%3 == 2 {
			continue // a percent column
		}
		if err := b.formula(sheet, c, r, fmt.Sprintf("SUM(%s4:%s%d)", col(c), col(c), r-1), b.styles.boldEuro); err != nil {
			return err
		}
	}
	return nil
}

// gainsAndLosses colours the differences: green above 0, red below.
func (b *book) gainsAndLosses(sheet string, scenarios, n int) error {
	green, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "006100"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}})
	if err != nil {
		return err
	}
	red, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	if err != nil {
		return err
	}
	for i := 1; i < scenarios; i++ {
		c := col(comparisonColumn(i) + 1)
		rng := fmt.Sprintf("%s4:%s%d", c, c, n+3)
		err := b.f.SetConditionalFormat(sheet, rng, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: ">", Format: &green, Value: "0"},
			{Type: "cell", Criteria: "<", Format: &red, Value: "0"},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// legendSheet lists the baseline and each scenario with exactly the
// settings it changes against the baseline, so a reader of the
// comparison knows what each column assumes.
func (b *book) legendSheet(c *report.Comparison) error {
	sheet, err := b.sheet("sheet_scenarios")
	if err != nil {
		return err
	}
	if err := b.header(sheet, 1, []string{b.word("scenario"), b.word("changes")}, len(c.Names)+1, 24, 90); err != nil {
		return err
	}
	for i, name := range c.Names {
		text := b.word("baseline_settings")
		if i == 0 {
			name = b.word("baseline")
		} else {
			var parts []string
			var changes [][2]string
			if i < len(c.Changes) {
				changes = c.Changes[i]
			}
			for _, kv := range changes {
				parts = append(parts, kv[0]+" = "+kv[1])
			}
			text = strings.Join(parts, "; ")
			if text == "" {
				text = b.word("no_changes")
			}
		}
		if err := b.set(sheet, 1, i+2, name, b.styles.bold); err != nil {
			return err
		}
		if err := b.set(sheet, 2, i+2, text, 0); err != nil {
			return err
		}
	}
	return nil
}
