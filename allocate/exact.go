package allocate

import "math/big"

// exactAmounts holds E(u) and its parts, one per column, as fractions in
// cents. All fractions of a unit share one denominator, and without inverse
// indicators all units share it, so the sums and the comparisons of
// remainders are integer operations rather than rational ones.
type exactAmounts struct {
	totals []fraction   // E(u)
	parts  [][]fraction // E(u) split by column
}

func computeExact(cols []column, budget Cents, units int) exactAmounts {
	for k := range cols {
		cols[k].prepare()
	}
	multipliers, denom := commonDenominator(cols, budget)
	ex := exactAmounts{totals: make([]fraction, units), parts: make([][]fraction, units)}
	for u := range units {
		ex.parts[u], ex.totals[u] = unitParts(cols, multipliers, denom, u)
	}
	return ex
}

// commonDenominator brings the columns' coefficients to one denominator and
// returns their numerators over it.
func commonDenominator(cols []column, budget Cents) ([]*big.Int, *big.Int) {
	coefs := make([]*big.Rat, len(cols))
	denom := big.NewInt(1)
	for k := range cols {
		coefs[k] = cols[k].coefficient(budget)
		lcm(denom, coefs[k].Denom())
	}
	multipliers := make([]*big.Int, len(cols))
	for k, coef := range coefs {
		m := new(big.Int).Quo(denom, coef.Denom())
		multipliers[k] = m.Mul(m, coef.Num())
	}
	return multipliers, denom
}

// unitParts computes a unit's parts and their sum over the denominator
// denom · Q(u), where Q(u) is the product of the numerators of the unit's
// inverse values (1 without inverse indicators).
func unitParts(cols []column, multipliers []*big.Int, denom *big.Int, u int) ([]fraction, fraction) {
	q := inverseProduct(cols, multipliers, u)
	den := denom
	if q != nil {
		den = new(big.Int).Mul(denom, q)
	}
	parts := make([]fraction, len(cols))
	sum := new(big.Int)
	for k := range cols {
		num := new(big.Int)
		if multipliers[k].Sign() != 0 {
			num.Mul(cols[k].integral(u, q), multipliers[k])
		}
		sum.Add(sum, num)
		parts[k] = fraction{num: num, den: den}
	}
	return parts, fraction{num: sum, den: den}
}

func inverseProduct(cols []column, multipliers []*big.Int, u int) *big.Int {
	var q *big.Int
	for k := range cols {
		if cols[k].inverse && multipliers[k].Sign() != 0 {
			if q == nil {
				q = big.NewInt(1)
			}
			q.Mul(q, cols[k].values[u].Num())
		}
	}
	return q
}

// integral returns the column's integer for unit u times Q(u): the scaled
// value of a direct column, or the reciprocal 1/I(u) times Q(u), which is
// integral because Q(u) holds the numerator of I(u).
func (c *column) integral(u int, q *big.Int) *big.Int {
	if !c.inverse {
		if q == nil {
			return c.ints[u]
		}
		return new(big.Int).Mul(c.ints[u], q)
	}
	v := c.values[u]
	x := new(big.Int).Quo(q, v.Num())
	return x.Mul(x, v.Denom())
}
