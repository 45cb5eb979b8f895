package allocate

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"
)

func rats(ss ...string) []*big.Rat {
	out := make([]*big.Rat, len(ss))
	for i, s := range ss {
		out[i] = r(s)
	}
	return out
}

func TestCorridorCases(t *testing.T) {
	tests := []struct {
		name             string
		corridor         Corridor
		target, previous []*big.Rat
		want             []string
		held             []Held
	}{
		{"nobody held", Corridor{r("0.5"), r("0.5")}, rats("0.3", "0.3", "0.4"), rats("0.25", "0.35", "0.4"),
			[]string{"3/10", "3/10", "2/5"}, []Held{NotHeld, NotHeld, NotHeld}},
		// A would rise from 0.2 to 0.5 but may reach 0.2·1.1 = 0.22; B and C share the rest 0.78 in proportion 0.25 : 0.25.
		{"one at its ceiling", Corridor{r("0.1"), r("0.1")}, rats("0.5", "0.25", "0.25"), rats("0.2", "0.4", "0.4"),
			[]string{"11/50", "39/100", "39/100"}, []Held{Ceiling, NotHeld, NotHeld}},
		// A may fall to 0.6·0.9 = 0.54 at most; then B and C are free again: 0.46 in proportion 0.4 : 0.4.
		{"one at its floor", Corridor{r("0.1"), nil}, rats("0.2", "0.4", "0.4"), rats("0.6", "0.2", "0.2"),
			[]string{"27/50", "23/100", "23/100"}, []Held{Floor, NotHeld, NotHeld}},
		// B and C cannot rise more than 5 %: 0.21 each; A may fall to 0.6·0.95 = 0.57, and gets 0.58.
		{"many held", Corridor{r("0.05"), r("0.05")}, rats("0.2", "0.4", "0.4"), rats("0.6", "0.2", "0.2"),
			[]string{"29/50", "21/100", "21/100"}, []Held{NotHeld, Ceiling, Ceiling}},
		{"frozen", Corridor{r("0"), r("0")}, rats("0.2", "0.4", "0.4"), rats("0.6", "0.3", "0.1"),
			[]string{"3/5", "3/10", "1/10"}, []Held{Floor, Ceiling, Ceiling}},
		{"target 0", Corridor{r("0.5"), nil}, rats("0", "1"), rats("0.5", "0.5"),
			[]string{"1/4", "3/4"}, []Held{Floor, NotHeld}},
		{"open", Corridor{}, rats("0.1", "0.9"), rats("0.5", "0.5"),
			[]string{"1/10", "9/10"}, []Held{NotHeld, NotHeld}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, held, err := tt.corridor.Damp(tt.target, tt.previous)
			if err != nil {
				t.Fatal(err)
			}
			for u := range got {
				if got[u].RatString() != tt.want[u] || held[u] != tt.held[u] {
					t.Errorf("unit %d: %s %v, want %s %v", u, got[u].RatString(), held[u], tt.want[u], tt.held[u])
				}
			}
		})
	}
}

func TestCorridorInfeasible(t *testing.T) {
	// B's target is 0 and it may lose only half of 0.5; A may not grow: 0.5 + 0.25 < 1.
	_, _, err := Corridor{r("0.5"), r("0")}.Damp(rats("1", "0"), rats("0.5", "0.5"))
	if !errors.Is(err, ErrCorridorInfeasible) {
		t.Errorf("err = %v, want ErrCorridorInfeasible", err)
	}
}

func TestCorridorValidate(t *testing.T) {
	for _, c := range []Corridor{{r("-0.1"), nil}, {r("1.1"), nil}, {nil, r("-0.01")}} {
		if c.Validate() == nil {
			t.Errorf("%v: want an error", c)
		}
	}
}

// randomShares draws n shares that sum to 1, some of them 0.
func randomShares(rng *rand.Rand, n int) []*big.Rat {
	raw := make([]int64, n)
	var sum int64
	for i := range raw {
		if rng.IntN(6) > 0 {
			raw[i] = rng.Int64N(1000)
		}
		sum += raw[i]
	}
	if sum == 0 {
		raw[0], sum = 1, 1
	}
	out := make([]*big.Rat, n)
	for i, x := range raw {
		out[i] = big.NewRat(x, sum)
	}
	return out
}

func TestPropertyCorridor(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		n := 1 + rng.IntN(12)
		target, previous := randomShares(rng, n), randomShares(rng, n)
		c := Corridor{MaxDecrease: big.NewRat(rng.Int64N(30), 100), MaxIncrease: big.NewRat(rng.Int64N(30), 100)}
		if rng.IntN(5) == 0 {
			c.MaxIncrease = nil
		}
		got, held, err := c.Damp(target, previous)
		if errors.Is(err, ErrCorridorInfeasible) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		checkDamped(t, c.bounds(previous), target, got, held)
	}
}

// checkDamped checks the corridor's promises: shares sum to 1, each within
// its bounds, held ones at their bound, free ones at one common λ·p.
func checkDamped(t *testing.T, b bounds, target, got []*big.Rat, held []Held) {
	t.Helper()
	sum := new(big.Rat)
	var lambda *big.Rat
	for u, p := range got {
		sum.Add(sum, p)
		if p.Cmp(b.lower[u]) < 0 || b.upper[u] != nil && p.Cmp(b.upper[u]) > 0 {
			t.Fatalf("unit %d: %s outside [%s, %v]", u, p.RatString(), b.lower[u].RatString(), b.upper[u])
		}
		switch {
		case held[u] == Floor && p.Cmp(b.lower[u]) != 0, held[u] == Ceiling && p.Cmp(b.upper[u]) != 0:
			t.Fatalf("unit %d held %v but at %s", u, held[u], p.RatString())
		case held[u] == NotHeld && target[u].Sign() > 0:
			l := new(big.Rat).Quo(p, target[u])
			if lambda != nil && l.Cmp(lambda) != 0 {
				t.Fatalf("free units at different λ: %s and %s", l.RatString(), lambda.RatString())
			}
			lambda = l
		}
	}
	if sum.Cmp(ratOne) != 0 {
		t.Fatalf("damped shares sum to %s", sum.RatString())
	}
}
