package allocate

import (
	"math/big"
	"math/bits"
)

// sumValues is the exact sum of non-negative values, and the values as
// float64 when each has a numerator and denominator that fit in 63 bits
// (always so for decimal input), else nil.
//
// The sum is kept per denominator in 128 bits, as decimal input has only a
// few denominators (1, 10, 100), and becomes a rational once at the end:
// summing big.Rats one by one would normalise by a gcd every time.
func sumValues(values []*big.Rat) (*big.Rat, []float64) {
	floats := make([]float64, len(values))
	sums := map[int64]*uint128{}
	for u, v := range values {
		n, d, ok := smallParts(v)
		if !ok {
			return slowSum(values), nil
		}
		acc := sums[d]
		if acc == nil {
			acc = &uint128{}
			sums[d] = acc
		}
		if !acc.add(uint64(n)) {
			return slowSum(values), nil
		}
		floats[u] = float64(n) / float64(d)
	}
	total := new(big.Rat)
	for d, acc := range sums {
		total.Add(total, new(big.Rat).SetFrac(acc.big(), big.NewInt(d)))
	}
	return total, floats
}

// smallParts are v's numerator and denominator if both fit in 63 bits.
func smallParts(v *big.Rat) (n, d int64, ok bool) {
	num := v.Num()
	if !num.IsInt64() {
		return 0, 0, false
	}
	if v.IsInt() {
		return num.Int64(), 1, true
	}
	den := v.Denom()
	return num.Int64(), den.Int64(), den.IsInt64()
}

func slowSum(values []*big.Rat) *big.Rat {
	total := new(big.Rat)
	for _, v := range values {
		total.Add(total, v)
	}
	return total
}

// uint128 is an unsigned 128-bit accumulator.
type uint128 struct{ hi, lo uint64 }

// add adds x; it reports false on overflow past 128 bits.
func (a *uint128) add(x uint64) bool {
	var carry uint64
	a.lo, carry = bits.Add64(a.lo, x, 0)
	a.hi, carry = bits.Add64(a.hi, 0, carry)
	return carry == 0
}

func (a *uint128) big() *big.Int {
	b := new(big.Int).SetUint64(a.hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(a.lo))
}
