package monitor

import "math/big"

// Cases are a unit's case figures for months 1..m and their comparison
// with the same months of the year before:
//
//	change      = Ist − Ist before
//	case effect = (case-months − case-months before) × cost per case-month before
//	cost effect = case-months × (cost per case-month − cost per case-month before)
//
// The case effect is rounded to the cent and the cost effect is the change
// minus it, so that the two add up to the change exactly; the cost effect
// is then within a cent of its exact value.
type Cases struct {
	CaseMonths        int64    // Σ of the running cases over months 1..m, in hundredths
	Average           *big.Rat // running cases per month, CaseMonths / 100 / m
	CostPerCase       *int64   // Ist to date per case-month, in cents; nil when there are no case-months
	Before            bool     // the year before has Ist and cases, so the fields below are set
	IstBefore         int64
	CaseMonthsBefore  int64
	CostPerCaseBefore *int64
	Change            int64
	CaseEffect        *int64 // nil when the year before has no case-months
	CostEffect        *int64
}

// caseFigures returns nil when the unit has no cases.
func caseFigures(u Unit, ist int64, m int) *Cases {
	if u.Cases == nil {
		return nil
	}
	c := &Cases{CaseMonths: sumTo(u.Cases, m)}
	c.Average = big.NewRat(c.CaseMonths, int64(100*m))
	c.CostPerCase = perCase(ist, c.CaseMonths)
	if b := u.Before; b != nil && b.Cases != nil {
		c.compare(ist, sumTo(&b.Ist, m), sumTo(b.Cases, m))
	}
	return c
}

// compare splits the change against the year before.
func (c *Cases) compare(ist, istBefore, before int64) {
	c.Before, c.IstBefore, c.CaseMonthsBefore = true, istBefore, before
	c.CostPerCaseBefore = perCase(istBefore, before)
	c.Change = ist - istBefore
	if before == 0 {
		return
	}
	// (C − C0) · Ist0 / C0, the case-months in hundredths on both sides
	n := new(big.Int).Mul(big.NewInt(c.CaseMonths-before), big.NewInt(istBefore))
	effect := Round(new(big.Rat).SetFrac(n, big.NewInt(before)))
	cost := c.Change - effect
	c.CaseEffect, c.CostEffect = &effect, &cost
}

// perCase is cents per case-month, rounded; nil without case-months.
func perCase(ist, caseHundredths int64) *int64 {
	if caseHundredths == 0 {
		return nil
	}
	v := Round(big.NewRat(ist*100, caseHundredths))
	return &v
}

func sumTo(months *[12]int64, m int) int64 {
	var s int64
	for k := range m {
		s += months[k]
	}
	return s
}

// totalCases sums the units' rounded figures; the cost per case-month is
// the ratio of the sums.
func totalCases(units []Row, m int) *Cases {
	t := &Cases{Before: true}
	var ist int64
	effects := true
	for _, u := range units {
		c := u.Cases
		ist += u.IstToDate
		t.CaseMonths += c.CaseMonths
		t.Before = t.Before && c.Before
		t.IstBefore += c.IstBefore
		t.CaseMonthsBefore += c.CaseMonthsBefore
		t.Change += c.Change
		if c.CaseEffect == nil {
			effects = false
			continue
		}
		t.CaseEffect = addPtr(t.CaseEffect, *c.CaseEffect)
		t.CostEffect = addPtr(t.CostEffect, *c.CostEffect)
	}
	t.Average = big.NewRat(t.CaseMonths, int64(100*m))
	t.CostPerCase = perCase(ist, t.CaseMonths)
	if !t.Before {
		t.IstBefore, t.CaseMonthsBefore, t.Change = 0, 0, 0
	} else {
		t.CostPerCaseBefore = perCase(t.IstBefore, t.CaseMonthsBefore)
	}
	if !t.Before || !effects {
		t.CaseEffect, t.CostEffect = nil, nil
	}
	return t
}

func addPtr(p *int64, v int64) *int64 {
	if p == nil {
		return &v
	}
	*p += v
	return p
}
