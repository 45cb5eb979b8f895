package allocate

import (
	"math/big"
	"sync"
)

// Result is one period's allocation. Amounts are computed by [Run]; the
// shares and parts that explain them are computed on demand, since most
// callers need them for a few units or for display only.
type Result struct {
	Budget         Cents
	IndicatorShare *big.Rat
	Indicators     []Indicator
	Units          []UnitResult // in input order

	input     Input
	cols      []column
	exact     exactAmounts // made on demand, see exactAmounts
	exactOnce sync.Once
	targets   targetCache // see Targets
}

// UnitResult is what a unit gets.
type UnitResult struct {
	Name   string
	Amount Cents
}

// Shares explain a unit's target share.
type Shares struct {
	Indicators []*big.Rat // s_k(u), one per indicator
	Composite  *big.Rat   // c(u) = Σ w_k · s_k(u)
	History    *big.Rat   // h(u); 0 when all spending is 0 (allowed only at α = 1)
	Target     *big.Rat   // p(u) = α · c(u) + (1 − α) · h(u)
}

// Run computes one period as the model's "One period" defines it.
func Run(in Input) (*Result, error) {
	return RunLike(in, nil)
}

// RunLike is Run for an input of the same units and indicators as like's
// (the same Units slice; another α or budget, as a plan's quarters):
// the columns' values, totals and floats are like's, not made again.
// With like nil or of another table it is Run. The units must not have
// changed since like was computed.
func RunLike(in Input, like *Result) (*Result, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	var base []column
	if sameTable(&in, like) {
		base = like.cols
	}
	cols, err := weighColumns(&in, base)
	if err != nil {
		return nil, err
	}
	res := &Result{Budget: in.Budget, IndicatorShare: in.IndicatorShare, Indicators: in.Indicators,
		input: in, cols: cols}
	amounts, ok := fastAmounts(cols, in.Budget, len(in.Units))
	if !ok {
		amounts = apportion(in.Budget, res.exactAmounts().totals)
	}
	res.Units = make([]UnitResult, len(in.Units))
	for u := range in.Units {
		res.Units[u] = UnitResult{Name: in.Units[u].Name, Amount: amounts[u]}
	}
	return res, nil
}

// Input is what the result was computed from.
func (r *Result) Input() Input {
	return r.input
}

// exactAmounts are E(u) and its parts as exact fractions, computed on
// first use: the amounts mostly come from the fast path, and the parts are
// only needed to explain them.
func (r *Result) exactAmounts() *exactAmounts {
	r.exactOnce.Do(func() {
		r.exact = computeExact(r.cols, r.Budget, len(r.input.Units))
	})
	return &r.exact
}

// Exact is E(u) = B · p(u) in cents, unrounded.
func (r *Result) Exact(u int) *big.Rat {
	t := r.exactAmounts().totals[u]
	return new(big.Rat).SetFrac(t.num, t.den)
}

// Contributions split unit u's amount into each indicator's part, then the
// history part: the exact parts rounded by largest remainder so that they
// add up to the amount, each within a cent of its exact value.
func (r *Result) Contributions(u int) []Cents {
	return apportion(r.Units[u].Amount, r.exactAmounts().parts[u])
}

// Shares computes unit u's shares.
func (r *Result) Shares(u int) Shares {
	s := Shares{Composite: new(big.Rat), Indicators: make([]*big.Rat, len(r.Indicators))}
	var term big.Rat
	for k, ind := range r.Indicators {
		s.Indicators[k] = r.cols[k].share(u)
		s.Composite.Add(s.Composite, term.Mul(ind.Weight, s.Indicators[k]))
	}
	history := r.cols[len(r.cols)-1]
	s.History = history.share(u)
	s.Target = new(big.Rat).Mul(r.IndicatorShare, s.Composite)
	s.Target.Add(s.Target, term.Mul(history.weight, s.History))
	return s
}

// Total is the sum of the amounts; it equals the budget.
func (r *Result) Total() Cents {
	var sum Cents
	for _, u := range r.Units {
		sum += u.Amount
	}
	return sum
}
