package allocate

import (
	"math/big"
	"math/bits"
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

// TargetShare is Targets' target share alone, for a caller that has the
// composite share already (it does not depend on α: a plan's quarters
// share it).
func (r *Result) TargetShare(u int) *big.Rat {
	t := r.targetSums()
	if t == nil {
		return r.Shares(u).Target
	}
	return t.target.at(r.cols, u)
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
	// pieces are the coefficients' denominators, whose least common
	// multiple denom is, when each fits in 64 bits (nil otherwise): they
	// reduce a sum to lowest terms with word arithmetic (see reduced).
	pieces []uint64
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
	var pieces []*big.Int
	for k, c := range cols {
		if weights[k] == nil || weights[k].Sign() == 0 || c.total.Sign() == 0 {
			continue // a share of a zero total is 0
		}
		scales[k] = denominatorLCM(c.values)
		coefs[k] = new(big.Rat).Quo(weights[k], c.total)
		coefs[k].Quo(coefs[k], new(big.Rat).SetInt(scales[k]))
		lcm(s.denom, coefs[k].Denom())
		pieces = append(pieces, coefs[k].Denom())
	}
	s.pieces = wordPieces(pieces)
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
	return s.reduced(sum)
}

// reduced is sum / denom in lowest terms. gcd(n, lcm(d_1, …, d_m)) =
// lcm(gcd(n mod d_1, d_1), …), so with pieces d_k of one word the common
// factor takes a remainder and a word gcd per piece, where SetFrac runs
// Lehmer's gcd on the multi-word numbers (most of a plan's time for
// 100,000 units).
func (s sumOverColumns) reduced(sum *big.Int) *big.Rat {
	if s.pieces == nil || sum.Sign() < 0 {
		return new(big.Rat).SetFrac(sum, s.denom)
	}
	if sum.Sign() == 0 {
		return new(big.Rat)
	}
	g := uint64(1)
	for _, d := range s.pieces {
		h := gcdWord(remWord(sum, d), d)
		var ok bool
		if g, ok = lcmWord(g, h); !ok {
			return new(big.Rat).SetFrac(sum, s.denom)
		}
	}
	num, den := sum, s.denom
	if g != 1 {
		f := new(big.Int).SetUint64(g)
		num, den = sum.Quo(sum, f), new(big.Int).Quo(s.denom, f)
	}
	// A plan keeps a target share per unit and quarter: the words are
	// copied at their size (Set keeps four spare words per number).
	x := new(big.Rat).SetInt64(1) // sets the denominator, so that Denom is x's own
	x.Num().SetBits(exactWords(num))
	x.Denom().SetBits(exactWords(den))
	return x
}

func exactWords(x *big.Int) []big.Word {
	return append(make([]big.Word, 0, len(x.Bits())), x.Bits()...)
}

// wordPieces are the denominators as words; nil if one does not fit.
func wordPieces(ds []*big.Int) []uint64 {
	if bits.UintSize != 64 {
		return nil // remWord takes big.Word for uint64
	}
	pieces := make([]uint64, 0, len(ds))
	for _, d := range ds {
		if !d.IsUint64() || d.Sign() <= 0 {
			return nil
		}
		pieces = append(pieces, d.Uint64())
	}
	return pieces
}

// remWord is x mod d for x ≥ 0.
func remWord(x *big.Int, d uint64) uint64 {
	words := x.Bits()
	var r uint64
	for i := len(words) - 1; i >= 0; i-- {
		_, r = bits.Div64(r, uint64(words[i]), d)
	}
	return r
}

// gcdWord is Stein's binary gcd; gcd(0, d) = d.
func gcdWord(a, b uint64) uint64 {
	if a == 0 {
		return b
	}
	if b == 0 {
		return a
	}
	shift := bits.TrailingZeros64(a | b)
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a
	}
	return a << shift
}

// lcmWord is lcm(a, b), false if it does not fit in a word.
func lcmWord(a, b uint64) (uint64, bool) {
	if a == 1 {
		return b, true
	}
	hi, lo := bits.Mul64(a/gcdWord(a, b), b)
	return lo, hi == 0
}
