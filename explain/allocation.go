package explain

import (
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/report"
)

// explainAllocation explains unit u of a single allocation, and its change
// against the earlier data year if r asks for it.
func explainAllocation(r Request, t *indicators.Table, u int, in Inputs) (*report.Explanation, error) {
	next := in.Model(t, r.Budget, r.Share)
	res, err := allocate.Run(next)
	if err != nil {
		return nil, err
	}
	e := explanation(res, u, "")
	if r.Against == nil {
		return e, nil
	}
	old, err := againstInput(*r.Against, t, in)
	if err != nil {
		return nil, err
	}
	e.Change, err = changeAgainst(old, next, u, r.Against.Label)
	return e, err
}

// againstInput is the engine's input of the earlier data year with its
// units in the order of the current table t; both must have the same
// units.
func againstInput(a Against, t *indicators.Table, in Inputs) (allocate.Input, error) {
	old, err := in.Against(belowOne(a.Share))
	if err != nil {
		return allocate.Input{}, err
	}
	// Matched from the earlier table's side: a unit of t it lacks is
	// reported at t's row as "not in" the earlier file.
	at, err := indicators.MatchUnits(old, t)
	if err != nil {
		return allocate.Input{}, err
	}
	model := in.Model(old, a.Budget, a.Share)
	units := make([]allocate.Unit, len(model.Units))
	for i, unit := range model.Units {
		units[at[i]] = unit
	}
	model.Units = units
	return model, nil
}

// changeAgainst explains unit u's change from the old input to the new one
// (neither with a corridor): the engine's split of the exact amount, and
// the change of the rounding.
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
	rounding := new(big.Rat).Sub(roundingOf(after, u), roundingOf(before, u))
	return &report.Change{Against: label, OldAmount: before.Units[u].Amount, Parts: parts[u],
		Corridor: new(big.Rat), Rounding: rounding}, nil
}

// roundingOf is what rounding to the cent adds to unit u's exact amount.
func roundingOf(res *allocate.Result, u int) *big.Rat {
	return new(big.Rat).Sub(res.Units[u].Amount.Rat(), res.Exact(u))
}
