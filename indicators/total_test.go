package indicators

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestColumnSumsExact: the sums by denominator equal big.Rat's sum of the
// values one by one, for decimals of mixed places, negative values and a
// denominator beyond a word.
func TestColumnSumsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	huge, _ := new(big.Rat).SetString("1/100000000000000000000000000000")
	for trial := range 200 {
		n := 1 + rng.IntN(300)
		units := make([]Unit, n)
		want := []*big.Rat{new(big.Rat), new(big.Rat)}
		for u := range units {
			a := big.NewRat(rng.Int64N(2_000_000)-1_000_000, pow10(rng.IntN(5)).Int64())
			s := big.NewRat(rng.Int64N(1_000_000), pow10(rng.IntN(3)).Int64())
			if trial%7 == 0 && u == 0 {
				a.Add(a, huge)
			}
			units[u] = Unit{Values: []*big.Rat{a}, Spending: s}
			want[0].Add(want[0], a)
			want[1].Add(want[1], s)
		}
		b := &builder{keys: []string{"a", "spending"}}
		got := b.columnSums(units)
		for i := range want {
			if got[i].Cmp(want[i]) != 0 {
				t.Fatalf("trial %d column %d: %s, want %s", trial, i, got[i].RatString(), want[i].RatString())
			}
		}
	}
}
