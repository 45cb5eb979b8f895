package cmd

import (
	"bytes"
	"errors"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/explain"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/scenario"
)

// explainOptions are everything one run of explain needs.
type explainOptions struct {
	Request explain.Request // what to explain, without the files
	Data    dataOptions
	Formula formulaOptions
	// Previous and PreviousPeriod are the plan's --previous, with --period.
	Previous       string
	PreviousPeriod *scenario.Period
	// AgainstData and AgainstSpending are the earlier data year's tables,
	// with --against.
	AgainstData, AgainstSpending string
	Output                       outputOptions
}

func newExplainCmd(runF func(*explainOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "explain --unit NAME",
		Short: "Explain one district office's amount, and its change",
		Long: `Explain how one district office's amount comes about: each indicator's value,
the city total, the share, the weight and the euros; the part by last year's
spending; the corridor; the rounding to the cent.

With --period the unit's quarter of a plan is explained (use the plan's
settings), together with the change against the quarter before: how much of it
the budget, the step of the indicator share, the corridor and the rounding
cause. With --against OLD the change against an allocation on an earlier data
year is split into the budget, the indicator share, each indicator's data and
the spending. The parts add up to the change to the cent.`,
		Example: `  raumbudget explain --demo --unit "Bezirksstelle III"
  raumbudget explain --config raumbudget.yaml --unit "Bezirksstelle III" --period 2026-Q3
  raumbudget explain --data 2026.xlsx --against 2025.xlsx --budget 12000000 --unit "Bezirksstelle III"`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts, err := readExplainOptions(c)
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(explainRun(c, opts))
		},
	}
	addExplainSettings(c)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readExplainOptions(c *cobra.Command) (*explainOptions, error) {
	s, err := newSettings(c, []string{"columns", "schedule", "annual-budgets"},
		[]string{"data", "spending", "previous", "out", "against", "against-spending"})
	if err != nil {
		return nil, err
	}
	opts := &explainOptions{Request: explain.Request{Unit: strings.TrimSpace(s.v.GetString("unit"))}}
	if opts.Request.Unit == "" {
		return nil, usagef("--unit is required: the district office to explain")
	}
	if opts.Data, err = readDataOptions(s); err != nil {
		return nil, err
	}
	if opts.Formula, err = readFormulaOptions(s, opts.Data.Headings); err != nil {
		return nil, err
	}
	if err := readExplainMode(s, opts); err != nil {
		return nil, err
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

// Settings of one mode of explain: a single allocation, or (with
// --period) a quarter of a plan.
var (
	allocationKeys = []string{"budget", "indicator-share", "against", "against-spending", "against-budget", "against-indicator-share"}
	quarterKeys    = []string{"annual-budget", "annual-budgets", "start", "quarters", "transition-start", "from", "to", "step", "every",
		"schedule", "max-decrease", "max-increase", "previous", "previous-period"}
)

// otherModeGiven refuses a setting of the mode explain does not run, given
// on the command line or in the config: it would do nothing. (The
// environment may hold settings meant for other commands.)
func otherModeGiven(s *settings, keys []string, why string) error {
	for _, k := range keys {
		if l := s.levelOf(k); l == levelFlag || l == levelConfig {
			return usagef("%s: %s", s.where(k), why)
		}
	}
	return nil
}

// readExplainMode reads the plan settings with --period, else those of a
// single allocation and of --against.
func readExplainMode(s *settings, opts *explainOptions) error {
	if text := s.v.GetString("period"); text != "" {
		return readQuarterMode(s, opts, text)
	}
	if err := otherModeGiven(s, quarterKeys, "a setting of a plan's quarter: add --period QUARTER to explain one"); err != nil {
		return err
	}
	var err error
	r := &opts.Request
	if r.Share, err = readShareSetting(s, "indicator-share"); err != nil {
		return err
	}
	if r.Budget, err = readBudget(s, opts.Data.Demo); err != nil {
		return err
	}
	return readAgainst(s, opts)
}

// readQuarterMode reads --period and the plan it is a quarter of.
func readQuarterMode(s *settings, opts *explainOptions, period string) error {
	if err := otherModeGiven(s, allocationKeys, "explain --period explains a quarter of the plan (its budget is annual-budget, its α the schedule's); leave this out"); err != nil {
		return err
	}
	p, err := scenario.ParsePeriod(period)
	if err != nil {
		return usagef("%s: %v", s.where("period"), err)
	}
	opts.Previous = s.v.GetString("previous")
	if opts.PreviousPeriod, err = readPreviousPeriod(s); err != nil {
		return err
	}
	plan, err := readPlan(s, opts.Data.Demo)
	opts.Request.Quarter = &explain.Quarter{Plan: plan, Period: p}
	return err
}

// readAgainst reads --against and the earlier allocation's settings, which
// default to the current one's.
func readAgainst(s *settings, opts *explainOptions) error {
	opts.AgainstData = s.v.GetString("against")
	if opts.AgainstData == "" {
		return nil
	}
	a := &explain.Against{Label: opts.AgainstData, Budget: opts.Request.Budget, Share: opts.Request.Share}
	var err error
	if text := s.v.GetString("against-budget"); text != "" {
		if a.Budget, err = parseEuros(text); err != nil {
			return usagef("%s: %v", s.where("against-budget"), err)
		}
	}
	if s.v.GetString("against-indicator-share") != "" {
		if a.Share, err = readShareSetting(s, "against-indicator-share"); err != nil {
			return err
		}
	}
	opts.AgainstSpending = s.v.GetString("against-spending")
	if opts.AgainstSpending == "" && !opts.Data.Demo {
		opts.AgainstSpending = opts.Data.Spending
	}
	opts.Request.Against = a
	return nil
}

func explainRun(c *cobra.Command, opts *explainOptions) error {
	e, table, err := explain.Unit(opts.Request, explainFiles{opts, indicatorOrder(opts.Formula.Weights)})
	if err != nil {
		return explainError(err, table)
	}
	var buf bytes.Buffer
	if err := e.Write(&buf, opts.Output.Format, opts.Output.Lang); err != nil {
		return err
	}
	return opts.Output.write(c.OutOrStdout(), buf.Bytes(), opts.Data.Data, opts.Data.Spending, opts.AgainstData, opts.AgainstSpending, opts.Previous)
}

// explainError names the setting a refused request came from, and the
// file, place and column of a problem the engine found in the data.
func explainError(err error, data *indicators.Table) error {
	var unit *explain.UnknownUnitError
	var early *explain.EarlyPeriodError
	switch {
	case errors.As(err, &unit):
		return usagef("--unit %v", err)
	case errors.As(err, &early):
		return usagef("--period %v", err)
	case data != nil:
		return placeModelError(err, data)
	}
	return err
}

// explainFiles hand package explain the tables of one run: read from the
// files the settings name, with the settings' weights.
type explainFiles struct {
	opts *explainOptions
	keys []string // the indicators, in the order of the weights
}

func (f explainFiles) Data(needSpending bool) (*indicators.Table, error) {
	return loadTable(f.opts.Data, f.keys, needSpending)
}

func (f explainFiles) Against(needSpending bool) (*indicators.Table, error) {
	data := f.opts.Data
	data.Demo, data.Data, data.Spending = false, f.opts.AgainstData, f.opts.AgainstSpending
	return loadTable(data, f.keys, needSpending)
}

func (f explainFiles) Previous(start scenario.Period, data *indicators.Table) ([]allocate.Cents, error) {
	if f.opts.Previous == "" {
		return nil, nil
	}
	return previousAmounts(f.opts.Previous, f.opts.PreviousPeriod, start, data)
}

func (f explainFiles) Model(t *indicators.Table, budget allocate.Cents, share *big.Rat) allocate.Input {
	return modelInput(t, budget, share, f.opts.Formula)
}
