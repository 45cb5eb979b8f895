package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/scenario"
)

// bookOptions are everything one run of book needs.
type bookOptions struct {
	Plan    *planOptions
	Quarter scenario.Period
	By      string
	Reason  string
	Correct bool
	Ledger  string
}

func newBookCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "book QUARTER",
		Short: "Book a quarter's allocation in the ledger",
		Long: `Compute a quarter with the plan's settings and store it in the ledger: α from
the transition calendar (fixed at the ledger's first booking), the quarter's
budget and, with a corridor, the amounts booked for the quarter before as its
reference. Quarters are booked in order without gaps; a booked quarter is
changed only by a correction (--correct --reason) while it is the latest.`,
		Example: `  raumbudget book 2026-Q1 --config raumbudget.yaml --transition-start 2026-Q1
  raumbudget book 2026-Q2 --config raumbudget.yaml --reason "Beschluss JHA 12.03.2026"
  raumbudget book 2026-Q2 --config raumbudget.yaml --correct --reason "Einwohnerzahlen berichtigt"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts, out, err := readBookOptions(c, args[0])
			if err != nil {
				return &runError{err}
			}
			return wrapRun(bookRun(c, opts, out))
		},
	}
	addBookSettings(c)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readBookOptions(c *cobra.Command, quarter string) (*bookOptions, outputOptions, error) {
	s, err := newSettings(c, bookExtraKeys, []string{"data", "spending", "previous", "out"})
	if err != nil {
		return nil, outputOptions{}, err
	}
	opts := &bookOptions{By: s.v.GetString("by"), Reason: s.v.GetString("reason")}
	if opts.Quarter, err = scenario.ParsePeriod(quarter); err != nil {
		return nil, outputOptions{}, usagef("%v", err)
	}
	if opts.Correct, err = s.boolean("correct"); err != nil {
		return nil, outputOptions{}, err
	}
	if opts.By == "" {
		opts.By = loginName()
	}
	opts.Ledger = ledgerDSN(s)
	if opts.Plan, err = readBookingPlan(s); err != nil {
		return nil, outputOptions{}, err
	}
	out, err := readOutputOptions(s)
	return opts, out, err
}

func bookRun(c *cobra.Command, opts *bookOptions, out outputOptions) error {
	l, err := openLedger(opts.Ledger, true)
	if err != nil {
		return err
	}
	defer l.Close()
	ctx := context.Background()
	bookings, err := l.Bookings(ctx)
	if err != nil {
		return ledgerError(err)
	}
	b, err := newBooking(opts, bookings)
	if err != nil {
		return err
	}
	before := bookedBefore(bookings, len(bookings), opts.Quarter)
	if before != nil && opts.Plan.Previous != "" {
		return usagef("the previous amounts of %s are the booked %s: leave out previous (it applies to a ledger's first quarter only)", opts.Quarter, before.Period)
	}
	files, err := readBookingFiles(opts.Plan)
	if err != nil {
		return err
	}
	q, err := computeBooking(opts.Plan, files, b.Period, b.TransitionStart, before, opts.Plan.Previous)
	if err != nil {
		return err
	}
	fillBooking(b, q, files, opts.Plan)
	holdForTests()
	head := ""
	if len(bookings) > 0 {
		head = bookings[len(bookings)-1].Hash
	}
	if err := l.Append(ctx, b, head); err != nil {
		if errors.Is(err, ledger.ErrJustBooked) {
			return usagef("%s was just booked by another run at the same time; see 'raumbudget ledger list' and book again if needed", b.Period)
		}
		return ledgerError(err)
	}
	data, err := bookingOutput(b, before, true, opts.Plan, out)
	if err != nil {
		return err
	}
	return out.write(c.OutOrStdout(), data)
}

// newBooking checks that the quarter may be booked now and starts its
// booking: revision and transition start.
func newBooking(opts *bookOptions, bookings []ledger.Booking) (*ledger.Booking, error) {
	b := &ledger.Booking{Period: opts.Quarter, Revision: 1, BookedAt: time.Now().UTC(), BookedBy: opts.By, Reason: opts.Reason}
	if opts.Correct && strings.TrimSpace(opts.Reason) == "" {
		return nil, usagef("a correction needs --reason: say why %s is booked again", opts.Quarter)
	}
	ts := opts.Plan.Plan.TransitionStart
	if len(bookings) == 0 {
		if opts.Correct {
			return nil, usagef("%s is not booked, so there is nothing to correct: book it without --correct", opts.Quarter)
		}
		b.TransitionStart = ts
		if ts == (scenario.Period{}) {
			b.TransitionStart = opts.Quarter
		}
		return b, nil
	}
	first, last := bookings[0], bookings[len(bookings)-1]
	b.TransitionStart = first.TransitionStart
	if ts != (scenario.Period{}) && ts != first.TransitionStart {
		return nil, usagef("the ledger's transition start is %s (fixed at its first booking); leave out transition-start %s", first.TransitionStart, ts)
	}
	if err := checkOrder(opts, last); err != nil {
		return nil, err
	}
	if opts.Correct {
		b.Revision = last.Revision + 1
	}
	return b, nil
}

// checkOrder refuses a quarter out of order: a gap, one already booked
// without --correct, or a correction of a quarter with a successor.
func checkOrder(opts *bookOptions, last ledger.Booking) error {
	q, next := opts.Quarter, last.Period.Add(1)
	switch {
	case q == next && opts.Correct:
		return usagef("%s is not booked yet, so there is nothing to correct: book it without --correct", q)
	case q == next:
		return nil
	case q == last.Period && !opts.Correct:
		return usagef("%s is already booked (revision %d); to book it again add --correct --reason TEXT", q, last.Revision)
	case q == last.Period:
		return nil
	case q.Before(last.Period) && opts.Correct:
		return usagef("%s cannot be corrected: %s is booked after it (only the latest booked quarter can be corrected)", q, last.Period)
	case q.Before(last.Period):
		return usagef("%s is already booked; the next quarter to book is %s", q, next)
	}
	return usagef("%s leaves a gap: the last booked quarter is %s; book %s first", q, last.Period, next)
}

func (f bookingFiles) list() []ledger.Input {
	var out []ledger.Input
	for _, in := range []*ledger.Input{f.Data, f.Spending, f.Previous} {
		if in != nil {
			out = append(out, *in)
		}
	}
	return out
}

// readBookingFiles reads the data, spending and previous files (the
// built-in tables with --demo).
func readBookingFiles(p *planOptions) (bookingFiles, error) {
	var f bookingFiles
	if p.Data.Demo {
		data, spending := ledger.NewInput("data", demo.IndicatorsName, readAllOf(demo.Indicators())), ledger.NewInput("spending", demo.SpendingName, readAllOf(demo.Spending()))
		f.Data, f.Spending = &data, &spending
	} else {
		var err error
		if f.Data, err = readInputFile("data", p.Data.Data); err != nil {
			return f, err
		}
		if f.Spending, err = readInputFile("spending", p.Data.Spending); err != nil {
			return f, err
		}
	}
	var err error
	f.Previous, err = readInputFile("previous", p.Previous)
	return f, err
}

// readAllOf reads a built-in table, which cannot fail.
func readAllOf(r io.Reader) []byte {
	b, _ := io.ReadAll(r)
	return b
}

// readInputFile reads a named input file; nil for no name.
func readInputFile(role, path string) (*ledger.Input, error) {
	if path == "" {
		return nil, nil
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("%s: cannot open: %v", path, cause(err))
	}
	in := ledger.NewInput(role, path, content)
	return &in, nil
}

// fillBooking puts the computed quarter, the files and the settings into b.
func fillBooking(b *ledger.Booking, q *scenario.Quarter, files bookingFiles, p *planOptions) {
	b.IndicatorShare, b.Budget, b.Inputs = q.IndicatorShare, q.Budget, files.list()
	for _, u := range q.Units {
		held := ""
		if u.Held != allocate.NotHeld {
			held = u.Held.String()
		}
		b.Units = append(b.Units, ledger.Unit{Name: u.Name, Amount: u.Amount, Target: u.Target, Share: u.Share, Held: held})
	}
	b.Settings = bookingSettings(p, b.TransitionStart)
}

// bookingSettings are the settings a booking was computed with, as config
// keys with exact values, in JSON with sorted keys: read back as a config
// file they give the same computation (verify does that).
func bookingSettings(p *planOptions, ts scenario.Period) string {
	s := map[string]any{"transition-start": ts.String()}
	d := p.Data
	set := func(key, value string) {
		if value != "" {
			s[key] = value
		}
	}
	if d.Demo {
		s["demo"] = "true"
	} else {
		set("data", d.Data)
		if d.Spending != d.Data {
			set("spending", d.Spending)
		}
	}
	set("sheet", d.Sheet)
	set("spending-sheet", d.SpendingSheet)
	set("previous", p.Previous)
	if p.PreviousPeriod != nil {
		s["previous-period"] = p.PreviousPeriod.String()
	}
	if len(d.Headings) > 0 {
		s["columns"] = stringMap(d.Headings)
	}
	weights := map[string]any{}
	for k, w := range p.Formula.Weights {
		weights[k] = exactText(w)
	}
	s["weights"] = weights
	if len(p.Formula.Inverse) > 0 {
		s["inverse"] = stringList(p.Formula.Inverse)
	}
	scheduleSettings(s, p.Plan.Schedule)
	budgetSettings(s, p.Plan.Budgets)
	if c := p.Plan.Corridor; c != nil {
		if c.MaxDecrease != nil {
			s["max-decrease"] = exactText(c.MaxDecrease)
		}
		if c.MaxIncrease != nil {
			s["max-increase"] = exactText(c.MaxIncrease)
		}
	}
	text, _ := json.Marshal(s) // maps of strings always encode
	return string(text)
}

func scheduleSettings(s map[string]any, sch scenario.Schedule) {
	if len(sch.List) > 0 {
		var list []any
		for _, st := range sch.List {
			list = append(list, map[string]any{"period": st.Period.String(), "indicator-share": exactText(st.IndicatorShare)})
		}
		s["schedule"] = list
		return
	}
	r := sch.Rule
	s["from"], s["to"], s["step"], s["every"] = exactText(r.From), exactText(r.To), exactText(r.Step), fmt.Sprint(r.Every)
}

func budgetSettings(s map[string]any, b scenario.Budgets) {
	if b.Default != nil {
		s["annual-budget"] = b.Default.String()
	}
	if len(b.ByYear) > 0 {
		years := map[string]any{}
		for y, c := range b.ByYear {
			years[fmt.Sprint(y)] = c.String()
		}
		s["annual-budgets"] = years
	}
}

func stringMap(m map[string]string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

func stringList(l []string) []any {
	out := make([]any, len(l))
	for i, v := range l {
		out[i] = v
	}
	return out
}

// exactText writes x exactly: as a decimal when it has one ("0.6"), else
// as a fraction ("1/3"); parseShare reads both.
func exactText(x *big.Rat) string {
	d := new(big.Int).Set(x.Denom())
	places := 0
	for _, f := range []int64{2, 5} {
		for new(big.Int).Mod(d, big.NewInt(f)).Sign() == 0 {
			d.Quo(d, big.NewInt(f))
			places++
		}
	}
	if d.Cmp(big.NewInt(1)) != 0 {
		return x.RatString()
	}
	text := x.FloatString(places)
	if strings.Contains(text, ".") {
		text = strings.TrimRight(strings.TrimRight(text, "0"), ".")
	}
	return text
}

// holdForTests holds the booking's transaction open before it commits
// when RAUMBUDGET_TEST_HOLD names a file: it creates FILE.held and waits
// (at most a minute) until FILE exists. The end-to-end tests use it to
// book twice at the same time and to kill a booking in the middle.
func holdForTests() {
	path := os.Getenv("RAUMBUDGET_TEST_HOLD")
	if path == "" {
		return
	}
	ledger.BeforeCommit = func() {
		_ = os.WriteFile(path+".held", nil, 0o644)
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if _, err := os.Stat(path); err == nil {
				return
			}
		}
	}
}
