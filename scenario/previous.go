package scenario

import (
	"fmt"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// PreviousError is an earlier allocation whose quarter is not the one
// before the plan's start, or that names none when one was picked.
type PreviousError struct {
	File   string
	Read   *Period // the quarter the file holds; nil: it names none
	Picked *Period // the quarter asked for; nil: the file's last
	Start  Period  // the plan's first quarter
}

func (e *PreviousError) Error() string {
	if e.Read == nil {
		return fmt.Sprintf("%s names no quarters, so quarter %s cannot be picked from it", e.File, e.Picked)
	}
	return fmt.Sprintf("%s: quarter %s is not %s, the quarter before %s", e.File, e.Read, e.Start.Add(-1), e.Start)
}

// PreviousAmounts lines up the booked amounts of the quarter before start
// (prev, read with indicators.ReadPrevious) with the units of data; both
// must name the same units. A file that names its quarter (a plan's
// output) must hold that quarter, whether it is its last or the one
// picked; a plain table of units and amounts names none and is taken as
// given.
func PreviousAmounts(prev *indicators.Table, picked *Period, start Period, data *indicators.Table) ([]allocate.Cents, error) {
	if err := previousFits(prev, picked, start); err != nil {
		return nil, err
	}
	idx, err := indicators.MatchUnits(data, prev)
	if err != nil {
		return nil, err
	}
	amounts := make([]allocate.Cents, len(idx))
	for u, i := range idx {
		if amounts[u], err = cents(prev, i); err != nil {
			return nil, err
		}
	}
	return amounts, nil
}

// previousFits checks that the quarter read is the one before start.
func previousFits(prev *indicators.Table, picked *Period, start Period) error {
	if prev.Period == "" {
		if picked != nil {
			return &PreviousError{File: prev.File, Picked: picked, Start: start}
		}
		return nil
	}
	read, err := ParsePeriod(prev.Period)
	if err != nil {
		return &indicators.Error{File: prev.File, Msg: msg.New("%v", err)}
	}
	if read == start.Add(-1) {
		return nil
	}
	return &PreviousError{File: prev.File, Read: &read, Picked: picked, Start: start}
}

// cents is unit i's amount in whole cents.
func cents(t *indicators.Table, i int) (allocate.Cents, error) {
	c := new(big.Rat).Mul(t.Units[i].Values[0], big.NewRat(100, 1))
	if !c.IsInt() || !c.Num().IsInt64() {
		return 0, t.ErrorAt(i, indicators.KeyAmount, msg.New("an amount must be whole cents"))
	}
	return allocate.Cents(c.Num().Int64()), nil
}
