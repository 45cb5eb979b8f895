// Package actuals reads what was really spent (Ist) from the tables that
// finance systems export, and the planned amounts (Soll) from the outputs
// of plan, for monitoring spending against the plan.
//
// An Ist table has a row per payment (or per unit and month): the unit
// (Bezirksstelle, or a Kostenstelle mapped to it), the month (Monat) or the
// booking date (Buchungsdatum), the amount (Betrag; refunds negative) and
// optionally the running cases (Fälle). The rows are streamed and summed
// per unit and month as they pass, so that memory grows with the units and
// months, not with the rows. Numbers, encodings and CSV dialects are those
// of the indicator tables (package indicators); every bad cell is an
// *indicators.Error naming file, line or cell, and column.
package actuals

import (
	"slices"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Ist is the actual spending of one or more tables, summed per unit and
// month, in cents; cases in hundredths.
type Ist struct {
	Units    []string // in order of first appearance
	HasCases bool     // a table had a Fälle column

	index  map[string]int
	places []indicators.Error // each unit's first row, for messages
	sums   map[key]*sum
	years  map[int]*yearInfo
}

type key struct {
	unit  int
	month Month
}

// sum is a unit's month: its amount in cents and its cases in
// hundredths, with whether a row gave cases.
type sum struct {
	cents    int64
	cases    int64
	hasCases bool
}

// yearInfo says which months of a year have data, and where the year's
// first row is.
type yearInfo struct {
	months uint16 // bit m-1 for month m
	place  indicators.Error
}

// New returns an empty Ist to read tables into.
func New() *Ist {
	return &Ist{index: map[string]int{}, sums: map[key]*sum{}, years: map[int]*yearInfo{}}
}

// Amount is the unit's spending in month m, in cents.
func (s *Ist) Amount(unit string, m Month) int64 {
	if v := s.sum(unit, m); v != nil {
		return v.cents
	}
	return 0
}

// Cases is the unit's running cases in month m, in hundredths, and whether
// any row gave them.
func (s *Ist) Cases(unit string, m Month) (int64, bool) {
	if v := s.sum(unit, m); v != nil {
		return v.cases, v.hasCases
	}
	return 0, false
}

func (s *Ist) sum(unit string, m Month) *sum {
	u, ok := s.index[unit]
	if !ok {
		return nil
	}
	return s.sums[key{u, m}]
}

// Years lists the years with data, in order.
func (s *Ist) Years() []int {
	var ys []int
	for y := range s.years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// Complete says whether every month of year has data.
func (s *Ist) Complete(year int) bool {
	y := s.years[year]
	return y != nil && y.months == 1<<12-1
}

// LastMonth is the last month of year with data, 0 if none.
func (s *Ist) LastMonth(year int) int {
	y := s.years[year]
	for m := 12; y != nil && m >= 1; m-- {
		if y.months&(1<<(m-1)) != 0 {
			return m
		}
	}
	return 0
}

// UnitError places m at the first row of unit, as a bad-input error.
func (s *Ist) UnitError(unit string, m msg.Text) error {
	e := s.places[s.index[unit]]
	e.Msg = m
	return &e
}

// YearError places m at the first row of year's data; without data of
// year, m has no place.
func (s *Ist) YearError(year int, m msg.Text) error {
	e := indicators.Error{Msg: m}
	if y, ok := s.years[year]; ok {
		e = y.place
		e.Msg = m
	}
	return &e
}

// Sum is one unit's month: what Each gives and AddSum takes.
type Sum struct {
	Unit     string
	Month    Month
	Cents    int64
	Cases    int64 // hundredths
	HasCases bool
}

// Sums lists every unit's months with data, units in order of first
// appearance and months in calendar order.
func (s *Ist) Sums() []Sum {
	var out []Sum
	for u, name := range s.Units {
		start := len(out)
		for k, v := range s.sums {
			if k.unit == u {
				out = append(out, Sum{name, k.month, v.cents, v.cases, v.hasCases})
			}
		}
		slices.SortFunc(out[start:], func(a, b Sum) int { return int(a.Month - b.Month) })
	}
	return out
}

// AddSum adds a unit's month summed elsewhere (stored in the ledger);
// place says where it comes from, for messages about the unit or year.
func (s *Ist) AddSum(v Sum, place indicators.Error) {
	u, ok := s.index[v.Unit]
	if !ok {
		u = len(s.Units)
		s.index[v.Unit] = u
		s.Units = append(s.Units, v.Unit)
		s.places = append(s.places, place)
	}
	m := s.sums[key{u, v.Month}]
	if m == nil {
		m = &sum{}
		s.sums[key{u, v.Month}] = m
	}
	m.cents += v.Cents
	m.cases += v.Cases
	m.hasCases = m.hasCases || v.HasCases
	s.HasCases = s.HasCases || v.HasCases
	y := s.years[v.Month.Year()]
	if y == nil {
		y = &yearInfo{place: place}
		s.years[v.Month.Year()] = y
	}
	y.months |= 1 << (v.Month.Num() - 1)
}
