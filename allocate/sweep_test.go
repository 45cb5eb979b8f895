package allocate

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// A sweep point is the same as a plain run with those weights.
func TestPropertySweepEqualsRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	forRandomInputs(t, func(t *testing.T, in Input, _ *Result) {
		s, err := NewSweep(in)
		if err != nil {
			t.Fatal(err)
		}
		weights := randomWeights(rng, len(in.Indicators))
		for k := range in.Indicators {
			if weights[k].Sign() > 0 && columnTotal(in, k).Sign() == 0 {
				return
			}
		}
		p, err := s.At(weights)
		if err != nil {
			t.Fatal(err)
		}
		plain := cloneInput(in)
		plain.Indicators = slices.Clone(in.Indicators)
		for k := range plain.Indicators {
			plain.Indicators[k].Weight = weights[k]
		}
		if want := amounts(t, plain); !slices.Equal(p.Amounts, want) {
			t.Errorf("sweep %v, run %v", p.Amounts, want)
		}
	})
}

func randomWeights(rng *rand.Rand, k int) []*big.Rat {
	left := int64(100)
	out := make([]*big.Rat, k)
	for i := range out {
		w := left
		if i < k-1 {
			w = rng.Int64N(left + 1)
		}
		left -= w
		out[i] = big.NewRat(w, 100)
	}
	return out
}

func columnTotal(in Input, k int) *big.Rat {
	sum := new(big.Rat)
	for _, u := range in.Units {
		sum.Add(sum, u.Values[k])
	}
	return sum
}

func TestSweepRejectsBadWeights(t *testing.T) {
	s, err := NewSweep(essenLike())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.At(rats("0.5", "0.5", "0.5")); err == nil {
		t.Error("weights summing to 1.5: want an error")
	}
}

func BenchmarkSweep50Units(b *testing.B) {
	s, err := NewSweep(benchInput(50))
	if err != nil {
		b.Fatal(err)
	}
	weights := rats("0.1", "0.3", "0.2", "0.4")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.At(weights); err != nil {
			b.Fatal(err)
		}
	}
}
