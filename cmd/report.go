package cmd

import (
	"bytes"
	"context"
	"math/big"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/internal/chrome"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/monitor"
	"github.com/raumbudget/raumbudget/scenario"
	"github.com/raumbudget/raumbudget/workbook"
	"github.com/raumbudget/raumbudget/yearly"
)

// yearlyFormats are the formats of the yearly report; md and markdown
// are the same.
var yearlyFormats = []string{"html", "pdf", "xlsx", "json", "md", "markdown"}

func newReportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "report YEAR",
		Short: "Write the yearly report for the committee from the ledger",
		Long: `Write the yearly report of the booked quarters: every booked quarter of YEAR
with α, budget and each district office's amount, each office's year total
and its change against the year before, Soll against Ist and the projection
from the Ist files given (--ist) or else the Ist stored by ist import, each office's
change from the first to the last booked quarter split as explain splits it,
the indicator data used and the audit trail with ledger verify's verdict.
-o html is one self-contained file that prints on A4; -o pdf prints it with
headless Chromium.`,
		Example: `  raumbudget report 2026 --config raumbudget.yaml --out jahresbericht-2026.html
  raumbudget report 2026 --ledger raumbudget.db -o pdf --out jahresbericht-2026.pdf
  raumbudget report 2026 --config raumbudget.yaml --ist buchungen-2026.csv -o json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			s, err := newSettings(c, append(bookConfigKeys(), "cost-centers"), []string{"out", "ist"})
			if err != nil {
				return &runError{err}
			}
			return wrapRun(reportRun(c, s, args[0]))
		},
	}
	addLedgerFlag(c)
	f := c.Flags()
	f.String("config", "", "YAML config file; its ledger key names the ledger")
	f.StringArray("ist", nil, "actual spending (CSV or xlsx) for Soll against Ist")
	f.String("as-of", "", "reporting month of the Ist, e.g. 2026-09 (default: the last month with Ist)")
	addOutputFlags(c, yearlyFormats)
	f.Lookup("output").DefValue = "html"
	_ = f.Set("output", "html")
	f.Lookup("output").Changed = false
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func reportRun(c *cobra.Command, s *settings, yearText string) error {
	year, err := strconv.Atoi(yearText)
	if err != nil || year < 1 || year > 9999 {
		return usagef("YEAR: %q is not a year like 2026", yearText)
	}
	out, err := readOutputOptions(s)
	if err != nil {
		return err
	}
	if out.Format == "pdf" && chrome.Path() == "" {
		return usagef("-o pdf needs Chromium, which is not installed: install it with %s, or write -o html and print that", "apt-get install chromium")
	}
	r, err := yearlyReport(s, year)
	if err != nil {
		return err
	}
	data, err := yearlyOutput(r, out)
	if err != nil {
		return err
	}
	return out.write(c.OutOrStdout(), data, s.list("ist")...)
}

// yearlyReport reads the ledger, verifies it, recomputes the year's first
// and last booked quarter, reads the Ist if given, and builds the report.
func yearlyReport(s *settings, year int) (*yearly.Report, error) {
	l, bookings, err := readLedger(s)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	in := yearly.Input{Year: year, Bookings: bookings}
	if err := l.IntegrityCheck(context.Background()); err != nil {
		return nil, ledgerError(err)
	}
	lang := messageLang(s.cmd)
	for _, p := range verifyLedger(l, bookings) {
		in.Problems = append(in.Problems, p.In(lang))
	}
	if in.First, in.Last, in.Headings, err = firstAndLast(l, bookings, year); err != nil {
		return nil, err
	}
	ist := s.list("ist")
	stored, err := l.IstImports(context.Background())
	if err != nil {
		return nil, ledgerError(err)
	}
	if len(ist) > 0 || len(stored) > 0 {
		if in.Monitor, err = yearlyMonitor(s, bookings, year, ist, ledgerDSN(s)); err != nil {
			return nil, err
		}
	}
	return yearly.Build(in)
}

// firstAndLast recomputes the first and the last active booking of the
// year from their stored inputs, for the split of the change.
func firstAndLast(l *ledger.Ledger, bookings []ledger.Booking, year int) (first, last *scenario.Quarter, headings map[string]string, err error) {
	active := ledger.Active(bookings)
	var idx []int
	for i, b := range bookings {
		if active[i] && b.Period.Year == year {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil, nil, nil, usagef("%s: no quarter of %d is booked", l.Where(), year)
	}
	quarters := make([]*scenario.Quarter, 2)
	for k, i := range []int{idx[0], idx[len(idx)-1]} {
		b := &bookings[i]
		files, err := storedFiles(l, b)
		if err != nil {
			return nil, nil, nil, usagef("%s: %s: %v", l.Where(), b.Ref(), err)
		}
		if quarters[k], err = recomputeBooking(b, bookedBefore(bookings, i, b.Period), files); err != nil {
			return nil, nil, nil, usagef("%s: %s: %v", l.Where(), b.Ref(), err)
		}
		p, err := storedPlanOptions(b)
		if err != nil {
			return nil, nil, nil, err
		}
		headings = p.Data.Headings
	}
	return quarters[0], quarters[1], headings, nil
}

// yearlyMonitor is monitor's computation with the Soll of the booked
// quarters; a quarter not booked has no Soll (0, marked as planned). The
// Ist comes from the files ist, or without them from the ledger's Ist
// imports (dsn).
func yearlyMonitor(s *settings, bookings []ledger.Booking, year int, ist []string, dsn string) (*monitor.Result, error) {
	opts := &monitorOptions{Year: year, Soll: "ledger", Ist: ist, istLedger: dsn, Method: monitor.Auto, Tolerance: big.NewRat(1, 20)}
	var err error
	if opts.AsOf, err = readAsOf(s, year); err != nil {
		return nil, err
	}
	if opts.CostCenters, err = readCostCenters(s); err != nil {
		return nil, err
	}
	soll := &actuals.Soll{File: "of the ledger", Year: year, Quarters: map[string]*[4]int64{}}
	booked := [4]bool{}
	for i, b := range bookings {
		if !ledger.Active(bookings)[i] || b.Period.Year != year {
			continue
		}
		booked[b.Period.Quarter-1] = true
		for _, u := range b.Units {
			if soll.Quarters[u.Name] == nil {
				soll.Units = append(soll.Units, u.Name)
				soll.Quarters[u.Name] = &[4]int64{}
			}
			soll.Quarters[u.Name][b.Period.Quarter-1] = int64(u.Amount)
		}
	}
	istData, err := readIst(opts)
	if err != nil {
		return nil, err
	}
	if err := checkIst(istData, soll, opts); err != nil {
		return nil, err
	}
	in, err := monitorInput(soll, istData, opts)
	if err != nil {
		return nil, err
	}
	for k := range in.Units {
		for q := range 4 {
			in.Units[k].Planned[q] = !booked[q]
		}
	}
	res, err := monitor.Run(in)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return res, nil
}

func yearlyOutput(r *yearly.Report, out outputOptions) ([]byte, error) {
	var buf bytes.Buffer
	view := yearly.View{Report: r, Lang: out.Lang, ReportDate: out.ReportDate, Version: version}
	switch out.Format {
	case "json":
		err := r.WriteJSON(&buf)
		return buf.Bytes(), err
	case "md", "markdown":
		err := view.WriteMarkdown(&buf)
		return buf.Bytes(), err
	case "xlsx":
		meta, err := reportMeta(out, r.Headings, false, startDigests())
		if err != nil {
			return nil, err
		}
		return workbook.Yearly(&view, meta)
	}
	if err := view.WriteHTML(&buf); err != nil {
		return nil, err
	}
	if out.Format == "pdf" {
		return chrome.PrintPDF(context.Background(), buf.Bytes())
	}
	return buf.Bytes(), nil
}
