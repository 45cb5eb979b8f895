package explain

import (
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// explainQuarter explains unit u in a quarter of the plan, and its change
// against the quarter before when that is in the plan too.
func explainQuarter(q Quarter, t *indicators.Table, u int, in Inputs) (*report.Explanation, error) {
	p := q.Plan
	i := q.Period.Sub(p.Start)
	if i < 0 {
		return nil, &EarlyPeriodError{Period: q.Period, Start: p.Start}
	}
	p.Quarters = max(p.Quarters, i+1)
	prev, err := in.Previous(p.Start, t)
	if err != nil {
		return nil, err
	}
	p.Previous = prev
	// The plan sets each quarter's budget and indicator share.
	res, err := scenario.Run(p, in.Model(t, 0, nil))
	if err != nil {
		return nil, err
	}
	e := quarterExplanation(res.Quarters[i], u)
	if i > 0 {
		e.Change, err = quarterChange(res.Quarters[i-1], res.Quarters[i], u)
	}
	return e, err
}

// quarterExplanation adds the corridor's hold to the quarter's
// allocation.
func quarterExplanation(q scenario.Quarter, u int) *report.Explanation {
	e := explanation(q.Result, u, q.Period.String())
	unit := q.Units[u]
	e.Damped = new(big.Rat).Mul(unit.Share, q.Budget.Rat())
	e.Amount, e.Held = unit.Amount, unit.Held
	return e
}

// quarterChange splits the change from the quarter before: the data are
// the same, so only the budget and the indicator share move the exact
// amount, and the corridor and the rounding the rest.
func quarterChange(before, q scenario.Quarter, u int) (*report.Change, error) {
	parts, err := allocate.Decompose(before.Result.Input(), q.Result.Input())
	if err != nil {
		return nil, err
	}
	moved := []allocate.ChangePart{parts[u][allocate.BudgetStep], parts[u][allocate.IndicatorShareStep]}
	return &report.Change{Against: before.Period.String(), OldAmount: before.Units[u].Amount, Parts: moved,
		Corridor: new(big.Rat).Sub(q.CorridorEffect(u), before.CorridorEffect(u)),
		Rounding: new(big.Rat).Sub(q.RoundingEffect(u), before.RoundingEffect(u))}, nil
}
