package workbook

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/raumbudget/raumbudget/allocate"
)

// The corridor in the indicator sheet: each period's reference shares
// p_prev, and the damped shares as live formulas
// p' = clamp(λ·p, p_prev·(1 − d), p_prev·(1 + g)), with the period's λ as a
// value beside its α and budget, so an auditor can follow every share.

// lambdaOf is the factor λ of a period's corridor: p'/p of a unit the
// corridor did not hold. nil when every unit was held (any λ fits; the
// sheet then shows the shares as values).
func lambdaOf(p period) *big.Rat {
	for u, h := range p.held {
		target := p.result.Shares(u).Target
		if h == allocate.NotHeld && target.Sign() > 0 {
			return new(big.Rat).Quo(p.shares[u], target)
		}
	}
	return nil
}

// lambdaCell writes λ in column D of the period's parameter row.
func (b *book) lambdaCell(sheet string, p period, r int) error {
	if p.lambda == nil {
		return nil
	}
	return b.set(sheet, 4, r, ratFloat(p.lambda), b.styles.weight)
}

// corridorFormulas are a unit's reference share and, where λ is known,
// its damped share in period i.
func (b *book) corridorFormulas(m model, l indicatorLayout, i int) []rowFormula {
	c := l.periodCol(i)
	ref := c - 1
	var fs []rowFormula
	if f := referenceFormula(m, l, i); f != "" {
		fs = append(fs, rowFormula{ref, f, b.styles.share})
	}
	if m.periods[i].lambda == nil {
		return fs
	}
	scaled := fmt.Sprintf("$D$%d*%s%s", l.paramRow(i), col(c+offTarget), rowMark)
	share := dampFormula(m.corridor, scaled, col(ref)+rowMark)
	return append(fs, rowFormula{c + offShare, share, b.styles.share})
}

// referenceFormula is p_prev: in a later period the amount of the period
// before over its budget (formulas over this sheet), in the first the
// spending share h; "" where it is the booked amounts' share, a value
// (indicatorValues).
func referenceFormula(m model, l indicatorLayout, i int) string {
	switch {
	case i > 0:
		before := l.periodCol(i - 1)
		return fmt.Sprintf("%s%s/$C$%d", col(before+offAmount), rowMark, l.paramRow(i-1))
	case m.previous != nil:
		return ""
	}
	return col(l.historyCol()) + rowMark
}

// dampFormula clamps the scaled target between the corridor's bounds
// around the reference share; an open side has no bound.
func dampFormula(c *allocate.Corridor, scaled, reference string) string {
	lower, upper := "", ""
	if c.MaxDecrease != nil {
		lower = fmt.Sprintf("%s*(1-%s)", reference, ratFloatText(c.MaxDecrease))
	}
	if c.MaxIncrease != nil {
		upper = fmt.Sprintf("%s*(1+%s)", reference, ratFloatText(c.MaxIncrease))
	}
	switch {
	case lower != "" && upper != "":
		return fmt.Sprintf("MEDIAN(%s,%s,%s)", lower, scaled, upper)
	case lower != "":
		return fmt.Sprintf("MAX(%s,%s)", lower, scaled)
	case upper != "":
		return fmt.Sprintf("MIN(%s,%s)", scaled, upper)
	}
	return scaled
}

// ratFloatText writes a share for a formula, with a decimal point.
func ratFloatText(x *big.Rat) string {
	return strconv.FormatFloat(ratFloat(x), 'f', -1, 64)
}
