package allocate

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// sameTerms says whether x and y are the same fraction written the same
// way: numerator and denominator equal, not only the value.
func sameTerms(x, y *big.Rat) bool {
	return x.Num().Cmp(y.Num()) == 0 && x.Denom().Cmp(y.Denom()) == 0
}

// reduced brings a sum over the common denominator to the lowest terms
// SetFrac gives, whatever the pieces share with each other and with the
// sum: small primes, one-word primes, powers, a sum of 0, pieces whose
// common factors do not fit in a word.
func TestReducedEqualsSetFrac(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	primes := []int64{2, 3, 5, 7, 10007, 4294967311, 1000000007, 9223372036854775783}
	product := func(factors int) *big.Int {
		x := big.NewInt(1)
		for range factors {
			x.Mul(x, big.NewInt(primes[rng.IntN(len(primes))]))
		}
		return x
	}
	reducedOnes := 0
	for i := range 20000 {
		var ds []*big.Int
		s := sumOverColumns{denom: big.NewInt(1)}
		for range rng.IntN(5) + 1 {
			d := product(rng.IntN(3) + 1)
			ds = append(ds, d)
			lcm(s.denom, d)
		}
		s.pieces = wordPieces(ds)
		sum := product(rng.IntN(4))
		sum.Mul(sum, new(big.Int).SetUint64(rng.Uint64()>>uint(rng.IntN(64))))
		if i%100 == 0 {
			sum.SetInt64(0)
		}
		want := new(big.Rat).SetFrac(sum, s.denom)
		if got := s.reduced(new(big.Int).Set(sum), &sumScratch{}); !sameTerms(got, want) {
			t.Fatalf("%s / %s (pieces %v): got %s, want %s", sum, s.denom, s.pieces, got, want)
		}
		if s.pieces != nil && want.Denom().Cmp(s.denom) != 0 {
			reducedOnes++
		}
	}
	if reducedOnes < 1000 {
		t.Errorf("only %d sums had a common factor with the denominator", reducedOnes)
	}
}

func TestWordHelpers(t *testing.T) {
	for _, c := range []struct{ a, b, gcd uint64 }{{0, 7, 7}, {7, 0, 7}, {12, 18, 6}, {1 << 63, 1 << 40, 1 << 40}, {17, 19, 1}} {
		if g := gcdWord(c.a, c.b); g != c.gcd {
			t.Errorf("gcd(%d, %d) = %d, want %d", c.a, c.b, g, c.gcd)
		}
	}
	if l, ok := lcmWord(1<<40, 3<<30); !ok || l != 3<<40 {
		t.Errorf("lcm = %d, %v", l, ok)
	}
	if _, ok := lcmWord(1<<40+1, 1<<40+3); ok {
		t.Error("an lcm beyond a word was accepted")
	}
	x, _ := new(big.Int).SetString("340282366920938463463374607431768211455", 10) // 2^128 − 1
	if r := remWords(x.Bits(), 1000000007); r != new(big.Int).Mod(x, big.NewInt(1000000007)).Uint64() {
		t.Errorf("remWords = %d", r)
	}
}

// RunLike, reusing the columns of another α and budget over the same
// table, gives Run's amounts, exact parts and shares; a copy of the table
// or other weights are another table, and a refusal stays a refusal.
func TestPropertyRunLikeEqualsRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 29))
	for range 500 {
		in := randomInput(rng)
		first, err := Run(in)
		if err != nil {
			continue
		}
		first.Exact(0) // prepared columns are reused too
		next := in
		next.Budget, next.IndicatorShare = Cents(rng.Int64N(10_000_000_000)), big.NewRat(rng.Int64N(11), 10)
		want, wantErr := Run(next)
		got, err := RunLike(next, first)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("RunLike error %v, Run %v", err, wantErr)
		}
		if err != nil {
			continue
		}
		for u := range want.Units {
			if got.Units[u] != want.Units[u] || got.Exact(u).Cmp(want.Exact(u)) != 0 ||
				!sameTerms(got.TargetShare(u), want.Shares(u).Target) {
				t.Fatalf("unit %d: RunLike %v %s, Run %v %s", u, got.Units[u], got.Exact(u), want.Units[u], want.Exact(u))
			}
		}
		if !sameTable(&next, first) {
			t.Fatal("the same table is not recognised")
		}
		copied := next
		copied.Units = append([]Unit(nil), next.Units...)
		reweighed := next
		reweighed.Indicators = append([]Indicator(nil), next.Indicators...)
		reweighed.Indicators[0].Weight = new(big.Rat).Add(reweighed.Indicators[0].Weight, big.NewRat(1, 1000))
		if sameTable(&copied, first) || sameTable(&reweighed, first) {
			t.Fatal("another table is taken for the same")
		}
	}
}
