package indicators

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestDecSumExact adds values of fastNumber's range, of mixed scales and
// near the top of a uint64, as small and big values, and checks the sum
// against big.Rat: the uint64 lane must move into the big one, not wrap.
func TestDecSumExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 200; trial++ {
		var s decSum
		var tmp big.Int
		want := new(big.Rat)
		for i := 0; i < 300; i++ {
			var v uint64
			switch rng.IntN(3) {
			case 0:
				v = rng.Uint64N(1_000)
			case 1:
				v = rng.Uint64N(1_000_000_000_000_000_000)
			default:
				v = 999_999_999_999_999_999 - rng.Uint64N(10)
			}
			scale := rng.IntN(20)
			if rng.IntN(10) == 0 {
				s.add(new(big.Int).SetUint64(v), scale, &tmp)
			} else {
				s.addSmall(v, scale, &tmp)
			}
			want.Add(want, new(big.Rat).SetFrac(new(big.Int).SetUint64(v), pow10(scale)))
		}
		got := new(big.Rat)
		s.rat(got)
		if got.Cmp(want) != 0 {
			t.Fatalf("trial %d: sum %s, want %s", trial, got.RatString(), want.RatString())
		}
	}
}
