package workbook

import (
	"math"
	"math/big"
	"sync"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// model is what the sheets show: the units, and one period for a single
// allocation or one per quarter of a plan.
type model struct {
	units    []string
	periods  []period
	corridor *allocate.Corridor
	plan     *scenario.Result // nil for a single allocation
	// previous are the amounts of the period before the first, by unit:
	// the booked amounts a plan continues from; nil when not known.
	previous      []allocate.Cents
	previousTotal int64 // their sum, once rather than per unit
}

type period struct {
	label   string   // "2026-Q1"; a single allocation's is the word for amount
	share   *big.Rat // α
	budget  allocate.Cents
	result  *allocate.Result // before the corridor
	amounts []allocate.Cents
	shares  []*big.Rat // after the corridor
	floats  []float64  // the shares for cells: two sheets show each
	held    []allocate.Held
	lambda  *big.Rat // the corridor's λ (lambdaOf); nil without a corridor
}

// withFloats fills the period's floats from its shares.
func (p period) withFloats() period {
	p.floats = make([]float64, len(p.shares))
	for u, s := range p.shares {
		p.floats[u] = ratFloat(s)
	}
	return p
}

func allocationModel(res *allocate.Result, label string) model {
	p := period{label: label, share: res.IndicatorShare, budget: res.Budget, result: res}
	m := model{}
	for u, unit := range res.Units {
		m.units = append(m.units, unit.Name)
		p.amounts = append(p.amounts, unit.Amount)
		_, target := res.Targets(u)
		p.shares = append(p.shares, target)
		p.held = append(p.held, allocate.NotHeld)
	}
	m.periods = []period{p.withFloats()}
	return m
}

func planModel(res *scenario.Result, corridor *allocate.Corridor) model {
	m := model{corridor: corridor, plan: res}
	n := len(res.Quarters[0].Units)
	m.units = make([]string, 0, n)
	m.previous = make([]allocate.Cents, 0, n)
	for _, u := range res.Quarters[0].Units {
		m.units = append(m.units, u.Name)
		if u.Previous != nil {
			m.previous = append(m.previous, *u.Previous)
		}
	}
	if len(m.previous) != len(m.units) {
		m.previous = nil
	}
	for _, a := range m.previous {
		m.previousTotal += int64(a)
	}
	m.periods = make([]period, len(res.Quarters))
	var wg sync.WaitGroup
	for i, q := range res.Quarters {
		// The quarters' floats of exact shares are a fair part of a large
		// report's work: a quarter a goroutine.
		wg.Go(func() { m.periods[i] = quarterPeriod(q, corridor) })
	}
	wg.Wait()
	return m
}

func quarterPeriod(q scenario.Quarter, corridor *allocate.Corridor) period {
	n := len(q.Units)
	p := period{label: q.Period.String(), share: q.IndicatorShare, budget: q.Budget, result: q.Result,
		amounts: make([]allocate.Cents, n), shares: make([]*big.Rat, n), held: make([]allocate.Held, n)}
	for u, unit := range q.Units {
		p.amounts[u], p.shares[u], p.held[u] = unit.Amount, unit.Share, unit.Held
	}
	if corridor != nil {
		p.lambda = lambdaOf(p)
	}
	return p.withFloats()
}

// first is the allocation whose inputs the indicator sheet shows; the
// inputs are the same in every quarter of a plan.
func (m model) first() *allocate.Result {
	return m.periods[0].result
}

// ratFloat is the float64 nearest to x, for a cell. A fraction of two
// integers below 2^53 (every decimal input value) is one division, which
// IEEE rounds to nearest as Float64 does; a share of a few words is one
// step of long division (quotientFloat).
func ratFloat(x *big.Rat) float64 {
	num, den := x.Num(), x.Denom()
	if num.IsInt64() && den.IsInt64() {
		if n, d := num.Int64(), den.Int64(); -1<<53 <= n && n <= 1<<53 && d <= 1<<53 {
			return float64(n) / float64(d)
		}
	}
	if f, ok := quotientFloat(num.Bits(), den.Bits()); ok {
		return math.Copysign(f, float64(num.Sign()))
	}
	f, _ := x.Float64()
	return f
}

// euros is an amount in cents as euros for a cell. Excel holds doubles;
// every cent amount below 2^53 cents is exact there.
func euros(c allocate.Cents) float64 {
	return float64(c) / 100
}
