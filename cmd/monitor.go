package cmd

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/internal/progress"
	"github.com/raumbudget/raumbudget/monitor"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/workbook"
)

func newMonitorCmd(runF func(*monitorOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "monitor YEAR [--soll PLAN] [--ist FILE...]",
		Short: "Compare actual spending (Ist) with the plan (Soll) and project the year's end",
		Long: `Compare what each district office spent (Ist) with what the plan gives it (Soll):
Soll and Ist to the reporting month, the projection to the year's end (linear,
or seasonal from earlier complete years), the deviation from the year's Soll in
euros and percent, and a status: green within the Soll, yellow up to the
tolerance above it, red beyond. With case numbers (Fälle), the change against
the same months of the year before is split into a case and a cost effect.`,
		Example: `  raumbudget monitor 2026 --soll plan-2026.csv --ist buchungen-2026.csv
  raumbudget monitor 2026 --soll plan-2026.xlsx --ist ist-2025.xlsx --ist ist-2026.xlsx --as-of 2026-04
  raumbudget monitor 2026 --config raumbudget.yaml --soll plan.json --ist export/*.csv -o xlsx --out soll-ist.xlsx`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := readMonitorOptions(c, args)
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(monitorRun(c, opts))
		},
	}
	f := c.Flags()
	f.String("config", "", "YAML config file; its keys are the flag names, and cost-centers maps Kostenstellen to district offices")
	f.String("soll", "", "the plan: CSV, JSON or xlsx output of plan that covers the year (default: the ledger)")
	addLedgerFlag(c)
	f.StringArray("ist", nil, "actual spending: CSV or xlsx, one or more (also as further arguments; default: the Ist imported into the ledger)")
	f.String("as-of", "", "reporting month, e.g. 2026-04 (default: the last month with Ist data in YEAR)")
	f.String("method", "", "projection: linear or seasonal (default: seasonal where an earlier complete year of Ist exists)")
	f.String("tolerance", "5%", "how far the projection may exceed the year's Soll while the status is yellow")
	f.Bool("strict", false, "refuse Ist rows outside YEAR and the complete earlier years")
	addOutputFlags(c, reportFormats)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readMonitorOptions(c *cobra.Command, args []string) (*monitorOptions, error) {
	s, err := newSettings(c, monitorExtraKeys(), []string{"soll", "ist", "out"})
	if err != nil {
		return nil, err
	}
	opts := &monitorOptions{Soll: s.v.GetString("soll"), Ist: append(s.list("ist"), args[1:]...),
		Config: s.v.GetString("config")}
	if c.Flags().Changed("ledger") { // else the plan's settings find it, as plan does
		opts.Ledger = s.v.GetString("ledger")
	}
	if opts.Year, err = strconv.Atoi(args[0]); err != nil || opts.Year < 1 || opts.Year > 9999 {
		return nil, usagef("YEAR: %q is not a year like 2026", args[0])
	}
	opts.istLedger = ledgerDSN(s)
	if err := opts.readSettings(s); err != nil {
		return nil, err
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

func (o *monitorOptions) readSettings(s *settings) error {
	o.stderr = s.cmd.ErrOrStderr()
	var err error
	if o.AsOf, err = readAsOf(s, o.Year); err != nil {
		return err
	}
	if o.Method, err = readMethod(s); err != nil {
		return err
	}
	if o.Tolerance, err = parseShare(s.v.GetString("tolerance")); err != nil || o.Tolerance.Sign() < 0 {
		return usagef("%s: %q is not a share like 5%%", s.where("tolerance"), s.v.GetString("tolerance"))
	}
	if o.Strict, err = s.boolean("strict"); err != nil {
		return err
	}
	o.CostCenters, err = readCostCenters(s)
	return err
}

func readMethod(s *settings) (monitor.Method, error) {
	switch text := s.v.GetString("method"); text {
	case "":
		return monitor.Auto, nil
	case "linear":
		return monitor.Linear, nil
	case "seasonal", "saisonal":
		return monitor.Seasonal, nil
	default:
		return 0, usagef("%s: unknown method %q (use linear or seasonal)", s.where("method"), text)
	}
}

func monitorRun(c *cobra.Command, opts *monitorOptions) error {
	res, err := runMonitor(opts)
	if err != nil {
		return err
	}
	data, err := monitorOutput(res, opts, colourTerminal(c.OutOrStdout(), opts.Output))
	if err != nil {
		return err
	}
	return opts.Output.write(c.OutOrStdout(), data, append([]string{opts.Soll}, opts.Ist...)...)
}

func monitorOutput(res *monitor.Result, opts *monitorOptions, colour bool) ([]byte, error) {
	view := report.Monitor{Result: res, Soll: opts.Soll, Colour: colour}
	if opts.Soll == "" {
		view.Soll, view.Ledger = opts.ledgerName, true
	}
	if opts.Output.Format == "xlsx" {
		meta, err := reportMeta(opts.Output, nil, false, startDigests(append([]string{opts.Soll}, opts.Ist...)...))
		if err != nil {
			return nil, err
		}
		return workbook.Monitor(&view, meta)
	}
	var buf bytes.Buffer
	err := view.Write(&buf, opts.Output.Format, opts.Output.Lang)
	return buf.Bytes(), err
}

// colourTerminal says whether the status may be a coloured mark: a table
// on a terminal, unless NO_COLOR is set (https://no-color.org).
func colourTerminal(w io.Writer, o outputOptions) bool {
	f, ok := w.(*os.File)
	if !ok || o.Format != "table" || o.Out != "" || os.Getenv("NO_COLOR") != "" {
		return false
	}
	return progress.IsTerminal(f)
}
