package allocate

import (
	"cmp"
	"math/big"
	"slices"
)

// fraction is an exact non-negative amount num/den in cents. Fractions that
// share a denominator may share the *big.Int, which makes comparing their
// remainders cheap.
type fraction struct {
	num, den *big.Int
}

// Apportion rounds exact non-negative amounts in cents that add up to total
// into whole cents that add up to total, by largest remainder
// (Hamilton / Hare–Niemeyer): every part gets its floor, and the cents still
// missing go one each to the parts with the largest fractional remainders;
// equal remainders go to the part that comes first.
func Apportion(total Cents, exact []*big.Rat) []Cents {
	parts := make([]fraction, len(exact))
	for i, e := range exact {
		parts[i] = fraction{num: e.Num(), den: e.Denom()}
	}
	return apportion(total, parts)
}

func apportion(total Cents, parts []fraction) []Cents {
	amounts := make([]Cents, len(parts))
	remainders := make([]big.Int, len(parts))
	var q big.Int
	missing := total
	for i, p := range parts {
		q.QuoRem(p.num, p.den, &remainders[i])
		amounts[i] = Cents(q.Int64())
		missing -= amounts[i]
	}
	if missing == 0 {
		return amounts
	}
	for _, i := range largestFirst(parts, remainders)[:missing] {
		amounts[i]++
	}
	return amounts
}

// ranked is a part's remainder r/den as the first 64 bits of the binary
// fraction, which orders almost all remainders without big arithmetic.
type ranked struct {
	key   uint64
	index int
}

// largestFirst orders the parts' indexes by remainder, largest first, and by
// position where remainders are equal.
func largestFirst(parts []fraction, remainders []big.Int) []int {
	ranks := make([]ranked, len(parts))
	var t big.Int
	for i := range parts {
		t.Lsh(&remainders[i], 64)
		ranks[i] = ranked{key: t.Quo(&t, parts[i].den).Uint64(), index: i}
	}
	var x, y big.Int
	slices.SortFunc(ranks, func(a, b ranked) int {
		if a.key != b.key {
			return cmp.Compare(b.key, a.key)
		}
		i, j := a.index, b.index
		if c := compareFractions(&remainders[j], parts[j].den, &remainders[i], parts[i].den, &x, &y); c != 0 {
			return c
		}
		return i - j
	})
	order := make([]int, len(ranks))
	for k, r := range ranks {
		order[k] = r.index
	}
	return order
}

// compareFractions compares a/b with c/d, using x and y as scratch space.
func compareFractions(a, b, c, d, x, y *big.Int) int {
	if b == d {
		return a.Cmp(c)
	}
	return x.Mul(a, d).Cmp(y.Mul(c, b))
}
