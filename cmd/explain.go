package cmd

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// explainOptions are everything one run of explain needs.
type explainOptions struct {
	Unit    string
	Period  *scenario.Period // nil: a single allocation
	Data    dataOptions
	Formula formulaOptions
	Share   *big.Rat       // α of a single allocation
	Budget  allocate.Cents // of a single allocation
	Plan    scenario.Plan  // with Period
	// Previous and PreviousPeriod are the plan's --previous, with Period.
	Previous       string
	PreviousPeriod *scenario.Period
	Against        againstOptions
	Output         outputOptions
}

// againstOptions name an earlier data year to explain the change against.
type againstOptions struct {
	Data     string
	Spending string
	Budget   allocate.Cents
	Share    *big.Rat
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
	f := c.Flags()
	f.String("unit", "", "the district office to explain (required)")
	f.String("period", "", "explain this quarter of a plan, e.g. 2026-Q3 (with the plan's flags)")
	addDataFlags(c)
	f.String("budget", "", "budget of a single allocation in euros")
	f.String("indicator-share", "0.6", "indicator share α of a single allocation")
	addPlanFlags(c)
	addFormulaFlags(c)
	f.String("against", "", "indicator table of an earlier data year to explain the change against")
	f.String("against-spending", "", "spending table of the earlier data year (default: as --spending)")
	f.String("against-budget", "", "budget of the earlier allocation (default: --budget)")
	f.String("against-indicator-share", "", "indicator share of the earlier allocation (default: --indicator-share)")
	addOutputFlags(c, []string{"table", "markdown", "json"})
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readExplainOptions(c *cobra.Command) (*explainOptions, error) {
	s, err := newSettings(c, []string{"columns", "schedule", "annual-budgets"},
		[]string{"data", "spending", "previous", "out", "against", "against-spending"})
	if err != nil {
		return nil, err
	}
	opts := &explainOptions{Unit: strings.TrimSpace(s.v.GetString("unit"))}
	if opts.Unit == "" {
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
	var err error
	if text := s.v.GetString("period"); text != "" {
		if err := otherModeGiven(s, allocationKeys, "explain --period explains a quarter of the plan (its budget is annual-budget, its α the schedule's); leave this out"); err != nil {
			return err
		}
		p, err := scenario.ParsePeriod(text)
		if err != nil {
			return usagef("%s: %v", s.where("period"), err)
		}
		opts.Period = &p
		opts.Previous = s.v.GetString("previous")
		if opts.PreviousPeriod, err = readPreviousPeriod(s); err != nil {
			return err
		}
		opts.Plan, err = readPlan(s, opts.Data.Demo)
		return err
	}
	if err := otherModeGiven(s, quarterKeys, "a setting of a plan's quarter: add --period QUARTER to explain one"); err != nil {
		return err
	}
	if opts.Share, err = readShareSetting(s, "indicator-share"); err != nil {
		return err
	}
	if opts.Budget, err = readBudget(s, opts.Data.Demo); err != nil {
		return err
	}
	return readAgainst(s, opts)
}

func readAgainst(s *settings, opts *explainOptions) error {
	a := againstOptions{Data: s.v.GetString("against"), Spending: s.v.GetString("against-spending"), Budget: opts.Budget, Share: opts.Share}
	if a.Data == "" {
		return nil
	}
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
	if a.Spending == "" && !opts.Data.Demo {
		a.Spending = opts.Data.Spending
	}
	opts.Against = a
	return nil
}

func explainRun(c *cobra.Command, opts *explainOptions) error {
	keys := indicatorOrder(opts.Formula.Weights)
	needSpending := opts.Period != nil || opts.Share.Cmp(big.NewRat(1, 1)) < 0 || opts.Against.Share != nil && opts.Against.Share.Cmp(big.NewRat(1, 1)) < 0
	table, err := loadTable(opts.Data, keys, needSpending)
	if err != nil {
		return err
	}
	u, err := findUnit(table, opts.Unit)
	if err != nil {
		return err
	}
	var e *report.Explanation
	if opts.Period != nil {
		e, err = explainQuarter(opts, table, u)
	} else {
		e, err = explainAllocation(opts, table, u, keys)
	}
	if err != nil {
		return placeModelError(err, table)
	}
	e.Headings = table.Headings
	var buf bytes.Buffer
	if err := e.Write(&buf, opts.Output.Format, opts.Output.Lang); err != nil {
		return err
	}
	return opts.Output.write(c.OutOrStdout(), buf.Bytes(), opts.Data.Data, opts.Data.Spending, opts.Against.Data, opts.Previous)
}

func findUnit(t *indicators.Table, name string) (int, error) {
	names := make([]string, len(t.Units))
	for u, unit := range t.Units {
		if unit.Name == name {
			return u, nil
		}
		names[u] = fmt.Sprintf("%q", unit.Name)
	}
	return 0, usagef("--unit %q is not in %s; its units are %s", name, t.File, strings.Join(names, ", "))
}
