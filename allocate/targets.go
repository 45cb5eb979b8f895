package allocate

import (
	"math/big"
	"sync"
)

// Targets is unit u's composite share c(u) and target share p(u), equal to
// Shares(u).Composite and .Target. A plan needs them for every unit and
// quarter: without inverse indicators both are integer sums over one
// common denominator, one reduction each, where Shares reduces a fraction
// per indicator and step.
func (r *Result) Targets(u int) (composite, target *big.Rat) {
	t := r.targetSums()
	if t == nil {
		s := r.Shares(u)
		return s.Composite, s.Target
	}
	return t.composite.at(r.cols, u), t.target.at(r.cols, u)
}

// targetSums are the coefficients of Targets, made on first use; nil with
// an inverse indicator, whose reciprocals do not share a denominator.
type targetSums struct {
	composite, target sumOverColumns
}

// sumOverColumns is Σ_k multipliers[k] · ints_k(u) / denom.
type sumOverColumns struct {
	multipliers []*big.Int // nil or zero: the column does not count
	denom       *big.Int
}

type targetCache struct {
	once sync.Once
	sums *targetSums
}

func (r *Result) targetSums() *targetSums {
	r.targets.once.Do(func() {
		for k := range r.cols {
			if r.cols[k].inverse {
				return
			}
		}
		for k := range r.cols {
			r.cols[k].prepare()
		}
		indicatorWeights := make([]*big.Rat, len(r.cols))
		weights := make([]*big.Rat, len(r.cols))
		for k := range r.cols {
			weights[k] = r.cols[k].weight
			if k < len(r.Indicators) {
				indicatorWeights[k] = r.Indicators[k].Weight
			}
		}
		r.targets.sums = &targetSums{composite: newSumOverColumns(r.cols, indicatorWeights),
			target: newSumOverColumns(r.cols, weights)}
	})
	return r.targets.sums
}

// newSumOverColumns brings weight_k / (total_k · scale_k) to one
// denominator: a column's share is ints(u) / (total · scale).
func newSumOverColumns(cols []column, weights []*big.Rat) sumOverColumns {
	coefs := make([]*big.Rat, len(cols))
	s := sumOverColumns{multipliers: make([]*big.Int, len(cols)), denom: big.NewInt(1)}
	for k, c := range cols {
		if weights[k] == nil || weights[k].Sign() == 0 || c.total.Sign() == 0 {
			continue // a share of a zero total is 0
		}
		coefs[k] = new(big.Rat).Quo(weights[k], c.total)
		coefs[k].Quo(coefs[k], new(big.Rat).SetInt(c.scale))
		lcm(s.denom, coefs[k].Denom())
	}
	for k, coef := range coefs {
		if coef != nil {
			m := new(big.Int).Quo(s.denom, coef.Denom())
			s.multipliers[k] = m.Mul(m, coef.Num())
		}
	}
	return s
}

func (s sumOverColumns) at(cols []column, u int) *big.Rat {
	sum := new(big.Int)
	var term big.Int
	for k, m := range s.multipliers {
		if m != nil {
			sum.Add(sum, term.Mul(m, cols[k].ints[u]))
		}
	}
	return new(big.Rat).SetFrac(sum, s.denom)
}
