package allocate

import (
	"math/big"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Sweep allocates one period for many weight vectors. The columns' totals
// and integer values do not depend on the weights, so they are prepared
// once; each weight vector then costs one pass over the units. A Sweep is
// safe for use by several goroutines.
type Sweep struct {
	in   Input
	cols []column
}

// NewSweep prepares in for sweeping its weights.
func NewSweep(in Input) (*Sweep, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	cols, err := newColumns(&in)
	if err != nil {
		return nil, err
	}
	for k := range cols {
		cols[k].prepare() // once, before the goroutines share them
	}
	return &Sweep{in: in, cols: cols}, nil
}

// Point is one weight vector's allocation.
type Point struct {
	Amounts []Cents
	cols    []column
	budget  Cents
	exact   *exactAmounts // on first use
}

// Exact is E(u) at this point, in cents. A Point is not safe for
// concurrent calls of Exact.
func (p *Point) Exact(u int) *big.Rat {
	if p.exact == nil {
		ex := computeExact(p.cols, p.budget, len(p.Amounts))
		p.exact = &ex
	}
	t := p.exact.totals[u]
	return new(big.Rat).SetFrac(t.num, t.den)
}

// At allocates with the given weights, one per indicator of the input.
func (s *Sweep) At(weights []*big.Rat) (*Point, error) {
	in := s.in
	in.Indicators = make([]Indicator, len(s.in.Indicators))
	cols := append([]column(nil), s.cols...)
	for k, ind := range s.in.Indicators {
		in.Indicators[k] = Indicator{Key: ind.Key, Weight: weights[k], Inverse: ind.Inverse}
		cols[k].weight = new(big.Rat).Mul(in.IndicatorShare, weights[k])
		if weights[k].Sign() > 0 && cols[k].total.Sign() == 0 {
			return nil, inputErr(-1, ind.Key, "total is 0 but its weight is %s", msg.Dec(decimal(weights[k])))
		}
	}
	if err := in.validateWeights(); err != nil {
		return nil, err
	}
	amounts, ok := fastAmounts(cols, in.Budget, len(in.Units))
	if !ok {
		amounts = apportion(in.Budget, computeExact(cols, in.Budget, len(in.Units)).totals)
	}
	return &Point{Amounts: amounts, cols: cols, budget: in.Budget}, nil
}
