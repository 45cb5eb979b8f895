package cmd

import (
	"bytes"
	"math/big"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/workbook"
)

// allocateOptions are everything one run of allocate needs.
type allocateOptions struct {
	Data    dataOptions
	Formula formulaOptions
	Share   *big.Rat // α
	Budget  allocate.Cents
	Output  outputOptions
}

func newAllocateCmd(runF func(*allocateOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "allocate",
		Short: "Split one period's budget among the district offices",
		Long: `Split one period's budget among the district offices (units): the indicator
share α of the budget by the weighted indicator shares, the rest by each unit's
share of the prior-year spending, rounded to the cent by largest remainder.`,
		Example: `  raumbudget allocate --demo
  raumbudget allocate --data indikatoren.xlsx --spending mittelabfluss.csv --budget 12000000
  raumbudget allocate --config raumbudget.yaml -o json --out ergebnis.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts, err := readAllocateOptions(c)
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(allocateRun(c, opts))
		},
	}
	addAllocateSettings(c)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readAllocateOptions(c *cobra.Command) (*allocateOptions, error) {
	s, err := newSettings(c, []string{"columns"}, []string{"data", "spending", "out"})
	if err != nil {
		return nil, err
	}
	opts := &allocateOptions{}
	if opts.Data, err = readDataOptions(s); err != nil {
		return nil, err
	}
	if opts.Formula, err = readFormulaOptions(s, opts.Data.Headings); err != nil {
		return nil, err
	}
	if opts.Share, err = readShareSetting(s, "indicator-share"); err != nil {
		return nil, err
	}
	if opts.Budget, err = readBudget(s, opts.Data.Demo); err != nil {
		return nil, err
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

func allocateRun(c *cobra.Command, opts *allocateOptions) error {
	keys := indicatorOrder(opts.Formula.Weights)
	table, err := loadTable(opts.Data, keys, allocate.NeedsSpending(opts.Share))
	if err != nil {
		return err
	}
	res, err := allocate.Run(modelInput(table, opts.Budget, opts.Share, opts.Formula))
	if err != nil {
		return placeModelError(err, table)
	}
	data, err := allocationOutput(res, table.Headings, opts)
	if err != nil {
		return err
	}
	return opts.Output.write(c.OutOrStdout(), data, opts.Data.Data, opts.Data.Spending)
}

func allocationOutput(res *allocate.Result, headings map[string]string, opts *allocateOptions) ([]byte, error) {
	if opts.Output.Format == "xlsx" {
		meta, err := reportMeta(opts.Output, headings, opts.Data.Demo, startDigests(opts.Data.Data, opts.Data.Spending))
		if err != nil {
			return nil, err
		}
		meta.Settings = withSetting(weightSettings(meta.Settings, opts.Formula), "budget", opts.Budget.String())
		return workbook.Allocation(res, meta)
	}
	var buf bytes.Buffer
	err := report.NewAllocation(res, headings).Write(&buf, opts.Output.Format, opts.Output.Lang)
	return buf.Bytes(), err
}
