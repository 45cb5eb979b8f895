package explain

import (
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// Request is one explanation asked for: a unit of a single allocation
// (and its change against an earlier data year), or with Quarter a unit
// in a quarter of a plan (and its change from the quarter before).
type Request struct {
	Unit    string
	Budget  allocate.Cents // of a single allocation
	Share   *big.Rat       // α of a single allocation
	Against *Against       // nil: no earlier data year
	Quarter *Quarter       // nil: a single allocation
}

// Against is the earlier allocation a single allocation's change is
// explained against.
type Against struct {
	Label  string // how the change names it: its file
	Budget allocate.Cents
	Share  *big.Rat
}

// Quarter is the quarter of a plan to explain.
type Quarter struct {
	Plan   scenario.Plan // its Previous is filled from Inputs.Previous
	Period scenario.Period
}

// Inputs hand explain the tables it works on: the command reads files, a
// test gives tables. Explain asks for each only when it gets to it, so the
// first problem reported is the same whatever else is wrong.
type Inputs interface {
	// Data is the indicator table, with the prior-year spending when
	// needSpending.
	Data(needSpending bool) (*indicators.Table, error)
	// Against is the earlier data year's table.
	Against(needSpending bool) (*indicators.Table, error)
	// Previous are the amounts booked in the quarter before start, one per
	// unit of data in its order; nil when none are given.
	Previous(start scenario.Period, data *indicators.Table) ([]allocate.Cents, error)
	// Model is the engine's input of a table with a budget and an
	// indicator share (the weights are the caller's).
	Model(t *indicators.Table, budget allocate.Cents, share *big.Rat) allocate.Input
}

// UnknownUnitError is a unit the data do not have.
type UnknownUnitError struct {
	Unit  string
	File  string
	Units []string // the data's units, in order
}

func (e *UnknownUnitError) Error() string { return e.In(msg.EN) }

func (e *UnknownUnitError) In(l msg.Lang) string {
	quoted := make([]string, len(e.Units))
	for i, name := range e.Units {
		quoted[i] = msg.New("%q", name).In(l)
	}
	return msg.New("%q is not in %s; its units are %s", e.Unit, e.File, strings.Join(quoted, ", ")).In(l)
}

// EarlyPeriodError is a quarter before the plan's start: the plan has no
// amount for it.
type EarlyPeriodError struct {
	Period, Start scenario.Period
}

func (e *EarlyPeriodError) Error() string { return e.In(msg.EN) }

func (e *EarlyPeriodError) In(l msg.Lang) string {
	return msg.New("%s is before the plan's start %s", e.Period, e.Start).In(l)
}

// Unit explains r.Unit. It returns the data table too (nil if it could
// not be read), so that the caller can place the engine's errors in it.
func Unit(r Request, in Inputs) (*report.Explanation, *indicators.Table, error) {
	t, err := in.Data(needsSpending(r))
	if err != nil {
		return nil, nil, err
	}
	u, err := unitIndex(t, r.Unit)
	if err != nil {
		return nil, t, err
	}
	var e *report.Explanation
	if r.Quarter != nil {
		e, err = explainQuarter(*r.Quarter, t, u, in)
	} else {
		e, err = explainAllocation(r, t, u, in)
	}
	if err != nil {
		return nil, t, err
	}
	e.Headings = t.Headings
	return e, t, nil
}

// needsSpending says whether the data must have the prior-year spending:
// a plan's schedule may give any quarter an α below 1, and an allocation
// at α < 1 has a history part.
func needsSpending(r Request) bool {
	return r.Quarter != nil || belowOne(r.Share) || r.Against != nil && belowOne(r.Against.Share)
}

func belowOne(share *big.Rat) bool {
	return share != nil && allocate.NeedsSpending(share)
}

// unitIndex finds the unit named name in t.
func unitIndex(t *indicators.Table, name string) (int, error) {
	names := make([]string, len(t.Units))
	for u, unit := range t.Units {
		if unit.Name == name {
			return u, nil
		}
		names[u] = unit.Name
	}
	return 0, &UnknownUnitError{Unit: name, File: t.File, Units: names}
}

// explanation of unit u without a corridor.
func explanation(res *allocate.Result, u int, period string) *report.Explanation {
	exact := res.Exact(u)
	return &report.Explanation{Unit: res.Units[u].Name, Period: period, Budget: res.Budget, IndicatorShare: res.IndicatorShare,
		Parts: res.Parts(u), Exact: exact, Damped: exact, Amount: res.Units[u].Amount}
}
