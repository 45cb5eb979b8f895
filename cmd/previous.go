package cmd

import (
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/scenario"
)

// readPreviousPeriod reads --previous-period, the quarter to take out of a
// plan's output given as --previous; nil when not set.
func readPreviousPeriod(s *settings) (*scenario.Period, error) {
	text := s.v.GetString("previous-period")
	if text == "" {
		return nil, nil
	}
	p, err := scenario.ParsePeriod(text)
	if err != nil {
		return nil, usagef("%s: %v", s.where("previous-period"), err)
	}
	if s.v.GetString("previous") == "" {
		return nil, usagef("%s needs --previous, the file to take the quarter from", s.where("previous-period"))
	}
	return &p, nil
}

// previousAmounts reads the booked amounts of the quarter before start and
// lines them up with the units of the data; both must name the same
// units. A file that names its quarter (a plan's output) must hold that
// quarter: its last, or the one period picks. A plain table of units and
// amounts names none and is taken as given.
func previousAmounts(path string, period *scenario.Period, start scenario.Period, data *indicators.Table) ([]allocate.Cents, error) {
	var opt indicators.Options
	if period != nil {
		opt.Period = period.String()
	}
	prev, err := indicators.ReadPrevious(path, opt)
	if err != nil {
		return nil, inputFileError(err)
	}
	if err := previousFits(path, prev.Period, period, start); err != nil {
		return nil, err
	}
	return lineUp(path, prev, data)
}

// previousFits checks that the quarter read is the one before start.
func previousFits(path, read string, period *scenario.Period, start scenario.Period) error {
	before := start.Add(-1)
	if read == "" {
		if period != nil {
			return usagef("--previous-period %s: %s names no quarters (a table of units and amounts is taken as given; leave out --previous-period)", period, path)
		}
		return nil
	}
	got, err := scenario.ParsePeriod(read)
	if err != nil {
		return usagef("%s: %v", path, err)
	}
	if got == before {
		return nil
	}
	if period == nil {
		return usagef("--previous %s: its last quarter is %s, not %s, the quarter before --start %s (pick a quarter with --previous-period)", path, got, before, start)
	}
	return usagef("--previous-period %s is not %s, the quarter before --start %s", got, before, start)
}

// lineUp orders the previous amounts as the units of data.
func lineUp(path string, prev, data *indicators.Table) ([]allocate.Cents, error) {
	byName := make(map[string]int, len(prev.Units))
	for i, u := range prev.Units {
		byName[u.Name] = i
	}
	amounts := make([]allocate.Cents, len(data.Units))
	var err error
	for u, unit := range data.Units {
		i, ok := byName[unit.Name]
		if !ok {
			return nil, data.ErrorAt(u, "unit", msg.New("unit %q has no amount in %s", unit.Name, path))
		}
		if amounts[u], err = cents(prev, i); err != nil {
			return nil, err
		}
		delete(byName, unit.Name)
	}
	for i := range prev.Units {
		if _, left := byName[prev.Units[i].Name]; left {
			return nil, prev.ErrorAt(i, "unit", msg.New("unit %q is not in %s", prev.Units[i].Name, data.File))
		}
	}
	return amounts, nil
}

// cents is unit i's amount in whole cents.
func cents(t *indicators.Table, i int) (allocate.Cents, error) {
	c := new(big.Rat).Mul(t.Units[i].Values[0], big.NewRat(100, 1))
	if !c.IsInt() || !c.Num().IsInt64() {
		return 0, t.ErrorAt(i, indicators.KeyAmount, msg.New("an amount must be whole cents"))
	}
	return allocate.Cents(c.Num().Int64()), nil
}
