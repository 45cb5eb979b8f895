package workbook

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// ratFloat's division of small integers is the nearest float64, as
// Float64 gives it, up to and beyond 2^53.
func TestRatFloatIsNearest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for i := range 200000 {
		n := rng.Int64N(1<<54) - 1<<53
		d := rng.Int64N(1<<(1+i%54)) + 1
		if i%7 == 0 {
			n, d = 1<<53-rng.Int64N(3), 1<<53-rng.Int64N(3)*int64(i%3)
		}
		x := big.NewRat(n, d)
		want, _ := x.Float64()
		if got := ratFloat(x); got != want {
			t.Fatalf("%d/%d: %v, Float64 %v", n, d, got, want)
		}
	}
}
