package allocate

import (
	"math/big"
	"slices"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Corridor limits how fast a unit's share may move from one period to the
// next: at most MaxDecrease and MaxIncrease of the previous share (0.05 is
// 5 %). A nil side is open.
type Corridor struct {
	MaxDecrease *big.Rat
	MaxIncrease *big.Rat
}

// Held says whether the corridor held a unit's share, and at which bound.
type Held int

const (
	NotHeld Held = iota
	Floor        // the share would have fallen below the lower bound
	Ceiling      // the share would have risen above the upper bound
)

func (h Held) String() string {
	return [...]string{"", "floor", "ceiling"}[h]
}

// ErrCorridorInfeasible is a corridor whose bounds cannot add up to 1.
var ErrCorridorInfeasible = msg.Errorf("the corridor's bounds cannot add up to 100 %%: widen it")

// Validate checks that the decrease lies in [0, 1] and the increase is ≥ 0.
func (c Corridor) Validate() error {
	if d := c.MaxDecrease; d != nil && (d.Sign() < 0 || d.Cmp(ratOne) > 0) {
		return msg.Errorf("the maximum decrease must lie in [0, 1]")
	}
	if g := c.MaxIncrease; g != nil && g.Sign() < 0 {
		return msg.Errorf("the maximum increase must be 0 or more")
	}
	return nil
}

// Damp applies the corridor to the target shares, given each unit's share
// in the previous period (both sum to 1): p'(u) = clamp(λ·p(u), L(u), U(u))
// with the λ > 0 for which the p' sum to 1, found exactly by walking the
// points where units enter and leave their bounds.
func (c Corridor) Damp(target, previous []*big.Rat) ([]*big.Rat, []Held, error) {
	b := c.bounds(previous)
	lambda, err := solveLambda(target, b)
	if err != nil {
		return nil, nil, err
	}
	shares := make([]*big.Rat, len(target))
	held := make([]Held, len(target))
	for u, p := range target {
		shares[u], held[u] = b.clamp(u, new(big.Rat).Mul(lambda, p))
	}
	return shares, held, nil
}

// bounds are L(u) and U(u); a nil upper bound is open.
type bounds struct {
	lower, upper []*big.Rat
}

func (c Corridor) bounds(previous []*big.Rat) bounds {
	b := bounds{lower: make([]*big.Rat, len(previous)), upper: make([]*big.Rat, len(previous))}
	for u, prev := range previous {
		b.lower[u] = new(big.Rat)
		if c.MaxDecrease != nil {
			b.lower[u].Mul(prev, new(big.Rat).Sub(ratOne, c.MaxDecrease))
		}
		if c.MaxIncrease != nil {
			b.upper[u] = new(big.Rat).Mul(prev, new(big.Rat).Add(ratOne, c.MaxIncrease))
		}
	}
	return b
}

func (b bounds) clamp(u int, x *big.Rat) (*big.Rat, Held) {
	if x.Cmp(b.lower[u]) < 0 {
		return new(big.Rat).Set(b.lower[u]), Floor
	}
	if b.upper[u] != nil && x.Cmp(b.upper[u]) > 0 {
		return new(big.Rat).Set(b.upper[u]), Ceiling
	}
	return x, NotHeld
}

// event is a λ at which a unit leaves its lower bound (enter) or reaches
// its upper bound.
type event struct {
	lambda *big.Rat
	unit   int
	enter  bool
}

// solveLambda finds λ with Σ clamp(λ·p, L, U) = 1. The sum is continuous,
// piecewise linear and non-decreasing in λ: const + λ·(Σ p of the free
// units) between events. It starts with every unit at its lower bound.
func solveLambda(target []*big.Rat, b bounds) (*big.Rat, error) {
	s := sweep{constant: new(big.Rat), slope: new(big.Rat), start: new(big.Rat)}
	for u := range target {
		s.constant.Add(s.constant, b.lower[u])
	}
	evs := events(target, b)
	for i, e := range evs {
		if s.reaches(e.lambda) {
			if s.slope.Sign() > 0 {
				return s.solve(), nil
			}
			lo := s.start
			return flatLambda(lo, s.flatEnd(evs[i:], target, b)), nil
		}
		s.apply(e, target, b)
	}
	if s.slope.Sign() > 0 {
		return s.solve(), nil
	}
	if s.constant.Cmp(ratOne) == 0 {
		return flatLambda(s.start, nil), nil
	}
	return nil, ErrCorridorInfeasible
}

// sweep is Σ clamp(λ·p, L, U) = constant + λ·slope on the segment that
// begins at start.
type sweep struct {
	constant, slope, start *big.Rat
}

// reaches says whether the sum reaches 1 by λ = end.
func (s *sweep) reaches(end *big.Rat) bool {
	f := new(big.Rat).Mul(end, s.slope)
	return f.Add(f, s.constant).Cmp(ratOne) >= 0
}

func (s *sweep) solve() *big.Rat {
	l := new(big.Rat).Sub(ratOne, s.constant)
	return l.Quo(l, s.slope)
}

func (s *sweep) apply(e event, target []*big.Rat, b bounds) {
	if e.enter {
		s.constant.Sub(s.constant, b.lower[e.unit])
		s.slope.Add(s.slope, target[e.unit])
	} else {
		s.constant.Add(s.constant, b.upper[e.unit])
		s.slope.Sub(s.slope, target[e.unit])
	}
	s.start = e.lambda
}

// flatEnd follows a flat stretch (every unit at a bound, sum 1) over the
// remaining events and returns where it ends, or nil if it never does. It
// uses up the sweep.
func (s *sweep) flatEnd(rest []event, target []*big.Rat, b bounds) *big.Rat {
	for i, e := range rest {
		s.apply(e, target, b)
		atSameLambda := i+1 < len(rest) && rest[i+1].lambda.Cmp(e.lambda) == 0
		if !atSameLambda && s.slope.Sign() > 0 {
			return e.lambda
		}
	}
	return nil
}

// flatLambda picks λ on a flat stretch from lo to hi (nil: open). Every λ
// there gives the same shares, but not the same story of who is held:
// λ = 1 compares each target with its bounds as they are, and otherwise a
// point strictly inside keeps every unit strictly beyond its bound.
func flatLambda(lo, hi *big.Rat) *big.Rat {
	if lo.Cmp(ratOne) < 0 && (hi == nil || hi.Cmp(ratOne) > 0) {
		return new(big.Rat).Set(ratOne)
	}
	if hi == nil {
		return new(big.Rat).Add(lo, ratOne)
	}
	mid := new(big.Rat).Add(lo, hi)
	return mid.Quo(mid, big.NewRat(2, 1))
}

func events(target []*big.Rat, b bounds) []event {
	var evs []event
	for u, p := range target {
		if p.Sign() == 0 {
			continue // clamp(0, L, U) = L whatever λ is
		}
		evs = append(evs, event{lambda: new(big.Rat).Quo(b.lower[u], p), unit: u, enter: true})
		if b.upper[u] != nil {
			evs = append(evs, event{lambda: new(big.Rat).Quo(b.upper[u], p), unit: u})
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int { return a.lambda.Cmp(b.lambda) })
	return evs
}
