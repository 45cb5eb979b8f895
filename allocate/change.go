package allocate

import (
	"math/big"
)

// ChangePart is the exact effect on a unit's amount, in cents, of changing
// one input.
type ChangePart struct {
	Key   string // BudgetKey, IndicatorShareKey, an indicator key or SpendingKey
	Exact *big.Rat
}

// Decompose splits the change of every unit's exact amount from the old
// input to the new one into the effects of changing, one after the other,
// the budget, the indicator share, each indicator's values and the
// spending. The parts of a unit add up to E_new(u) − E_old(u) exactly.
// Both inputs must have the same units in the same order; the new input's
// indicators and weights are used throughout. Each unit's parts are in the
// order of the steps: parts[u][BudgetStep] is the budget's effect, and so
// on.
func Decompose(old, next Input) ([][]ChangePart, error) {
	if err := sameUnits(old, next); err != nil {
		return nil, err
	}
	state := old
	state.Indicators = next.Indicators
	state.Units = copyUnits(old.Units)
	before, err := Run(state)
	if err != nil {
		return nil, err
	}
	parts := make([][]ChangePart, len(next.Units))
	for _, step := range changeSteps(next) {
		step.apply(&state)
		after, err := Run(state)
		if err != nil {
			return nil, err
		}
		for u := range parts {
			d := new(big.Rat).Sub(after.Exact(u), before.Exact(u))
			parts[u] = append(parts[u], ChangePart{Key: step.key, Exact: d})
		}
		before = after
	}
	return parts, nil
}

// Keys of Decompose's first two steps; an indicator's step has the
// indicator's key, the last step SpendingKey.
const (
	BudgetKey         = "budget"
	IndicatorShareKey = "indicator_share"
)

// Positions of Decompose's steps in each unit's parts: the budget, the
// indicator share, one step per indicator in the input's order from
// FirstIndicatorStep, and the spending last. changeSteps places each step
// by these names, so a caller that picks a part by them gets that part
// whatever the order.
const (
	BudgetStep = iota
	IndicatorShareStep
	FirstIndicatorStep
)

// spendingStep is the position of the spending's step for an input with
// the given number of indicators.
func spendingStep(indicators int) int { return FirstIndicatorStep + indicators }

type changeStep struct {
	key   string
	apply func(*Input)
}

// changeSteps move an input to new one thing at a time, in the order of
// the step positions above.
func changeSteps(to Input) []changeStep {
	steps := make([]changeStep, spendingStep(len(to.Indicators))+1)
	steps[BudgetStep] = changeStep{BudgetKey, func(in *Input) { in.Budget = to.Budget }}
	steps[IndicatorShareStep] = changeStep{IndicatorShareKey, func(in *Input) { in.IndicatorShare = to.IndicatorShare }}
	for k, ind := range to.Indicators {
		steps[FirstIndicatorStep+k] = changeStep{ind.Key, func(in *Input) {
			for u := range in.Units {
				in.Units[u].Values[k] = to.Units[u].Values[k]
			}
		}}
	}
	steps[spendingStep(len(to.Indicators))] = changeStep{SpendingKey, func(in *Input) {
		for u := range in.Units {
			in.Units[u].Spending = to.Units[u].Spending
		}
	}}
	return steps
}

func sameUnits(old, next Input) error {
	if len(old.Units) != len(next.Units) || len(old.Indicators) != len(next.Indicators) {
		return inputErr(-1, "", "the two periods must have the same units and indicators")
	}
	for u := range next.Units {
		if old.Units[u].Name != next.Units[u].Name {
			return inputErr(u, "", "unit %q is not where %q was", next.Units[u].Name, old.Units[u].Name)
		}
	}
	return nil
}

func copyUnits(units []Unit) []Unit {
	out := make([]Unit, len(units))
	for i, u := range units {
		out[i] = Unit{Name: u.Name, Values: append([]*big.Rat(nil), u.Values...), Spending: u.Spending}
	}
	return out
}
