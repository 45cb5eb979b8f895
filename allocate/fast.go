package allocate

import (
	"math"
	"math/big"
	"slices"
)

// The fast path computes each E(u) in float64 with a bound on its error,
// which decides almost every floor and almost the whole order of the
// remainders. Only the units it cannot decide — an E(u) within the bound
// of a whole cent, or a remainder within the bound of the cut between the
// units that get a cent and those that do not — are computed exactly. The
// amounts are the exact path's; tests check that they always agree.

// fastAmounts rounds E(u) to cents, or reports false where the fast path
// does not apply (inverse indicators, values that do not fit in 63 bits, a
// budget so large that float64 cannot bound the error usefully).
func fastAmounts(cols []column, budget Cents, units int) ([]Cents, bool) {
	coefs, exactCoefs, ok := fastCoefficients(cols, budget)
	if !ok {
		return nil, false
	}
	// Each term has a relative error of a few units in the last place; the
	// bound is far above that sum, and still a tiny fraction of a cent.
	bound := float64(budget) * float64(len(cols)+3) * 0x1p-48
	if bound > 0.01 {
		return nil, false
	}
	e := estimates{cols: cols, coefs: exactCoefs, bound: bound, exact: map[int]*big.Rat{}}
	e.estimate(coefs, units)
	return e.round(budget)
}

func fastCoefficients(cols []column, budget Cents) ([]float64, []*big.Rat, bool) {
	coefs := make([]float64, len(cols))
	exact := make([]*big.Rat, len(cols))
	for k := range cols {
		if cols[k].inverse || cols[k].floats == nil {
			return nil, nil, false
		}
		exact[k] = cols[k].valueCoefficient(budget)
		coefs[k], _ = exact[k].Float64()
	}
	return coefs, exact, true
}

// estimates are the float64 values of E(u), the exact ones computed where
// they were needed, and the error bound of the estimates.
type estimates struct {
	cols   []column
	coefs  []*big.Rat
	bound  float64
	values []float64
	exact  map[int]*big.Rat
}

func (e *estimates) estimate(coefs []float64, units int) {
	e.values = make([]float64, units)
	for k, c := range e.cols {
		for u, x := range c.floats {
			e.values[u] += coefs[k] * x
		}
	}
}

// exactAt computes E(u) exactly, once.
func (e *estimates) exactAt(u int) *big.Rat {
	if x, ok := e.exact[u]; ok {
		return x
	}
	x := new(big.Rat)
	var term big.Rat
	for k, c := range e.cols {
		x.Add(x, term.Mul(e.coefs[k], c.values[u]))
	}
	e.exact[u] = x
	return x
}

// floorAndFraction is ⌊E(u)⌋ and the remainder, exactly where the estimate
// lies too close to a whole cent to tell.
func (e *estimates) floorAndFraction(u int) (Cents, float64) {
	v := e.values[u]
	f := math.Floor(v)
	if v-f > e.bound && f+1-v > e.bound {
		return Cents(f), v - f
	}
	x := e.exactAt(u)
	q, r := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	frac, _ := new(big.Rat).SetFrac(r, x.Denom()).Float64()
	return Cents(q.Int64()), frac
}

// round gives every unit its floor and the missing cents to the largest
// remainders, deciding exactly among those the estimates cannot order.
func (e *estimates) round(budget Cents) ([]Cents, bool) {
	n := len(e.values)
	amounts := make([]Cents, n)
	fracs := make([]float64, n)
	missing := budget
	for u := range n {
		amounts[u], fracs[u] = e.floorAndFraction(u)
		missing -= amounts[u]
	}
	if missing < 0 || missing > Cents(n) {
		return nil, false
	}
	for _, u := range e.winners(fracs, int(missing)) {
		amounts[u]++
	}
	return amounts, true
}

// winners are the m units with the largest remainders, ties to the first.
func (e *estimates) winners(fracs []float64, m int) []int {
	if m == 0 {
		return nil
	}
	order := make([]int, len(fracs))
	for i := range order {
		order[i] = i
	}
	if m == len(order) {
		return order
	}
	// Equal remainders in input order: a total order, whose first m are
	// one set however they are found; selected, not sorted.
	before := func(a, b int) bool { return fracs[a] > fracs[b] || fracs[a] == fracs[b] && a < b }
	selectFirst(order, m, before)
	lo, hi := fracs[order[m]], fracs[order[0]]
	for _, u := range order[:m] {
		hi = min(hi, fracs[u])
	}
	if hi-lo > 2*e.bound {
		return order[:m] // the cut is clear
	}
	return e.decideBand(order, fracs, m, lo-2*e.bound, hi+2*e.bound)
}

// selectFirst puts the element of rank m (by before, a strict total
// order) at x[m], those before it in x[:m] and the others after it
// (Hoare's selection, a pivot the median of three).
func selectFirst(x []int, m int, before func(a, b int) bool) {
	lo, hi := 0, len(x)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if before(x[mid], x[lo]) {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if before(x[hi], x[lo]) {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if before(x[hi], x[mid]) {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for before(x[i], pivot) {
				i++
			}
			for before(pivot, x[j]) {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case m <= j:
			hi = j
		case m >= i:
			lo = i
		default:
			return
		}
	}
}

// decideBand orders the units whose remainders lie in [low, high] exactly:
// those above the band are in, those below out.
func (e *estimates) decideBand(order []int, fracs []float64, m int, low, high float64) []int {
	var in, band []int
	for _, u := range order {
		switch {
		case fracs[u] > high:
			in = append(in, u)
		case fracs[u] >= low:
			band = append(band, u)
		}
	}
	remainders := make(map[int]*big.Rat, len(band))
	for _, u := range band {
		x := e.exactAt(u)
		r := new(big.Int).Rem(x.Num(), x.Denom())
		remainders[u] = new(big.Rat).SetFrac(r, x.Denom())
	}
	slices.SortFunc(band, func(a, b int) int {
		if c := remainders[b].Cmp(remainders[a]); c != 0 {
			return c
		}
		return a - b
	})
	return append(in, band[:m-len(in)]...)
}
