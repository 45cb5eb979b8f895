package cmd

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// planLedger is what a plan takes from the ledger it continues: the
// booked quarters within the plan, shown as booked, and the booking the
// computed quarters continue from.
type planLedger struct {
	Booked []scenario.Quarter
	Last   *ledger.Booking // the latest booking; its amounts are the previous of the first computed quarter
	Active []*ledger.Booking
}

// continueLedger reads the ledger a plan continues, if there is one: the
// one named by --ledger, RAUMBUDGET_LEDGER or the config, or the default
// file when it exists. It sets the plan's transition start to the
// ledger's and, without a start, starts the plan after the last booked
// quarter; booked quarters within the plan are shown from the ledger,
// and the quarters after them continue from the last booking.
func continueLedger(s *settings, opts *planOptions) (*planLedger, error) {
	dsn := ledgerDSN(s)
	if s.v.GetString("ledger") == "" {
		if _, err := os.Stat(dsn); err != nil {
			return nil, nil // no ledger named and none in the default place: a plan of its own
		}
	}
	l, err := openLedger(dsn, false)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	bookings, err := l.Bookings(context.Background())
	if err != nil || len(bookings) == 0 {
		return nil, ledgerError(err)
	}
	first, last := bookings[0], &bookings[len(bookings)-1]
	p := &opts.Plan
	if ts := p.TransitionStart; ts != (scenario.Period{}) && ts != first.TransitionStart {
		return nil, usagef("the ledger's transition start is %s (fixed at its first booking); leave out transition-start %s", first.TransitionStart, ts)
	}
	p.TransitionStart = first.TransitionStart
	if s.v.GetString("start") == "" {
		p.Start = last.Period.Add(1)
	}
	pl := &planLedger{Last: last}
	if opts.Previous != "" && !p.Start.Before(first.Period) && !last.Period.Add(1).Before(p.Start) {
		return nil, usagef("--previous and the ledger both give the amounts before %s: leave out --previous", p.Start)
	}
	return pl, pl.takeBooked(bookings, p)
}

// takeBooked moves the plan's booked quarters into pl.Booked and starts
// the plan's computation after them. A plan that starts before the first
// booking or after a gap is computed as a whole.
func (pl *planLedger) takeBooked(bookings []ledger.Booking, p *scenario.Plan) error {
	first := bookings[0].Period
	if p.Start.Before(first) || pl.Last.Period.Add(1).Before(p.Start) {
		pl.Last = nil
		return nil
	}
	active := ledger.Active(bookings)
	for q := p.Start; !pl.Last.Period.Before(q) && len(pl.Booked) < p.Quarters; q = q.Add(1) {
		i := activeIndex(bookings, active, q)
		pl.Booked = append(pl.Booked, bookingQuarter(&bookings[i], bookedBefore(bookings, i, q)))
		pl.Active = append(pl.Active, &bookings[i])
	}
	p.Start = pl.Last.Period.Add(1)
	p.Quarters -= len(pl.Booked)
	return nil
}

func activeIndex(bookings []ledger.Booking, active []bool, q scenario.Period) int {
	for i, b := range bookings {
		if b.Period == q && active[i] {
			return i
		}
	}
	return -1 // not reached: booked quarters have no gaps
}

// computeQuarters is how many quarters the plan computes; a plan that is
// all booked still computes one (and drops it) for the data's headings.
func (pl *planLedger) computeQuarters(p scenario.Plan) scenario.Plan {
	if pl != nil && p.Quarters == 0 {
		p.Quarters = 1
	}
	return p
}

// continues says whether the computed quarters continue from a booking.
func (pl *planLedger) continues() bool { return pl != nil && pl.Last != nil }

// combine puts the booked quarters before the n computed ones; the units
// must be the same. res holds one quarter too many when all are booked
// (see computeQuarters).
func (pl *planLedger) combine(res *scenario.Result, n int, format string) (*scenario.Result, error) {
	if pl == nil || len(pl.Booked) == 0 {
		return res, nil
	}
	if format == "xlsx" {
		return nil, usagef("-o xlsx shows computed quarters only, and %s is booked: start the plan at %s, or use 'raumbudget ledger show'", pl.Booked[0].Period, pl.Last.Period.Add(1))
	}
	computed := res.Quarters[:n]
	indicators := res.Quarters[0].Result.Indicators
	out := &scenario.Result{}
	for _, q := range pl.Booked {
		q.Result = &allocate.Result{Budget: q.Budget, IndicatorShare: q.IndicatorShare, Indicators: indicators}
		if err := sameUnits(q, res.Quarters[0]); err != nil {
			return nil, err
		}
		out.Quarters = append(out.Quarters, q)
	}
	out.Quarters = append(out.Quarters, computed...)
	out.TargetReached = targetReached(out.Quarters)
	return out, nil
}

func sameUnits(booked, computed scenario.Quarter) error {
	if len(booked.Units) != len(computed.Units) {
		return usagef("the data has %d units, the booking of %s %d: a plan cannot show both", len(computed.Units), booked.Period, len(booked.Units))
	}
	for u := range booked.Units {
		if booked.Units[u].Name != computed.Units[u].Name {
			return usagef("unit %d is %q in the data and %q in the booking of %s: a plan cannot show both", u+1, computed.Units[u].Name, booked.Units[u].Name, booked.Period)
		}
	}
	return nil
}

// targetReached is the first quarter at α = 1 whose shares all equal
// their targets (at α = 1 the target is the composite share).
func targetReached(quarters []scenario.Quarter) *scenario.Period {
	for _, q := range quarters {
		if q.IndicatorShare.Cmp(big.NewRat(1, 1)) != 0 {
			continue
		}
		all := true
		for _, u := range q.Units {
			all = all && u.Share.Cmp(u.Target) == 0
		}
		if all {
			p := q.Period
			return &p
		}
	}
	return nil
}

// withNote says below a plan's table which quarters are booked.
func (pl *planLedger) withNote(data []byte, o outputOptions) []byte {
	if pl == nil || len(pl.Booked) == 0 || (o.Format != "table" && o.Format != "markdown") {
		return data
	}
	var periods []string
	for _, q := range pl.Booked {
		periods = append(periods, q.Period.String())
	}
	text := "gebucht (aus dem Hauptbuch, nicht neu berechnet)"
	if o.Lang == report.English {
		text = "booked (from the ledger, not recomputed)"
	}
	return fmt.Appendf(data, "%s: %s\n", text, strings.Join(periods, ", "))
}
