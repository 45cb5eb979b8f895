package allocate

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

// benchInput is a period of n units with the four default indicators,
// integer people counts, open space and spending with decimals.
func benchInput(n int) Input {
	rng := rand.New(rand.NewPCG(7, 8))
	in := Input{Budget: 12_000_000_00, IndicatorShare: big.NewRat(6, 10)}
	for _, key := range []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"} {
		in.Indicators = append(in.Indicators, Indicator{Key: key, Weight: big.NewRat(1, 4)})
	}
	for u := range n {
		in.Units = append(in.Units, Unit{
			Name: fmt.Sprintf("unit %d", u),
			Values: []*big.Rat{
				big.NewRat(1+rng.Int64N(20_000), 1), big.NewRat(1+rng.Int64N(20_000), 1),
				big.NewRat(1+rng.Int64N(8_000), 1), big.NewRat(1+rng.Int64N(30_000_000), 10),
			},
			Spending: big.NewRat(1+rng.Int64N(1_000_000_000), 100),
		})
	}
	return in
}

func BenchmarkRun(b *testing.B) {
	for _, n := range []int{8, 500, 100_000} {
		in := benchInput(n)
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Run(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
