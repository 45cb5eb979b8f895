package cmd

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
	"github.com/raumbudget/raumbudget/workbook"
)

// compareOptions are everything one run of scenario compare needs.
type compareOptions struct {
	File   string
	Period *scenario.Period // nil: the baseline's last quarter
	Total  bool
	Output outputOptions
}

func newScenarioCompareCmd(runF func(*compareOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "compare FILE",
		Short: "Run the baseline and every scenario, side by side",
		Long: `Run the baseline and every scenario of the file. The table shows the district
offices as rows and the baseline and the scenarios as columns, with each
scenario's difference to the baseline in euros and percent, for one quarter
(--period, default the baseline's last) or summed over each plan (--total).
JSON and CSV hold every quarter.`,
		Example: `  raumbudget scenario compare szenarien.yaml
  raumbudget scenario compare szenarien.yaml --total
  raumbudget scenario compare szenarien.yaml -o json --out vergleich.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := readCompareOptions(c, args[0])
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(compareRun(c, opts))
		},
	}
	c.Flags().String("period", "", "the quarter to show, e.g. 2027-Q1 (default: the baseline's last)")
	c.Flags().Bool("total", false, "show each plan's sum over its quarters")
	addOutputFlags(c, reportFormats)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readCompareOptions(c *cobra.Command, file string) (*compareOptions, error) {
	s, err := newSettings(c, nil, nil)
	if err != nil {
		return nil, err
	}
	opts := &compareOptions{File: file}
	if text := s.v.GetString("period"); text != "" {
		p, err := scenario.ParsePeriod(text)
		if err != nil {
			return nil, usagef("%s: %v", s.where("period"), err)
		}
		opts.Period = &p
	}
	if opts.Total, err = s.boolean("total"); err != nil {
		return nil, err
	}
	if opts.Output, err = readOutputOptions(s); err != nil {
		return nil, err
	}
	if f := opts.Output.Format; opts.Total && (f == "csv" || f == "json") {
		return nil, usagef("%s: the sums over each plan are for the table and the workbook; -o %s holds every quarter to sum", s.where("total"), f)
	}
	return opts, nil
}

func compareRun(c *cobra.Command, opts *compareOptions) error {
	runs, err := loadScenarioFile(opts.File)
	if err != nil {
		return err
	}
	warnTo(runs, c.ErrOrStderr())
	results, err := runScenarios(runs)
	if err != nil {
		return err
	}
	view := report.Comparison{Results: results, Total: opts.Total}
	for _, r := range runs {
		view.Names = append(view.Names, r.Name)
		view.Changes = append(view.Changes, r.Changes)
	}
	quarters := results[0].Quarters
	view.Period = quarters[len(quarters)-1].Period
	if opts.Period != nil {
		view.Period, view.Only = *opts.Period, true
		if !hasQuarter(results[0], view.Period) {
			return usagef("--period %s is not in the baseline's plan (%s to %s)", view.Period, quarters[0].Period, quarters[len(quarters)-1].Period)
		}
	}
	data, err := compareOutput(&view, runs, opts)
	if err != nil {
		return err
	}
	return opts.Output.write(c.OutOrStdout(), data, scenarioInputs(opts.File, runs)...)
}

func compareOutput(view *report.Comparison, runs []scenarioRun, opts *compareOptions) ([]byte, error) {
	if opts.Output.Format == "xlsx" {
		base := runs[0].Plan
		meta, err := reportMeta(opts.Output, nil, base.Data.Demo, startDigests(scenarioInputs(opts.File, runs)...))
		if err != nil {
			return nil, err
		}
		return workbook.Comparison(view, base.Plan.Corridor, meta)
	}
	var buf bytes.Buffer
	err := view.Write(&buf, opts.Output.Format, opts.Output.Lang)
	return buf.Bytes(), err
}

func hasQuarter(res *scenario.Result, p scenario.Period) bool {
	for _, q := range res.Quarters {
		if q.Period == p {
			return true
		}
	}
	return false
}
