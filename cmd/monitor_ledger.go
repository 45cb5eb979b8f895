package cmd

import (
	"fmt"
	"os"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/scenario"
)

// readSoll reads the Soll of the year: from --soll, or from the ledger.
func readSoll(opts *monitorOptions) (*actuals.Soll, error) {
	if opts.Soll != "" {
		return actuals.ReadSoll(opts.Soll, opts.Year)
	}
	return sollFromLedger(opts.Config, opts.Ledger, opts.Year)
}

// sollFromLedger is the Soll of year from the ledger: each quarter's
// active booking, and for a quarter not booked the amount of the plan that
// continues the ledger, marked as planned. That plan is what
//
//	raumbudget plan --config CONFIG --ledger DSN --start YEAR-Q1 --quarters 4
//
// computes, with the plan's settings of the config file.
func sollFromLedger(config, dsn string, year int) (*actuals.Soll, error) {
	plan := planSettings()
	for flag, value := range map[string]string{"config": config, "ledger": dsn, "start": fmt.Sprintf("%d-Q1", year), "quarters": "4"} {
		if value != "" {
			if err := plan.Flags().Set(flag, value); err != nil {
				return nil, err
			}
		}
	}
	s, err := newSettings(plan, planExtraKeys, []string{"data", "spending", "previous", "out"})
	if err != nil {
		return nil, err
	}
	if dsn = ledgerDSN(s); !ledger.IsPostgres(dsn) {
		if _, err := os.Stat(dsn); err != nil {
			return nil, usagef("no ledger at %s and no --soll: give the plan with --soll PLAN or the ledger with --ledger DSN", dsn)
		}
	}
	opts, err := readPlanSettings(s)
	if err != nil {
		return nil, err
	}
	if opts.Ledger, err = continueLedger(s, opts); err != nil {
		return nil, err
	}
	_, res, err := runPlan(opts, nil)
	if err != nil {
		return nil, err
	}
	if res, err = opts.Ledger.combine(res, opts.Plan.Quarters, "json"); err != nil {
		return nil, err
	}
	return ledgerSoll(res, opts.Ledger, dsn, year), nil
}

// ledgerSoll turns the four quarters of the plan into the Soll; the
// quarters the ledger holds are booked, the others planned.
func ledgerSoll(res *scenario.Result, pl *planLedger, dsn string, year int) *actuals.Soll {
	soll := &actuals.Soll{File: dsn, Year: year, Quarters: map[string]*[4]int64{}}
	booked := map[scenario.Period]bool{}
	if pl != nil {
		for _, q := range pl.Booked {
			booked[q.Period] = true
		}
	}
	for i, q := range res.Quarters[:4] {
		soll.Planned[i] = !booked[q.Period]
		for _, u := range q.Units {
			if soll.Quarters[u.Name] == nil {
				soll.Units = append(soll.Units, u.Name)
				soll.Quarters[u.Name] = new([4]int64)
			}
			soll.Quarters[u.Name][i] = int64(u.Amount)
		}
	}
	return soll
}
