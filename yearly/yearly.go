// Package yearly computes the yearly report for the committee from a
// ledger (MODEL.md, "The yearly report"): every booked quarter of the
// year with α, budget and each unit's amount; each unit's year total and
// its change against the year before; the Soll/Ist figures where Ist is
// given; each unit's change from the first to the last booked quarter,
// split as explain splits it; the indicator data used and the audit
// trail. It does no I/O: the caller hands it the bookings, the two
// quarters recomputed from their stored inputs, the monitor's figures
// and the verdict of verifying the ledger.
package yearly

import (
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/monitor"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Input is what the report of one year is made of.
type Input struct {
	Year     int
	Bookings []ledger.Booking // the whole ledger, in booking order
	// First and Last are the first and the last booked quarter of the
	// year recomputed from their stored inputs (with the engine's
	// result); nil when the year has no booking. The change of each unit
	// between them is split as explain splits it.
	First, Last *scenario.Quarter
	Monitor     *monitor.Result // nil when no Ist is given
	// Problems are ledger verify's findings; none means intact.
	Problems []string
	Headings map[string]string // indicator headings of the data
}

// Report is the yearly report's figures.
type Report struct {
	Year     int
	Quarters []Quarter // the active bookings of the year, in order
	Units    []Unit
	// Total and TotalBefore sum the units' year totals; TotalBefore is nil
	// when nothing of the year before is booked.
	Total       allocate.Cents
	TotalBefore *allocate.Cents
	Bookings    []Entry // every booking of the year, replaced revisions too
	Inputs      []ledger.Input
	Monitor     *monitor.Result
	Verified    bool
	Problems    []string
	Headings    map[string]string
}

// Quarter is one booked quarter of the year.
type Quarter struct {
	Period         scenario.Period
	IndicatorShare *big.Rat
	Budget         allocate.Cents
}

// Unit is one district office's figures.
type Unit struct {
	Name string
	// Amounts, Shares and Targets line up with Report.Quarters; a quarter
	// without the unit has Booked false.
	Amounts []allocate.Cents
	Shares  []*big.Rat
	Targets []*big.Rat
	Held    []string
	Booked  []bool
	Total   allocate.Cents
	// TotalBefore is the unit's total of the year before; nil when that
	// year has no booking of it.
	TotalBefore *allocate.Cents
	// Goal is c(u), the unit's share once α reaches 100 %: its indicator
	// share in the last booked quarter's data; nil when not known.
	Goal       *big.Rat
	Monitor    *monitor.Row   // nil without Ist
	Change     *report.Change // first to last booked quarter; nil when not comparable
	ChangeNote string         // why Change is nil, when it is
}

// Entry is a booking of the year in the audit trail.
type Entry struct {
	ledger.Booking
	Active bool
}

// Build computes the report.
func Build(in Input) (*Report, error) {
	r := &Report{Year: in.Year, Monitor: in.Monitor, Verified: len(in.Problems) == 0, Problems: in.Problems, Headings: in.Headings}
	active := ledger.Active(in.Bookings)
	var year []*ledger.Booking
	before := map[string]allocate.Cents{}
	beforeBooked := false
	for i := range in.Bookings {
		b := &in.Bookings[i]
		switch b.Period.Year {
		case in.Year:
			r.Bookings = append(r.Bookings, Entry{Booking: *b, Active: active[i]})
			if active[i] {
				year = append(year, b)
			}
		case in.Year - 1:
			if active[i] {
				beforeBooked = true
				for _, u := range b.Units {
					before[u.Name] += u.Amount
				}
			}
		}
	}
	r.Inputs = inputsOf(r.Bookings)
	r.fillQuarters(year)
	if beforeBooked {
		r.fillBefore(before)
	}
	r.fillGoals(in.Last)
	if err := r.fillChanges(in.First, in.Last); err != nil {
		return nil, err
	}
	r.attachMonitor()
	return r, nil
}

// fillQuarters lines up each unit's amounts over the year's quarters; a
// unit that joins or leaves during the year has gaps.
func (r *Report) fillQuarters(year []*ledger.Booking) {
	index := map[string]int{}
	for qi, b := range year {
		r.Quarters = append(r.Quarters, Quarter{Period: b.Period, IndicatorShare: b.IndicatorShare, Budget: b.Budget})
		for _, u := range b.Units {
			i, ok := index[u.Name]
			if !ok {
				i = len(r.Units)
				index[u.Name] = i
				n := len(year)
				r.Units = append(r.Units, Unit{Name: u.Name, Amounts: make([]allocate.Cents, n), Shares: make([]*big.Rat, n),
					Targets: make([]*big.Rat, n), Held: make([]string, n), Booked: make([]bool, n)})
			}
			unit := &r.Units[i]
			unit.Amounts[qi], unit.Shares[qi], unit.Targets[qi], unit.Held[qi], unit.Booked[qi] = u.Amount, u.Share, u.Target, u.Held, true
			unit.Total += u.Amount
			r.Total += u.Amount
		}
	}
}

func (r *Report) fillBefore(before map[string]allocate.Cents) {
	var total allocate.Cents
	for name, c := range before {
		total += c
		for i := range r.Units {
			if r.Units[i].Name == name {
				c := c
				r.Units[i].TotalBefore = &c
			}
		}
	}
	r.TotalBefore = &total
}

// fillGoals takes each unit's c(u) from the last booked quarter.
func (r *Report) fillGoals(last *scenario.Quarter) {
	if last == nil || last.Result == nil {
		return
	}
	for k, u := range last.Result.Units {
		if i := r.unitIndex(u.Name); i >= 0 {
			r.Units[i].Goal = last.Result.Shares(k).Composite
		}
	}
}

// fillChanges splits each unit's change from the first to the last
// booked quarter as explain does: the engine's decomposition for budget,
// α, each indicator and the spending, then the corridor and the rounding.
func (r *Report) fillChanges(first, last *scenario.Quarter) error {
	if first == nil || last == nil {
		return nil
	}
	if first.Period == last.Period {
		for i := range r.Units {
			r.Units[i].ChangeNote = "one booked quarter"
		}
		return nil
	}
	parts, err := allocate.Decompose(first.Result.Input(), last.Result.Input())
	if err != nil {
		for i := range r.Units {
			r.Units[i].ChangeNote = err.Error()
		}
		return nil
	}
	for u, uq := range last.Units {
		i := r.unitIndex(uq.Name)
		if i < 0 || first.Units[u].Name != uq.Name {
			return msg.Errorf("the recomputed %s does not match its booking", last.Period)
		}
		r.Units[i].Change = &report.Change{Against: first.Period.String(), OldAmount: first.Units[u].Amount, Parts: parts[u],
			Corridor: new(big.Rat).Sub(last.CorridorEffect(u), first.CorridorEffect(u)),
			Rounding: new(big.Rat).Sub(last.RoundingEffect(u), first.RoundingEffect(u))}
	}
	return nil
}

func (r *Report) unitIndex(name string) int {
	for i, u := range r.Units {
		if u.Name == name {
			return i
		}
	}
	return -1
}

func (r *Report) attachMonitor() {
	if r.Monitor == nil {
		return
	}
	for k := range r.Monitor.Units {
		if i := r.unitIndex(r.Monitor.Units[k].Unit); i >= 0 {
			r.Units[i].Monitor = &r.Monitor.Units[k]
		}
	}
}

// inputsOf lists each input file once, by content, in the order first
// used.
func inputsOf(entries []Entry) []ledger.Input {
	seen := map[string]bool{}
	var out []ledger.Input
	for _, e := range entries {
		for _, in := range e.Inputs {
			key := in.Role + "\x00" + in.Name + "\x00" + in.SHA256
			if !seen[key] {
				seen[key] = true
				out = append(out, ledger.Input{Role: in.Role, Name: in.Name, SHA256: in.SHA256, Bytes: in.Bytes})
			}
		}
	}
	return out
}

// YearChange is the unit's change of its year total against the year before;
// nil when that year has no booking of it.
func (u *Unit) YearChange() *allocate.Cents {
	if u.TotalBefore == nil {
		return nil
	}
	c := u.Total - *u.TotalBefore
	return &c
}

// Lines are the waterfall of the unit's change in whole cents that add up
// to it, with the amounts of the first and the last quarter.
func (u *Unit) Lines() (keys []string, cents []allocate.Cents) {
	if u.Change == nil {
		return nil, nil
	}
	return u.Change.Lines(u.LastAmount())
}

// LastAmount is the unit's amount in the last quarter it was booked.
func (u *Unit) LastAmount() allocate.Cents {
	for i := len(u.Amounts) - 1; i >= 0; i-- {
		if u.Booked[i] {
			return u.Amounts[i]
		}
	}
	return 0
}
