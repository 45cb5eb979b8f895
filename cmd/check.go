package cmd

import (
	"bytes"
	"slices"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/check"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/report"
)

// checkOptions are everything one run of check needs: the check's own
// settings, the model's weights to run it as allocate does, and the
// output.
type checkOptions struct {
	check.Options
	Formula formulaOptions // read as allocate reads it: its indicators must be there
	Output  outputOptions
}

func newCheckCmd(runF func(*checkOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Validate indicator and spending tables without computing money",
		Long: `Validate indicator and spending tables without computing money. For each table
(each sheet of a workbook that has a Bezirksstelle column, or --sheet) check
lists the units, the rows (Stadtteile) summed into each and the totals per
column, then every problem at once, each with its file, line or cell and
column, and warnings about values that are valid but probably wrong: a value
that moved more than --threshold against an older table (--against), migrant
youth above all youth, youth or SGB recipients above all residents (with a
column "Einwohner"), unit names that differ only in case, spaces or letters
that look alike ("Bezirksstelle lV" and "Bezirksstelle IV"), rows hidden in
Excel, units in one table but not another. Notes say what check recognised
in a table: a total row at its end, left out of the data.

check refuses what allocate refuses, with the same settings (--config,
--weights, --inverse, --indicator-share, the config's columns): a weighted
column that is missing, a table of spending whose units differ from the
indicator table's, a spending column missing while the indicator share is
below 1, data the model rejects (a weighted column that sums to 0, say).
Without FILE, check reads --data and --spending, or the config's data
and spending, with their sheets, as allocate does.`,
		Example: `  raumbudget check indikatoren.xlsx
  raumbudget check indikatoren-2026.csv mittelabfluss.csv --against indikatoren-2025.csv
  raumbudget check indikatoren.xlsx -o json
  raumbudget check --config raumbudget.yaml
  raumbudget check --data indikatoren.xlsx --spending mittelabfluss.csv --weights youth_0_18=0.5,sgb_recipients=0.5`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := readCheckOptions(c, args)
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(checkRun(c, opts))
		},
	}
	f := c.Flags()
	f.String("data", "", "the indicator table, as allocate's --data (instead of FILE)")
	f.String("spending", "", "the spending table, as allocate's --spending (with --data)")
	f.String("sheet", "", "check only this sheet of each workbook (with --spending-sheet where it has one)")
	f.String("spending-sheet", "", "the sheet of the spending, as allocate's --spending-sheet")
	f.String("against", "", "an older table to compare the values with")
	f.String("threshold", "20%", "warn when a value moved more than this against --against")
	f.String("config", "", "allocate's YAML config file: its columns, weights and (without FILE) tables")
	f.String("indicator-share", "0.6", "share α of the budget split by indicators; below 1 the spending must be there")
	addFormulaFlags(c)
	addOutputFlags(c, []string{"table", "markdown", "json"})
	c.SetUsageTemplate(c.UsageTemplate() + checkStatusHelp)
	return c
}

func readCheckOptions(c *cobra.Command, files []string) (*checkOptions, error) {
	extra := []string{"columns", "budget", "demo", "report-date"}
	s, err := newSettings(c, extra, []string{"data", "spending"})
	if err != nil {
		return nil, err
	}
	ignoreConfigOutput(s)
	opts := &checkOptions{Options: check.Options{Files: files, Sheet: s.v.GetString("sheet"),
		SpendingSheet: s.v.GetString("spending-sheet"), Against: s.v.GetString("against")}}
	switch {
	case len(files) > 0 && (c.Flags().Changed("data") || c.Flags().Changed("spending")):
		return nil, usagef("name the tables as FILE... or with --data and --spending, not both")
	case len(files) == 0:
		if opts.Files, opts.FileSheets, err = configTables(s); err != nil {
			return nil, err
		}
	}
	if opts.Threshold, err = parseShare(s.v.GetString("threshold")); err != nil {
		return nil, usagef("%s: %v", s.where("threshold"), err)
	}
	if opts.Headings, err = readHeadings(s); err != nil {
		return nil, err
	}
	if opts.Formula, err = readFormulaOptions(s, opts.Headings); err != nil {
		return nil, err
	}
	if opts.Share, err = readShareSetting(s, "indicator-share"); err != nil {
		return nil, err
	}
	if text := s.v.GetString("budget"); text != "" {
		if _, err := parseEuros(text); err != nil {
			return nil, usagef("%s: %v", s.where("budget"), err)
		}
	}
	opts.Keys = indicatorOrder(opts.Formula.Weights)
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

// allocationOutputKeys say where allocate writes its result. In a config
// they are allocate's: check, reading the same config, writes its report
// as its own command line says, never over the allocation's file.
var allocationOutputKeys = []string{"output", "out", "force"}

func ignoreConfigOutput(s *settings) {
	for _, key := range allocationOutputKeys {
		if s.fromConfig(key) {
			s.v.Set(key, s.cmd.Flags().Lookup(key).DefValue)
		}
	}
}

// configTables are the tables allocate would read with these settings
// (flags, environment or config), the data and the spending, with the
// sheets it would read of each.
func configTables(s *settings) ([]string, map[string][]string, error) {
	data, spending := s.v.GetString("data"), s.v.GetString("spending")
	sheet, spendingSheet := s.v.GetString("sheet"), s.v.GetString("spending-sheet")
	if data == "" {
		return nil, nil, usagef("name the tables to check (check FILE...), or give --data or a config with data")
	}
	if spendingSheet != "" && spending == "" {
		spending = data // as allocate reads it: a sheet of the data workbook
	}
	sheets := map[string][]string{data: nonEmpty(sheet)}
	switch {
	case spending == "":
		return []string{data}, sheets, nil
	case spending == data:
		if sheet != "" {
			sheets[data] = nonEmpty(sheet, spendingSheet)
		}
		return []string{data}, sheets, nil
	}
	sheets[spending] = nonEmpty(spendingSheet)
	return []string{data, spending}, sheets, nil
}

func nonEmpty(names ...string) []string {
	return slices.DeleteFunc(names, func(n string) bool { return n == "" })
}

// checkRun checks the tables and prints what was found. The model's
// refusal is allocate's: check is given it as a function, so that it
// refuses what allocate refuses in the same words.
func checkRun(c *cobra.Command, opts *checkOptions) error {
	in := opts.Options
	in.Model = func(t *indicators.Table) error {
		_, err := allocate.Run(modelInput(t, 0, opts.Share, opts.Formula))
		return placeModelError(err, t)
	}
	in.ReadFile = readTableFile
	res, err := check.Run(in)
	if err != nil {
		return inputFileError(err)
	}
	var buf bytes.Buffer
	if err := (&report.Check{Result: res}).Write(&buf, opts.Output.Format, opts.Output.Lang); err != nil {
		return err
	}
	if err := opts.Output.write(c.OutOrStdout(), buf.Bytes(), append(slices.Clone(opts.Files), opts.Against)...); err != nil {
		return err
	}
	return checkStatus(res)
}

// checkStatus turns the counts into the exit status: 2 with errors, 3 with
// warnings only.
func checkStatus(res *check.Result) error {
	errs, warns := res.Counts()
	switch {
	case errs > 0:
		return statusf(exitUsage, "errors: %s, warnings: %s", msg.Int(errs), msg.Int(warns))
	case warns > 0:
		return statusf(exitWarnings, "warnings: %s", msg.Int(warns))
	}
	return nil
}
