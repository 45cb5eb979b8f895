package cmd

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
	"github.com/raumbudget/raumbudget/workbook"
)

func newPlanCmd(runF func(*planOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "plan",
		Short: "Plan the quarterly transition toward 100 % indicators",
		Long: `Plan the transition quarter by quarter: the indicator share α of each quarter
follows the schedule (from 0.6 to 1.0 in steps of 0.1 each quarter by default,
or a list in the config file), each quarter gets a quarter of its year's budget,
and an optional corridor limits how far a unit's share may move in a quarter.`,
		Example: `  raumbudget plan --demo --start 2026-Q1
  raumbudget plan --data indikatoren.xlsx --annual-budget 48000000 --start 2026-Q1 --quarters 6
  raumbudget plan --config raumbudget.yaml --max-decrease 5% --max-increase 5% --previous gebucht.csv`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts, err := readPlanOptions(c)
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(planRun(c, opts))
		},
	}
	addPlanSettings(c)
	addOutputFlags(c, reportFormats)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readPlanOptions(c *cobra.Command) (*planOptions, error) {
	s, err := newSettings(c, planExtraKeys, []string{"data", "spending", "previous", "out"})
	if err != nil {
		return nil, err
	}
	opts, err := readPlanSettings(s)
	if err != nil {
		return nil, err
	}
	if opts.Ledger, err = continueLedger(s, opts); err != nil {
		return nil, err
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

// cost-centers: for monitor, in a config shared with it

func planRun(c *cobra.Command, opts *planOptions) error {
	digests := startDigests() // none unless an xlsx report records them
	if opts.Output.Format == "xlsx" {
		digests = startDigests(opts.Data.Data, opts.Data.Spending, opts.Previous)
	}
	table, res, err := runPlan(opts, nil)
	if err != nil {
		return err
	}
	if res, err = opts.Ledger.combine(res, opts.Plan.Quarters, opts.Output.Format); err != nil {
		return err
	}
	data, err := planOutput(res, table.Headings, opts, digests)
	if err != nil {
		return err
	}
	data = opts.Ledger.withNote(data, opts.Output)
	return opts.Output.write(c.OutOrStdout(), data, opts.Data.Data, opts.Data.Spending, opts.Previous)
}

func planOutput(res *scenario.Result, headings map[string]string, opts *planOptions, inputs *inputDigests) ([]byte, error) {
	if opts.Output.Format == "xlsx" {
		meta, err := reportMeta(opts.Output, headings, opts.Data.Demo, inputs)
		if err != nil {
			return nil, err
		}
		meta.Settings = weightSettings(meta.Settings, opts.Formula)
		meta.Reference = opts.Previous
		if d := opts.Plan.Budgets.Default; d != nil {
			meta.Settings = withSetting(meta.Settings, "annual-budget", d.String())
		}
		if q0 := shownTransitionStart(opts.Plan); q0 != (scenario.Period{}) {
			meta.Settings = withSetting(meta.Settings, "transition-start", q0.String())
		}
		return workbook.Plan(res, opts.Plan.Corridor, meta)
	}
	var buf bytes.Buffer
	view := report.Plan{Result: res, Corridor: opts.Plan.Corridor, Headings: headings, TransitionStart: shownTransitionStart(opts.Plan)}
	err := view.Write(&buf, opts.Output.Format, opts.Output.Lang)
	return buf.Bytes(), err
}

// shownTransitionStart is the quarter the rule counts from, for the
// reports; none with a schedule list, which names its quarters itself.
func shownTransitionStart(p scenario.Plan) scenario.Period {
	if len(p.Schedule.List) > 0 {
		return scenario.Period{}
	}
	return p.FirstTransitionQuarter()
}
