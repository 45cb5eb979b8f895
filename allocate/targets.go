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

// sumOverColumns is Σ_k m_k · x_k(u) / denom over the columns that
// count, with m_k · x_k(u) an integer: m_k holds 1/scale_k, and scale_k is
// a multiple of every denominator of column k.
type sumOverColumns struct {
	terms []columnTerm
	denom *big.Int
}

// columnTerm is one column's m_k · scale_k / d for each denominator d of
// its values, so that a unit's term is one product and no integers are
// kept per unit.
type columnTerm struct {
	k       int
	scaled  *big.Int // m_k · scale_k
	factors map[uint64]*big.Int
}

func (t columnTerm) factor(d *big.Int) *big.Int {
	if d.IsUint64() {
		if f, ok := t.factors[d.Uint64()]; ok {
			return f
		}
	}
	return new(big.Int).Quo(t.scaled, d)
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
// denominator: a column's share is x(u) · scale / (total · scale).
func newSumOverColumns(cols []column, weights []*big.Rat) sumOverColumns {
	coefs := make([]*big.Rat, len(cols))
	scales := make([]*big.Int, len(cols))
	s := sumOverColumns{denom: big.NewInt(1)}
	for k, c := range cols {
		if weights[k] == nil || weights[k].Sign() == 0 || c.total.Sign() == 0 {
			continue // a share of a zero total is 0
		}
		scales[k] = denominatorLCM(c.values)
		coefs[k] = new(big.Rat).Quo(weights[k], c.total)
		coefs[k].Quo(coefs[k], new(big.Rat).SetInt(scales[k]))
		lcm(s.denom, coefs[k].Denom())
	}
	for k, coef := range coefs {
		if coef == nil {
			continue
		}
		m := new(big.Int).Quo(s.denom, coef.Denom())
		m.Mul(m, coef.Num())
		t := columnTerm{k: k, scaled: m.Mul(m, scales[k]), factors: map[uint64]*big.Int{}}
		for _, v := range cols[k].values {
			if d := v.Denom(); d.IsUint64() && t.factors[d.Uint64()] == nil {
				t.factors[d.Uint64()] = new(big.Int).Quo(t.scaled, d)
			}
		}
		s.terms = append(s.terms, t)
	}
	return s
}

func (s sumOverColumns) at(cols []column, u int) *big.Rat {
	sum := new(big.Int)
	var term big.Int
	for _, t := range s.terms {
		v := cols[t.k].values[u]
		sum.Add(sum, term.Mul(t.factor(v.Denom()), v.Num()))
	}
	return new(big.Rat).SetFrac(sum, s.denom)
}
