package cmd

import (
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// explainAllocation explains unit u of a single allocation, and its change
// against an earlier data year if --against is given.
func explainAllocation(opts *explainOptions, t *indicators.Table, u int, keys []string) (*report.Explanation, error) {
	in := modelInput(t, opts.Budget, opts.Share, opts.Formula)
	res, err := allocate.Run(in)
	if err != nil {
		return nil, err
	}
	e := explanation(res, u, "")
	if opts.Against.Data == "" {
		return e, nil
	}
	old, err := againstInput(opts, t, keys)
	if err != nil {
		return nil, err
	}
	e.Change, err = changeAgainst(old, in, u, opts.Against.Data)
	return e, err
}

// explanation of unit u without a corridor.
func explanation(res *allocate.Result, u int, period string) *report.Explanation {
	exact := res.Exact(u)
	return &report.Explanation{Unit: res.Units[u].Name, Period: period, Budget: res.Budget, IndicatorShare: res.IndicatorShare,
		Parts: res.Parts(u), Exact: exact, Damped: exact, Amount: res.Units[u].Amount}
}

// againstInput reads the earlier data year with the units in the order of
// the current table; both must have the same units.
func againstInput(opts *explainOptions, t *indicators.Table, keys []string) (allocate.Input, error) {
	data := opts.Data
	data.Demo, data.Data, data.Spending = false, opts.Against.Data, opts.Against.Spending
	needSpending := opts.Against.Share.Cmp(big.NewRat(1, 1)) < 0
	old, err := loadTable(data, keys, needSpending)
	if err != nil {
		return allocate.Input{}, err
	}
	if err := sameUnitNames(t, old); err != nil {
		return allocate.Input{}, err
	}
	reordered := *old
	reordered.Units = make([]indicators.Unit, len(t.Units))
	for _, unit := range old.Units {
		reordered.Units[indexOf(t, unit.Name)] = unit
	}
	return modelInput(&reordered, opts.Against.Budget, opts.Against.Share, opts.Formula), nil
}

func sameUnitNames(cur, old *indicators.Table) error {
	for u, unit := range cur.Units {
		if indexOf(old, unit.Name) < 0 {
			return cur.ErrorAt(u, "unit", msg.New("unit %q is not in %s", unit.Name, old.File))
		}
	}
	for u, unit := range old.Units {
		if indexOf(cur, unit.Name) < 0 {
			return old.ErrorAt(u, "unit", msg.New("unit %q is not in %s", unit.Name, cur.File))
		}
	}
	return nil
}

func indexOf(t *indicators.Table, name string) int {
	for u, unit := range t.Units {
		if unit.Name == name {
			return u
		}
	}
	return -1
}

// changeAgainst explains unit u's change from the old input to the new one
// (neither with a corridor).
func changeAgainst(old, next allocate.Input, u int, label string) (*report.Change, error) {
	before, err := allocate.Run(old)
	if err != nil {
		return nil, err
	}
	parts, err := allocate.Decompose(old, next)
	if err != nil {
		return nil, err
	}
	after, err := allocate.Run(next)
	if err != nil {
		return nil, err
	}
	roundingBefore := new(big.Rat).Sub(before.Units[u].Amount.Rat(), before.Exact(u))
	roundingAfter := new(big.Rat).Sub(after.Units[u].Amount.Rat(), after.Exact(u))
	return &report.Change{Against: label, OldAmount: before.Units[u].Amount, Parts: parts[u],
		Corridor: new(big.Rat), Rounding: roundingAfter.Sub(roundingAfter, roundingBefore)}, nil
}

// explainQuarter explains unit u in a quarter of the plan, and its change
// against the quarter before when that is in the plan too.
func explainQuarter(opts *explainOptions, t *indicators.Table, u int) (*report.Explanation, error) {
	p := opts.Plan
	i := opts.Period.Sub(p.Start)
	if i < 0 {
		return nil, usagef("--period %s is before the plan's start %s", opts.Period, p.Start)
	}
	p.Quarters = max(p.Quarters, i+1)
	if opts.Previous != "" {
		var err error
		if p.Previous, err = previousAmounts(opts.Previous, opts.PreviousPeriod, p.Start, t); err != nil {
			return nil, err
		}
	}
	res, err := scenario.Run(p, modelInput(t, 0, nil, opts.Formula))
	if err != nil {
		return nil, err
	}
	q := res.Quarters[i]
	e := quarterExplanation(q, u)
	if i > 0 {
		e.Change, err = quarterChange(res.Quarters[i-1], q, u)
	}
	return e, err
}

func quarterExplanation(q scenario.Quarter, u int) *report.Explanation {
	e := explanation(q.Result, u, q.Period.String())
	unit := q.Units[u]
	e.Damped = new(big.Rat).Mul(unit.Share, q.Budget.Rat())
	e.Amount, e.Held = unit.Amount, unit.Held
	return e
}

// quarterChange splits the change from the quarter before: the data are
// the same, so budget, indicator share, corridor and rounding explain it.
func quarterChange(before, q scenario.Quarter, u int) (*report.Change, error) {
	old, next := inputOf(before), inputOf(q)
	parts, err := allocate.Decompose(old, next)
	if err != nil {
		return nil, err
	}
	corridor := new(big.Rat).Sub(effect(q, u), effect(before, u))
	rounding := new(big.Rat).Sub(roundingOf(q, u), roundingOf(before, u))
	// The data are the same: only the budget and the indicator share moved.
	return &report.Change{Against: before.Period.String(), OldAmount: before.Units[u].Amount, Parts: parts[u][:2],
		Corridor: corridor, Rounding: rounding}, nil
}

// inputOf is the engine's input of a quarter.
func inputOf(q scenario.Quarter) allocate.Input {
	return q.Result.Input()
}

// effect is what the corridor adds to the unit's exact amount: B·p' − E.
func effect(q scenario.Quarter, u int) *big.Rat { return q.CorridorEffect(u) }

// roundingOf is what rounding adds: amount − B·p'.
func roundingOf(q scenario.Quarter, u int) *big.Rat { return q.RoundingEffect(u) }
