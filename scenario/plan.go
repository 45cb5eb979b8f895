package scenario

import (
	"math/big"
	"runtime"
	"sync"

	"github.com/raumbudget/raumbudget/allocate"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Plan is a transition over quarters.
type Plan struct {
	Start    Period
	Quarters int
	// TransitionStart is the quarter Q0 the schedule's rule counts from:
	// quarter Q is step i = Q − Q0 of the rule, and before Q0 the rule's
	// From holds. The calendar is fixed, so a plan of one later quarter
	// gets the same α as that quarter of a longer plan. The zero value
	// means Start.
	TransitionStart Period
	Schedule        Schedule
	Budgets         Budgets
	Corridor        *allocate.Corridor // nil: no damping
	// Previous are the booked amounts of the quarter before Start, one per
	// unit in input order; nil when not known.
	Previous []allocate.Cents
}

// PlanError is a plan that cannot be run as given; Msg is a sentence of
// the catalogue, said in the run's language.
type PlanError struct {
	Period Period
	Msg    msg.Text
}

func (e *PlanError) Error() string { return e.In(msg.EN) }

func (e *PlanError) In(l msg.Lang) string {
	return msg.New("%s: %s", e.Period, e.Msg).In(l)
}

// Result is a plan's quarters, and the first quarter at which every unit
// has its 100 % indicator share (nil when that is not within the plan).
type Result struct {
	Quarters      []Quarter
	TargetReached *Period
}

// Quarter is one quarter of a plan.
type Quarter struct {
	Period         Period
	IndicatorShare *big.Rat
	Budget         allocate.Cents
	Result         *allocate.Result // the allocation before the corridor
	Units          []UnitQuarter
}

// UnitQuarter is what a unit gets in a quarter, and why.
type UnitQuarter struct {
	Name      string
	Amount    allocate.Cents
	Previous  *allocate.Cents // the amount of the quarter before; nil when not known
	Target    *big.Rat        // p(u), the model's share before the corridor
	Share     *big.Rat        // the share after the corridor (= Target without one)
	Held      allocate.Held
	Composite *big.Rat // c(u), the share at 100 % indicators
}

// Change is the amount minus the previous quarter's, if that is known.
func (u UnitQuarter) Change() (allocate.Cents, bool) {
	if u.Previous == nil {
		return 0, false
	}
	return u.Amount - *u.Previous, true
}

// Run computes every quarter of the plan for the units of base, whose
// Budget and IndicatorShare the plan sets.
func Run(p Plan, base allocate.Input) (*Result, error) {
	if err := p.validate(len(base.Units)); err != nil {
		return nil, err
	}
	res := &Result{}
	var before *Quarter
	for i := range p.Quarters {
		q, err := p.quarter(i, base, before)
		if err != nil {
			return nil, err
		}
		res.Quarters = append(res.Quarters, q)
		before = &res.Quarters[len(res.Quarters)-1]
		if res.TargetReached == nil && atFullIndicators(q) {
			res.TargetReached = &q.Period
		}
	}
	return res, nil
}

// FirstTransitionQuarter is Q0: TransitionStart, or Start when it is not set.
func (p Plan) FirstTransitionQuarter() Period {
	if p.TransitionStart == (Period{}) {
		return p.Start
	}
	return p.TransitionStart
}

// Alpha is the indicator share of quarter q by the plan's calendar.
func (p Plan) Alpha(q Period) (*big.Rat, error) {
	return p.Schedule.At(q.Sub(p.FirstTransitionQuarter()), q)
}

// NeedsSpending says whether the plan must read prior-year spending: some
// quarter splits money by it, or the corridor starts from the history
// shares because no earlier allocation is given (hasPrevious: --previous
// or a ledger the plan continues).
func (p Plan) NeedsSpending(hasPrevious bool) bool {
	if p.Corridor != nil && !hasPrevious {
		return true
	}
	for i := range p.Quarters {
		if a, err := p.Alpha(p.Start.Add(i)); err == nil && allocate.NeedsSpending(a) {
			return true
		}
	}
	return false
}

func (p Plan) validate(units int) error {
	if p.Quarters < 1 {
		return &PlanError{p.Start, msg.New("a plan needs at least one quarter")}
	}
	if err := p.Schedule.Validate(); err != nil {
		return &PlanError{p.Start, msg.New("schedule: %v", err)}
	}
	if p.Corridor != nil {
		if err := p.Corridor.Validate(); err != nil {
			return &PlanError{p.Start, msg.New("corridor: %v", err)}
		}
	}
	if p.Previous != nil && len(p.Previous) != units {
		return &PlanError{p.Start, msg.New("the previous allocation must have one amount per unit")}
	}
	return nil
}

// quarter computes the i-th quarter; before is the quarter before it
// within the plan, nil for the first.
func (p Plan) quarter(i int, base allocate.Input, before *Quarter) (Quarter, error) {
	period := p.Start.Add(i)
	q := Quarter{Period: period}
	var err error
	if q.IndicatorShare, err = p.Alpha(period); err != nil {
		return q, &PlanError{period, msg.New("%v", err)}
	}
	if q.Budget, err = p.Budgets.Quarter(period); err != nil {
		return q, &PlanError{period, msg.New("%v", err)}
	}
	in := base
	in.Budget, in.IndicatorShare = q.Budget, q.IndicatorShare
	var like *allocate.Result
	if before != nil {
		like = before.Result // the same table: its columns are reused
	}
	if q.Result, err = allocate.RunLike(in, like); err != nil {
		return q, err
	}
	q.Units = undamped(q.Result, before)
	if p.Corridor != nil {
		if err := p.damp(&q, before); err != nil {
			return q, err
		}
	}
	p.linkPrevious(&q, before)
	return q, nil
}

// undamped are the quarter's units before the corridor. The composite
// share c(u) does not depend on α or the budget, so the quarters of a
// plan share the first one's (the same *big.Rat; nobody changes it).
//
// The exact shares are most of a plan's work for many units; the units
// are split among the processors (the Result's methods only read).
func undamped(res *allocate.Result, before *Quarter) []UnitQuarter {
	units := make([]UnitQuarter, len(res.Units))
	targets := make([]*big.Rat, len(units))
	var composites []*big.Rat
	if before == nil {
		composites = make([]*big.Rat, len(units))
	}
	fill := func(from, to int) {
		if composites != nil {
			res.TargetsFrom(from, composites[from:to], targets[from:to])
		} else {
			res.TargetsFrom(from, nil, targets[from:to])
		}
		for u := from; u < to; u++ {
			composite := before.compositeOr(composites, u)
			unit := res.Units[u]
			units[u] = UnitQuarter{Name: unit.Name, Amount: unit.Amount, Target: targets[u], Share: targets[u], Composite: composite}
		}
	}
	parts := min(runtime.GOMAXPROCS(0), len(units)/parallelUnits)
	if parts < 2 {
		fill(0, len(units))
		return units
	}
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() { fill(i*len(units)/parts, (i+1)*len(units)/parts) })
	}
	wg.Wait()
	return units
}

// compositeOr is unit u's composite share: the quarter's own where it
// has computed them, else the quarter before's.
func (q *Quarter) compositeOr(own []*big.Rat, u int) *big.Rat {
	if own != nil {
		return own[u]
	}
	return q.Units[u].Composite
}

// parallelUnits is the least number of units per goroutine of undamped.
const parallelUnits = 2000

// damp applies the corridor to the quarter's shares and amounts.
func (p Plan) damp(q *Quarter, before *Quarter) error {
	reference, err := p.reference(q, before)
	if err != nil {
		return err
	}
	targets := make([]*big.Rat, len(q.Units))
	for u := range q.Units {
		targets[u] = q.Units[u].Target
	}
	shares, held, err := p.Corridor.Damp(targets, reference)
	if err != nil {
		return &PlanError{q.Period, msg.New("%v", err)}
	}
	exact := make([]*big.Rat, len(shares))
	for u, s := range shares {
		exact[u] = new(big.Rat).Mul(s, q.Budget.Rat())
	}
	for u, amount := range allocate.Apportion(q.Budget, exact) {
		q.Units[u].Amount, q.Units[u].Share, q.Units[u].Held = amount, shares[u], held[u]
	}
	return nil
}

// reference is each unit's share in the period before: what it was paid
// there, its amount in cents over that quarter's budget (MODEL.md,
// "Corridor") — the quarter before within the plan, for the first quarter
// the booked amounts, or if none are given the history share. Using the
// amounts, not the unrounded damped share, makes a plan of n quarters give
// exactly the amounts of n quarters booked one after the other.
func (p Plan) reference(q *Quarter, before *Quarter) ([]*big.Rat, error) {
	switch {
	case before != nil:
		if shares := amountShares(before.amounts()); shares != nil {
			return shares, nil
		}
		return nil, &PlanError{q.Period, msg.New("%s pays nothing; the corridor has nothing to start from", before.Period)}
	case p.Previous != nil:
		if shares := amountShares(p.Previous); shares != nil {
			return shares, nil
		}
		return nil, &PlanError{q.Period, msg.New("the previous allocation adds up to 0; the corridor has nothing to start from")}
	}
	shares := make([]*big.Rat, len(q.Units))
	for u := range q.Units {
		shares[u] = q.Result.Shares(u).History
	}
	if sum(shares).Sign() == 0 {
		return nil, &PlanError{q.Period, msg.New("the corridor needs the previous allocation (--previous) or prior-year spending to start from")}
	}
	return shares, nil
}

func (p Plan) linkPrevious(q *Quarter, before *Quarter) {
	if before == nil && p.Previous == nil {
		return
	}
	previous := make([]allocate.Cents, len(q.Units)) // one block, not an amount each
	for u := range q.Units {
		if before != nil {
			previous[u] = before.Units[u].Amount
		} else {
			previous[u] = p.Previous[u]
		}
		q.Units[u].Previous = &previous[u]
	}
}

func (q *Quarter) amounts() []allocate.Cents {
	out := make([]allocate.Cents, len(q.Units))
	for u, unit := range q.Units {
		out[u] = unit.Amount
	}
	return out
}

// amountShares is each amount's share of their total; nil if that is 0.
func amountShares(amounts []allocate.Cents) []*big.Rat {
	var total allocate.Cents
	for _, a := range amounts {
		total += a
	}
	if total == 0 {
		return nil
	}
	shares := make([]*big.Rat, len(amounts))
	for u, a := range amounts {
		shares[u] = big.NewRat(int64(a), int64(total))
	}
	return shares
}

func sum(xs []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

// atFullIndicators says whether every unit has its 100 % indicator share.
func atFullIndicators(q Quarter) bool {
	if q.IndicatorShare.Cmp(big.NewRat(1, 1)) != 0 {
		return false
	}
	for _, u := range q.Units {
		if u.Share.Cmp(u.Composite) != 0 {
			return false
		}
	}
	return true
}
