package allocate

import (
	"math/big"
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
	return &Sweep{in: in, cols: cols}, nil
}

// Point is one weight vector's allocation.
type Point struct {
	Amounts []Cents
	exact   exactAmounts
}

// Exact is E(u) at this point, in cents.
func (p *Point) Exact(u int) *big.Rat {
	return new(big.Rat).SetFrac(p.exact.totals[u].num, p.exact.totals[u].den)
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
			return nil, inputErr(-1, ind.Key, "total of %s is 0 but its weight is %s", ind.Key, decimal(weights[k]))
		}
	}
	if err := in.validateWeights(); err != nil {
		return nil, err
	}
	ex := computeExact(cols, in.Budget, len(in.Units))
	return &Point{Amounts: apportion(in.Budget, ex.totals), exact: ex}, nil
}
