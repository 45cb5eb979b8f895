package cmd

import (
	"errors"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
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

// previousAmounts reads --previous and lines its amounts up with the
// units of data (scenario.PreviousAmounts).
func previousAmounts(path string, period *scenario.Period, start scenario.Period, data *indicators.Table) ([]allocate.Cents, error) {
	var opt indicators.Options
	if period != nil {
		opt.Period = period.String()
	}
	prev, err := indicators.ReadPrevious(path, opt)
	if err != nil {
		return nil, inputFileError(err)
	}
	amounts, err := scenario.PreviousAmounts(prev, period, start, data)
	var wrong *scenario.PreviousError
	if errors.As(err, &wrong) {
		return nil, previousUsage(wrong)
	}
	return amounts, err
}

// previousUsage says in the command's words which setting to change when
// --previous holds another quarter than the one before --start.
func previousUsage(e *scenario.PreviousError) error {
	switch {
	case e.Read == nil:
		return usagef("--previous-period %s: %s names no quarters (a table of units and amounts is taken as given; leave out --previous-period)", e.Picked, e.File)
	case e.Picked == nil:
		return usagef("--previous %s: its last quarter is %s, not %s, the quarter before --start %s (pick a quarter with --previous-period)", e.File, e.Read, e.Start.Add(-1), e.Start)
	}
	return usagef("--previous-period %s is not %s, the quarter before --start %s", e.Read, e.Start.Add(-1), e.Start)
}
