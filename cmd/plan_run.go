package cmd

import (
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/scenario"
	"github.com/spf13/cobra"
)

// planOptions are everything one run of plan needs.
type planOptions struct {
	Data     dataOptions
	Formula  formulaOptions
	Plan     scenario.Plan
	Previous string // file with the booked amounts of the quarter before the plan
	// PreviousPeriod picks the quarter out of a plan's output as Previous;
	// nil: its last.
	PreviousPeriod *scenario.Period
	Output         outputOptions
	Ledger         *planLedger // the ledger the plan continues; nil without one
}

func addPlanFlags(c *cobra.Command) {
	f := c.Flags()
	f.String("annual-budget", "", "budget per year in euros; each quarter gets a quarter (odd cents to the earliest)")
	f.String("start", "", "first quarter of the plan, e.g. 2026-Q1 (default: the current quarter)")
	f.Int("quarters", 6, fmt.Sprintf("number of quarters (at most %d)", maxQuarters))
	f.String("transition-start", "", "quarter the schedule counts from: α = from there, one step each 'every' quarters (default: --start)")
	f.String("from", "0.6", "indicator share at the transition start (and before it)")
	f.String("to", "1", "indicator share the plan moves to")
	f.String("step", "0.1", "step of the indicator share")
	f.Int("every", 1, "quarters between steps")
	f.String("max-decrease", "", "corridor: a unit's share may fall by at most this much a quarter, e.g. 5% (default: open)")
	f.String("max-increase", "", "corridor: a unit's share may rise by at most this much a quarter (default: open)")
	f.String("previous", "", "booked amounts of the quarter before the plan (CSV, JSON or xlsx output of allocate or plan)")
	f.String("previous-period", "", "the quarter to take out of a plan's output given as --previous (default: its last); it must be the quarter before --start")
}

// planExtraKeys are the plan's config keys that have no flag.
var planExtraKeys = []string{"columns", "schedule", "annual-budgets", "cost-centers"}

// readPlanSettings reads what a plan computes, without its output options.
func readPlanSettings(s *settings) (*planOptions, error) {
	opts := &planOptions{Previous: s.v.GetString("previous")}
	var err error
	if opts.PreviousPeriod, err = readPreviousPeriod(s); err != nil {
		return nil, err
	}
	if opts.Data, err = readDataOptions(s); err != nil {
		return nil, err
	}
	if opts.Formula, err = readFormulaOptions(s, opts.Data.Headings); err != nil {
		return nil, err
	}
	opts.Plan, err = readPlan(s, opts.Data.Demo)
	return opts, err
}

func readPlan(s *settings, isDemo bool) (scenario.Plan, error) {
	var p scenario.Plan
	var err error
	if p.Start, err = readStart(s); err != nil {
		return p, err
	}
	if p.Quarters, err = readQuarters(s); err != nil {
		return p, err
	}
	if p.TransitionStart, err = readTransitionStart(s); err != nil {
		return p, err
	}
	if p.Schedule, err = readSchedule(s); err != nil {
		return p, err
	}
	if p.Budgets, err = readBudgets(s, isDemo); err != nil {
		return p, err
	}
	p.Corridor, err = readCorridor(s)
	return p, err
}

// readCount reads a whole number ≥ 1, from a flag or the config file.
func readCount(s *settings, key string) (int, error) {
	n, err := strconv.Atoi(s.v.GetString(key))
	if err != nil || n < 1 {
		return 0, usagef("%s: %q is not a whole number of 1 or more", s.where(key), s.v.GetString(key))
	}
	return n, nil
}

// runPlan reads the plan's tables, changes them by adjust (may be nil),
// and runs the plan.
func runPlan(opts *planOptions, adjust []scenario.Adjustment) (*indicators.Table, *scenario.Result, error) {
	keys := indicatorOrder(opts.Formula.Weights)
	table, err := loadTable(opts.Data, keys, opts.Plan.NeedsSpending(opts.Previous != "" || opts.Ledger.continues()))
	if err != nil {
		return nil, nil, err
	}
	if err := applyAdjustments(table, adjust); err != nil {
		return nil, nil, err
	}
	plan := opts.Ledger.computeQuarters(opts.Plan)
	if opts.Previous != "" {
		if plan.Previous, err = previousAmounts(opts.Previous, opts.PreviousPeriod, plan.Start, table); err != nil {
			return nil, nil, err
		}
	} else if opts.Ledger.continues() {
		if plan.Previous, err = bookedAmounts(opts.Ledger.Last, table); err != nil {
			return nil, nil, err
		}
	}
	res, err := scenario.Run(plan, modelInput(table, 0, nil, opts.Formula))
	if err != nil {
		return nil, nil, placeModelError(err, table)
	}
	return table, res, nil
}

func readStart(s *settings) (scenario.Period, error) {
	text := s.v.GetString("start")
	if text == "" {
		now := time.Now()
		return scenario.Period{Year: now.Year(), Quarter: (int(now.Month())-1)/3 + 1}, nil
	}
	p, err := scenario.ParsePeriod(text)
	if err != nil {
		return p, usagef("%s: %v", s.where("start"), err)
	}
	return p, nil
}

// maxQuarters bounds a plan: a century of quarters is more than any
// budget plans, and each quarter costs memory and time.
const maxQuarters = 400

func readQuarters(s *settings) (int, error) {
	n, err := readCount(s, "quarters")
	if err == nil && n > maxQuarters {
		return 0, usagef("%s: %d quarters are more than a plan may have (at most %d, a century)", s.where("quarters"), n, maxQuarters)
	}
	return n, err
}

// readTransitionStart reads the quarter Q0 the schedule counts from; the
// zero Period (not set) means the plan's start.
func readTransitionStart(s *settings) (scenario.Period, error) {
	text := s.v.GetString("transition-start")
	if text == "" {
		return scenario.Period{}, nil
	}
	p, err := scenario.ParsePeriod(text)
	if err != nil {
		return p, usagef("%s: %v", s.where("transition-start"), err)
	}
	return p, nil
}

// readCorridor reads --max-decrease and --max-increase; nil if neither is set.
func readCorridor(s *settings) (*allocate.Corridor, error) {
	var c allocate.Corridor
	for key, dst := range map[string]**big.Rat{"max-decrease": &c.MaxDecrease, "max-increase": &c.MaxIncrease} {
		if s.v.GetString(key) == "" {
			continue
		}
		x, err := parseShare(s.v.GetString(key))
		if err != nil {
			return nil, usagef("%s: %v", s.where(key), err)
		}
		*dst = x
	}
	if c.MaxDecrease == nil && c.MaxIncrease == nil {
		return nil, nil
	}
	if err := c.Validate(); err != nil {
		return nil, usagef("corridor: %v", err)
	}
	return &c, nil
}
