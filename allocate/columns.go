package allocate

import (
	"math/big"
	"math/bits"
	"sync"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// column is one part of the formula: an indicator, or the prior-year
// spending that makes the history share.
//
// For the exact amounts a direct column keeps its values as integers over
// one scale (the least common multiple of their denominators, for decimal
// input a small power of ten), so that amounts are integer sums, not
// rational ones; these are made on demand by prepare.
type column struct {
	key     string
	weight  *big.Rat   // the column's weight in the target share: α·w_k, or 1−α for history
	inverse bool       // shares follow 1/value
	values  []*big.Rat // one per unit
	total   *big.Rat   // Σ of the values, or of their reciprocals when inverse
	floats  []float64  // the values as float64 for the fast path; nil where it does not apply

	scale *big.Int   // direct, after prepare: values[u] = ints[u] / scale
	ints  []*big.Int // likewise

	// words are the values as words over their scale, for the target
	// shares; made once and shared by the columns of a plan's quarters.
	words *columnWords
}

// columnWords are a column's values times their scale (the least common
// multiple of their denominators), as words: ints is nil if one is
// negative or does not fit.
type columnWords struct {
	once  sync.Once
	scale *big.Int
	ints  []uint64
}

// of makes the words of values on first use.
func (w *columnWords) of(values []*big.Rat) *columnWords {
	w.once.Do(func() {
		scale, ok := wordScale(values)
		if !ok {
			w.scale = denominatorLCM(values)
			return
		}
		w.scale = new(big.Int).SetUint64(scale)
		ints := make([]uint64, len(values))
		for u, v := range values {
			n, d, _ := smallParts(v)
			hi, lo := bits.Mul64(uint64(n), scale/uint64(d))
			if n < 0 || hi != 0 {
				return
			}
			ints[u] = lo
		}
		w.ints = ints
	})
	return w
}

// wordScale is denominatorLCM in word arithmetic, false where a value's
// parts or the multiple do not fit in a word.
func wordScale(values []*big.Rat) (uint64, bool) {
	scale := uint64(1)
	for _, v := range values {
		_, d, ok := smallParts(v)
		if !ok {
			return 0, false
		}
		if scale%uint64(d) != 0 {
			if scale, ok = lcmWord(scale, uint64(d)); !ok {
				return 0, false
			}
		}
	}
	return scale, true
}

// newColumns lays out the indicators, then the history, and checks the
// totals the model requires to be positive.
func newColumns(in *Input) ([]column, error) {
	return weighColumns(in, nil)
}

// weighColumns is newColumns with the values, totals and floats of like,
// columns of the same table (nil: made from in).
func weighColumns(in *Input, like []column) ([]column, error) {
	alpha := in.IndicatorShare
	cols := make([]column, 0, len(in.Indicators)+1)
	for k, ind := range in.Indicators {
		weight := new(big.Rat).Mul(alpha, ind.Weight)
		if like != nil {
			c := like[k]
			c.weight = weight
			cols = append(cols, c)
		} else {
			values := make([]*big.Rat, len(in.Units))
			for u, unit := range in.Units {
				values[u] = unit.Values[k]
			}
			cols = append(cols, newColumn(ind.Key, weight, ind.Inverse, values))
		}
		if ind.Weight.Sign() > 0 && cols[k].total.Sign() == 0 {
			return nil, inputErr(-1, ind.Key, "total is 0 but its weight is %s", msg.Dec(decimal(ind.Weight)))
		}
	}
	var history column
	if like != nil {
		history = like[len(like)-1]
		history.weight = new(big.Rat).Sub(ratOne, alpha)
	} else {
		history = newColumn(HistoryKey, new(big.Rat).Sub(ratOne, alpha), false, spending(in.Units))
	}
	if history.weight.Sign() > 0 && history.total.Sign() == 0 {
		return nil, inputErr(-1, SpendingKey, "total prior-year spending is 0 but the indicator share is below 1")
	}
	return append(cols, history), nil
}

// sameTable says whether in has the very units and indicators of like's
// input: the same slice of units and equal indicators (α and the budget
// may differ).
func sameTable(in *Input, like *Result) bool {
	if like == nil {
		return false
	}
	other := like.input
	if len(in.Units) == 0 || len(in.Units) != len(other.Units) || &in.Units[0] != &other.Units[0] ||
		len(in.Indicators) != len(other.Indicators) {
		return false
	}
	for k, ind := range in.Indicators {
		o := other.Indicators[k]
		if ind.Key != o.Key || ind.Inverse != o.Inverse || ind.Weight.Cmp(o.Weight) != 0 {
			return false
		}
	}
	return true
}

func newColumn(key string, weight *big.Rat, inverse bool, values []*big.Rat) column {
	c := column{key: key, weight: weight, inverse: inverse, values: values, total: new(big.Rat), words: &columnWords{}}
	if inverse {
		for _, v := range values {
			c.total.Add(c.total, new(big.Rat).Inv(v))
		}
		return c
	}
	c.total, c.floats = sumValues(values)
	return c
}

// prepare makes the integers of a direct column for the exact amounts.
func (c *column) prepare() {
	if c.inverse || c.ints != nil {
		return
	}
	c.scale = denominatorLCM(c.values)
	c.ints = make([]*big.Int, len(c.values))
	factors := map[uint64]*big.Int{} // scale / denominator, by denominator
	for u, v := range c.values {
		c.ints[u] = scaled(v, c.scale, factors)
	}
}

// scaled is v · scale as an integer. An integral value at scale 1 is its
// own numerator, which is not copied; the factor scale / denominator is
// computed once per denominator, as decimal input has few of them.
func scaled(v *big.Rat, scale *big.Int, factors map[uint64]*big.Int) *big.Int {
	if v.IsInt() && scale.IsInt64() && scale.Int64() == 1 {
		return v.Num()
	}
	d := v.Denom()
	f, ok := factors[d.Uint64()]
	if !ok || !d.IsUint64() {
		f = new(big.Int).Quo(scale, d)
		if d.IsUint64() {
			factors[d.Uint64()] = f
		}
	}
	return new(big.Int).Mul(f, v.Num())
}

func spending(units []Unit) []*big.Rat {
	values := make([]*big.Rat, len(units))
	for u, unit := range units {
		values[u] = unit.Spending
		if values[u] == nil {
			values[u] = new(big.Rat)
		}
	}
	return values
}

// share is the unit's share of the column: x(u) / Σ x, with x the value or
// its reciprocal; 0 where the total is 0.
func (c *column) share(u int) *big.Rat {
	if c.total.Sign() == 0 {
		return new(big.Rat)
	}
	x := c.values[u]
	if c.inverse {
		x = new(big.Rat).Inv(x)
	}
	return new(big.Rat).Quo(x, c.total)
}

// coefficient is the factor that turns x(u) into the unit's exact part of
// the budget in cents: weight · budget / total, divided by the scale for a
// direct column because its integers are x(u) · scale.
func (c *column) coefficient(budget Cents) *big.Rat {
	coef := c.valueCoefficient(budget)
	if coef.Sign() != 0 && !c.inverse {
		coef.Quo(coef, new(big.Rat).SetInt(c.scale))
	}
	return coef
}

// valueCoefficient turns x(u) itself into cents: weight · budget / total.
func (c *column) valueCoefficient(budget Cents) *big.Rat {
	if c.weight.Sign() == 0 || c.total.Sign() == 0 {
		return new(big.Rat)
	}
	coef := new(big.Rat).Mul(c.weight, budget.Rat())
	return coef.Quo(coef, c.total)
}

// denominatorLCM is the least common multiple of the values' denominators.
func denominatorLCM(values []*big.Rat) *big.Int {
	l := big.NewInt(1)
	for _, v := range values {
		if !v.IsInt() {
			lcm(l, v.Denom())
		}
	}
	return l
}

// lcm sets l to the least common multiple of l and d.
func lcm(l, d *big.Int) {
	var r big.Int
	if r.Rem(l, d).Sign() == 0 {
		return
	}
	g := new(big.Int).GCD(nil, nil, l, d)
	l.Mul(l, g.Quo(d, g))
}
