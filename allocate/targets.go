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
	var w sumScratch
	return t.composite.at(r.cols, u, &w), t.target.at(r.cols, u, &w)
}

// TargetShare is Targets' target share alone, for a caller that has the
// composite share already (it does not depend on α: a plan's quarters
// share it).
func (r *Result) TargetShare(u int) *big.Rat {
	t := r.targetSums()
	if t == nil {
		return r.Shares(u).Target
	}
	var w sumScratch
	return t.target.at(r.cols, u, &w)
}

// TargetsFrom is Targets of the units from, from+1, …: target[i] is the
// target share of unit from+i and, unless composite is nil, composite[i]
// its composite share. The fractions of one call are cut from a few large
// blocks, not allocated one by one (a plan of 100,000 units and four
// quarters keeps half a million of them): so they are to be read, never
// set.
func (r *Result) TargetsFrom(from int, composite, target []*big.Rat) {
	t := r.targetSums()
	if t == nil {
		for i := range target {
			s := r.Shares(from + i)
			target[i] = s.Target
			if composite != nil {
				composite[i] = s.Composite
			}
		}
		return
	}
	w := sumScratch{block: &ratBlock{}}
	for i := range target {
		target[i] = t.target.at(r.cols, from+i, &w)
		if composite != nil {
			composite[i] = t.composite.at(r.cols, from+i, &w)
		}
	}
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
	// words says that every column's x_k(u) · scale_k fits in a word
	// (columnWords): a unit's sum is then a few word products.
	words bool
	width int // of a sum in words, when words
}

// columnTerm is one column's m_k · scale_k / d for each denominator d of
// its values, so that a unit's term is one product and no integers are
// kept per unit; or, when the column's values are words, m_k itself.
type columnTerm struct {
	k       int
	scaled  *big.Int // m_k · scale_k
	factors map[uint64]*big.Int
	mult    []big.Word // m_k
	ints    []uint64   // x_k(u) · scale_k, from columnWords
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
	s := sumOverColumns{denom: big.NewInt(1), words: bits.UintSize == 64}
	var pieces []*big.Int
	for k, c := range cols {
		if weights[k] == nil || weights[k].Sign() == 0 || c.total.Sign() == 0 {
			continue // a share of a zero total is 0
		}
		w := c.words.of(c.values)
		scales[k] = w.scale
		s.words = s.words && w.ints != nil
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
		if s.words {
			t := columnTerm{k: k, mult: m.Bits(), ints: cols[k].words.ints}
			s.width = max(s.width, len(t.mult))
			s.terms = append(s.terms, t)
			continue
		}
		t := columnTerm{k: k, scaled: m.Mul(m, scales[k]), factors: map[uint64]*big.Int{}}
		for _, v := range cols[k].values {
			if d := v.Denom(); d.IsUint64() && t.factors[d.Uint64()] == nil {
				t.factors[d.Uint64()] = new(big.Int).Quo(t.scaled, d)
			}
		}
		s.terms = append(s.terms, t)
	}
	// Each product is below 2^64 · m_k, and there are at most a few
	// terms: two more words hold the sum.
	s.width += 2
	return s
}

// sumScratch is what at reuses from unit to unit.
type sumScratch struct {
	sum, den []big.Word
	block    *ratBlock // nil: each fraction is allocated on its own
}

func (s sumOverColumns) at(cols []column, u int, w *sumScratch) *big.Rat {
	if s.words {
		return s.wordsAt(u, w)
	}
	sum := new(big.Int)
	var term big.Int
	for _, t := range s.terms {
		v := cols[t.k].values[u]
		sum.Add(sum, term.Mul(t.factor(v.Denom()), v.Num()))
	}
	return s.reduced(sum, w)
}

// wordsAt is at for columns of words: Σ_k m_k · ints_k(u) in words,
// reduced with the pieces.
func (s sumOverColumns) wordsAt(u int, w *sumScratch) *big.Rat {
	if cap(w.sum) < s.width {
		w.sum = make([]big.Word, s.width)
	}
	sum := w.sum[:s.width]
	clear(sum)
	for _, t := range s.terms {
		if x := t.ints[u]; x != 0 {
			addMulWords(sum, t.mult, x)
		}
	}
	for len(sum) > 0 && sum[len(sum)-1] == 0 {
		sum = sum[:len(sum)-1]
	}
	if s.pieces == nil {
		return s.reduced(new(big.Int).SetBits(append([]big.Word(nil), sum...)), w)
	}
	if len(sum) == 0 {
		return w.block.rat(nil, []big.Word{1})
	}
	g, ok := s.commonFactor(sum)
	if !ok {
		return s.reduced(new(big.Int).SetBits(append([]big.Word(nil), sum...)), w)
	}
	den := s.denom.Bits()
	if g != 1 {
		divWords(sum, g)
		w.den = append(w.den[:0], den...)
		den = divWords(w.den, g)
		for len(sum) > 0 && sum[len(sum)-1] == 0 {
			sum = sum[:len(sum)-1]
		}
	}
	return w.block.rat(sum, den)
}

// addMulWords adds m · x to sum, which is long enough to hold the result.
func addMulWords(sum, m []big.Word, x uint64) {
	var carry uint64
	for i, mw := range m {
		hi, lo := bits.Mul64(uint64(mw), x)
		var c uint64
		lo, c = bits.Add64(lo, carry, 0)
		hi += c
		lo, c = bits.Add64(lo, uint64(sum[i]), 0)
		sum[i] = big.Word(lo)
		carry = hi + c
	}
	for i := len(m); carry != 0; i++ {
		var c uint64
		lo, c := bits.Add64(uint64(sum[i]), carry, 0)
		sum[i], carry = big.Word(lo), c
	}
}

// divWords divides x in place by d and returns x without leading zeros.
func divWords(x []big.Word, d uint64) []big.Word {
	var r uint64
	for i := len(x) - 1; i >= 0; i-- {
		var q uint64
		q, r = bits.Div64(r, uint64(x[i]), d)
		x[i] = big.Word(q)
	}
	for len(x) > 0 && x[len(x)-1] == 0 {
		x = x[:len(x)-1]
	}
	return x
}

// commonFactor is gcd(sum, denom), false if it does not fit in a word.
// gcd(n, lcm(d_1, …, d_m)) = lcm(gcd(n mod d_1, d_1), …), so with pieces
// d_k of one word the common factor takes a remainder and a word gcd per
// piece, where SetFrac runs Lehmer's gcd on the multi-word numbers (most
// of a plan's time for 100,000 units).
func (s sumOverColumns) commonFactor(sum []big.Word) (uint64, bool) {
	g := uint64(1)
	for _, d := range s.pieces {
		h := gcdWord(remWords(sum, d), d)
		var ok bool
		if g, ok = lcmWord(g, h); !ok {
			return 0, false
		}
	}
	return g, true
}

// reduced is sum / denom in lowest terms.
func (s sumOverColumns) reduced(sum *big.Int, w *sumScratch) *big.Rat {
	if s.pieces == nil || sum.Sign() < 0 {
		return new(big.Rat).SetFrac(sum, s.denom)
	}
	if sum.Sign() == 0 {
		return new(big.Rat)
	}
	g, ok := s.commonFactor(sum.Bits())
	if !ok {
		return new(big.Rat).SetFrac(sum, s.denom)
	}
	num, den := sum, s.denom
	if g != 1 {
		f := new(big.Int).SetUint64(g)
		num, den = sum.Quo(sum, f), new(big.Int).Quo(s.denom, f)
	}
	return w.block.rat(num.Bits(), den.Bits())
}

// ratBlock hands out fractions whose Rat and words are cut from large
// blocks; a nil *ratBlock allocates each on its own. Each fraction's words
// are its own (capacity and all), so that a fraction set anew cannot
// write into another's.
type ratBlock struct {
	rats  []big.Rat
	words []big.Word
}

const ratBlockSize = 1024

// rat is num / den (in lowest terms, den > 0), with the words copied.
func (b *ratBlock) rat(num, den []big.Word) *big.Rat {
	n := len(num) + len(den)
	var x *big.Rat
	var words []big.Word
	if b == nil {
		x, words = new(big.Rat), make([]big.Word, n)
	} else {
		if len(b.rats) == 0 {
			b.rats = make([]big.Rat, ratBlockSize)
		}
		if len(b.words) < n {
			b.words = make([]big.Word, max(n, 8*ratBlockSize))
		}
		x, words = &b.rats[0], b.words[:n:n]
		b.rats, b.words = b.rats[1:], b.words[n:]
	}
	copy(words, num)
	copy(words[len(num):], den)
	// A denominator of one word first, so that Denom is x's own (of a zero
	// Rat it returns a new Int); both parts are then replaced.
	*x = *denominatorOne
	x.Num().SetBits(words[:len(num):len(num)])
	x.Denom().SetBits(words[len(num):])
	return x
}

// denominatorOne is the template of ratBlock.rat; nothing writes to it.
var denominatorOne = big.NewRat(1, 1)

// remWords is x mod d.
func remWords(x []big.Word, d uint64) uint64 {
	var r uint64
	for i := len(x) - 1; i >= 0; i-- {
		_, r = bits.Div64(r, uint64(x[i]), d)
	}
	return r
}

// wordPieces are the denominators as words; nil if one does not fit.
func wordPieces(ds []*big.Int) []uint64 {
	if bits.UintSize != 64 {
		return nil // remWords takes big.Word for uint64
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
