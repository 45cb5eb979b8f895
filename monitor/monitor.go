// Package monitor compares what was spent (Ist) with what was planned
// (Soll) for one year, as of a month: Soll to date, Ist to date, the
// projection to the year's end (linear or seasonal), the deviation from
// the year's Soll and a traffic-light status, per unit and in total, and,
// where case numbers are given, the change against the year before split
// into a case effect and a cost effect.
//
// Every figure follows the model's section "Monitoring planned against
// actual spending (Soll/Ist)" (docs/model.md): money is computed exactly
// with big.Rat and rounded to the cent half away from zero; totals are the
// sums of the rounded unit figures and their ratios come from those sums.
// The package does no I/O.
package monitor

import (
	"math/big"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Method is how the year's end is projected.
type Method int

const (
	Auto     Method = iota // seasonal where an earlier complete year exists, else linear
	Linear                 // Ist to date · 12 / m
	Seasonal               // Ist to date / f_m, f_m from the earlier complete years
)

func (m Method) String() string {
	switch m {
	case Linear:
		return "linear"
	case Seasonal:
		return "seasonal"
	}
	return "auto"
}

// Status is the traffic light of a projection.
type Status int

const (
	Green  Status = iota // projection within the year's Soll
	Yellow               // above it by at most the tolerance
	Red                  // above it by more
)

func (s Status) String() string {
	return [...]string{"green", "yellow", "red"}[s]
}

// Input is what the monitoring of one year needs.
type Input struct {
	Year      int
	AsOf      int // the reporting month, 1–12
	Method    Method
	Tolerance *big.Rat // e.g. 1/20 for 5 %
	Units     []Unit
	// Earlier are the earlier complete years' Ist, summed over all units,
	// for the seasonal method.
	Earlier []YearIst
}

// Unit is one unit's Soll and Ist.
type Unit struct {
	Name     string
	Quarters [4]int64 // Soll of each quarter of the year, in cents
	Planned  [4]bool  // the quarter's Soll is planned, not booked
	Ist      [12]int64
	Cases    *[12]int64 // running cases per month, in hundredths; nil if not given for months 1..AsOf
	// Before is the same unit in the year before, for the split of the
	// change; nil if there is no Ist of it.
	Before *Prior
}

// Prior is a unit's Ist and cases in the year before.
type Prior struct {
	Ist   [12]int64
	Cases *[12]int64 // nil if not given for months 1..AsOf
}

// YearIst is one earlier year's Ist per month, all units summed, in cents.
type YearIst struct {
	Year   int
	Months [12]int64
}

// InputError is input the figures cannot be computed from; its sentence
// is one of the catalogue, said in the run's language.
type InputError struct{ Text msg.Text }

func (e *InputError) Error() string           { return e.Text.In(msg.EN) }
func (e *InputError) In(lang msg.Lang) string { return e.Text.In(lang) }

func inputErrorf(format string, args ...any) error {
	return &InputError{msg.New(format, args...)}
}
