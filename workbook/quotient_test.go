package workbook

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// quotientFloat rounds as Rat.Float64 does, to nearest with ties to
// even: fractions of one to four words, exact ties, quotients just below
// and above a power of two, and the cases it leaves to Float64.
func TestQuotientFloatIsFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	word := func() *big.Int {
		x := new(big.Int).SetUint64(rng.Uint64() >> uint(rng.IntN(64)))
		return x.Add(x, big.NewInt(1))
	}
	number := func(words int) *big.Int {
		x := word()
		for range words - 1 {
			x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(rng.Uint64()))
		}
		return x
	}
	var cases [][2]*big.Int
	for range 200000 {
		cases = append(cases, [2]*big.Int{number(1 + rng.IntN(4)), number(1 + rng.IntN(4))})
	}
	for range 20000 {
		// (2m+1) / 2^j: exactly between two float64 when m has 53 bits.
		m := new(big.Int).SetUint64(1<<52 | rng.Uint64()>>12)
		odd := m.Lsh(m, 1).Add(m, big.NewInt(1))
		cases = append(cases, [2]*big.Int{odd, new(big.Int).Lsh(big.NewInt(1), uint(rng.IntN(200)))})
		// a power of two less or more than a unit in the last place.
		p := new(big.Int).Lsh(big.NewInt(1), uint(rng.IntN(180)))
		cases = append(cases, [2]*big.Int{new(big.Int).Sub(p, big.NewInt(1)), number(1 + rng.IntN(3))},
			[2]*big.Int{p, new(big.Int).Add(p, big.NewInt(1))}, [2]*big.Int{new(big.Int).Add(p, big.NewInt(1)), p})
	}
	cases = append(cases, [2]*big.Int{big.NewInt(0), big.NewInt(7)}, [2]*big.Int{big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 255)})
	applied := 0
	for _, c := range cases {
		x := new(big.Rat).SetFrac(c[0], c[1])
		want, _ := x.Float64()
		got, ok := quotientFloat(x.Num().Bits(), x.Denom().Bits())
		if !ok {
			continue
		}
		applied++
		if got != want {
			t.Fatalf("%s / %s: %v, Float64 %v", x.Num(), x.Denom(), got, want)
		}
		if r := ratFloat(new(big.Rat).Neg(x)); r != -want || math.Signbit(r) != (want != 0) {
			t.Fatalf("−%s: ratFloat %v, want %v", x, r, -want)
		}
	}
	if applied < len(cases)/3 {
		t.Errorf("quotientFloat applied to only %d of %d fractions", applied, len(cases))
	}
	if _, ok := quotientFloat(number(5).Bits(), big.NewInt(3).Bits()); ok {
		t.Error("a numerator of five words was taken")
	}
}
