package cmd

import (
	"io"
	"os"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/monitor"
)

// runMonitor reads the Soll and the Ist and computes the figures.
func runMonitor(opts *monitorOptions) (*monitor.Result, error) {
	soll, err := readSoll(opts)
	if err != nil {
		return nil, err
	}
	opts.ledgerName = soll.File
	ist, err := readIst(opts)
	if err != nil {
		return nil, err
	}
	if err := checkIst(ist, soll, opts); err != nil {
		return nil, err
	}
	in, err := monitorInput(soll, ist, opts)
	if err != nil {
		return nil, err
	}
	res, err := monitor.Run(in)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return res, nil
}

// readIst reads the Ist files, with a progress line on a terminal while
// a large one is read. A file given twice would count its payments twice.
func readIst(opts *monitorOptions) (*actuals.Ist, error) {
	if len(opts.Ist) == 0 {
		return istFromLedger(opts.istLedger)
	}
	ist := actuals.New()
	for i, path := range opts.Ist {
		for _, other := range opts.Ist[:i] {
			if isInput(path, other) {
				return nil, usagef("--ist %s is given twice (as %s): its payments would count twice", path, other)
			}
		}
		if err := readIstFile(ist, path, opts.CostCenters, opts.stderr); err != nil {
			return nil, err
		}
	}
	return ist, nil
}

func readIstFile(ist *actuals.Ist, path string, centres map[string]string, stderr io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return ist.ReadFile(path, actuals.Options{}) // its error names the file
	}
	defer f.Close()
	if stderr == nil {
		stderr = os.Stderr
	}
	w, terminal := progressOn(stderr)
	r, done := withProgress(w, terminal, f, path)
	defer done()
	return ist.Read(r, path, actuals.Options{CostCenters: centres})
}

// checkIst refuses an office the plan does not know and, with --strict,
// rows outside the year and the complete earlier years.
func checkIst(ist *actuals.Ist, soll *actuals.Soll, opts *monitorOptions) error {
	for _, u := range ist.Units {
		if _, ok := soll.Quarters[u]; !ok {
			return ist.UnitError(u, msg.New("district office %q is not in the plan %s", u, soll.File))
		}
	}
	if !opts.Strict {
		return nil
	}
	for _, y := range ist.Years() {
		switch {
		case y > opts.Year:
			return ist.YearError(y, msg.New("a booking of %d, after %d (--strict)", y, opts.Year))
		case y < opts.Year && !ist.Complete(y):
			return ist.YearError(y, msg.New("a booking of %d, which is neither %d nor a complete earlier year (--strict)", y, opts.Year))
		}
	}
	return nil
}

// monitorInput lines up the Soll and the Ist of each unit of the plan.
func monitorInput(soll *actuals.Soll, ist *actuals.Ist, opts *monitorOptions) (monitor.Input, error) {
	in := monitor.Input{Year: opts.Year, AsOf: opts.AsOf, Method: opts.Method, Tolerance: opts.Tolerance}
	if in.AsOf == 0 {
		if in.AsOf = ist.LastMonth(opts.Year); in.AsOf == 0 {
			return in, usagef("the Ist files hold no booking of %d", opts.Year)
		}
	}
	for _, name := range soll.Units {
		u := monitor.Unit{Name: name, Quarters: *soll.Quarters[name], Planned: soll.Planned}
		u.Ist, u.Cases = months(ist, name, opts.Year, in.AsOf)
		if ist.LastMonth(opts.Year-1) > 0 {
			u.Before = &monitor.Prior{}
			u.Before.Ist, u.Before.Cases = months(ist, name, opts.Year-1, in.AsOf)
		}
		in.Units = append(in.Units, u)
	}
	for _, y := range ist.Years() {
		if y < opts.Year && ist.Complete(y) {
			in.Earlier = append(in.Earlier, earlierYear(ist, y))
		}
	}
	return in, nil
}

// months returns a unit's Ist per month of year, and its cases if every
// month to asOf has them.
func months(ist *actuals.Ist, unit string, year, asOf int) ([12]int64, *[12]int64) {
	var amounts, cases [12]int64
	all := ist.HasCases
	for k := 1; k <= 12; k++ {
		m := actuals.MonthOf(year, k)
		amounts[k-1] = ist.Amount(unit, m)
		c, ok := ist.Cases(unit, m)
		cases[k-1] = c
		all = all && (ok || k > asOf)
	}
	if !all {
		return amounts, nil
	}
	return amounts, &cases
}

// earlierYear sums a year's Ist over all units.
func earlierYear(ist *actuals.Ist, year int) monitor.YearIst {
	y := monitor.YearIst{Year: year}
	for _, u := range ist.Units {
		for k := 1; k <= 12; k++ {
			y.Months[k-1] += ist.Amount(u, actuals.MonthOf(year, k))
		}
	}
	return y
}
