package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/scenario"
	"github.com/raumbudget/raumbudget/workbook"
)

func newLedgerCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "ledger",
		Short: "Show, verify and export the booked quarters",
		Long: `The ledger keeps every booked quarter: what was paid, when, by whom, why, and
on which data. list shows the bookings, show one of them, verify recomputes
every booking from its stored inputs and checks the hash chain, export writes
everything an auditor needs into a folder.`,
	}
	c.AddCommand(newLedgerListCmd(), newLedgerShowCmd(), newLedgerVerifyCmd(), newLedgerExportCmd())
	return c
}

// --- list

func newLedgerListCmd() *cobra.Command {
	return ledgerSub("list", "List every booking in booking order", cobra.NoArgs, textFormats,
		func(c *cobra.Command, s *settings, _ []string) error {
			out, err := readOutputOptions(s)
			if err != nil {
				return err
			}
			l, bookings, err := readLedger(s)
			if err != nil {
				return err
			}
			defer l.Close()
			data, err := listOutput(bookings, out)
			if err != nil {
				return err
			}
			return out.write(c.OutOrStdout(), data)
		})
}

// --- show

func newLedgerShowCmd() *cobra.Command {
	c := ledgerSub("show QUARTER", "Show one booking (the active revision unless --revision)", cobra.ExactArgs(1), reportFormats,
		func(c *cobra.Command, s *settings, args []string) error {
			out, err := readOutputOptions(s)
			if err != nil {
				return err
			}
			q, err := scenario.ParsePeriod(args[0])
			if err != nil {
				return usagef("%v", err)
			}
			revision, err := strconv.Atoi(s.v.GetString("revision"))
			if err != nil || revision < 0 {
				return usagef("%s: %q is not a revision number", s.where("revision"), s.v.GetString("revision"))
			}
			l, bookings, err := readLedger(s)
			if err != nil {
				return err
			}
			defer l.Close()
			i, err := findBooking(bookings, q, revision)
			if err != nil {
				return err
			}
			b := &bookings[i]
			p, err := storedPlanOptions(b)
			if err != nil {
				return err
			}
			before := bookedBefore(bookings, i, q)
			var data []byte
			if out.Format == "xlsx" {
				data, err = bookingWorkbook(l, b, before, p, out)
			} else {
				data, err = bookingOutput(b, before, ledger.Active(bookings)[i], p, out)
			}
			if err != nil {
				return err
			}
			return out.write(c.OutOrStdout(), data)
		})
	c.Flags().Int("revision", 0, "revision to show (default: the active one)")
	return c
}

// findBooking is the index of quarter q's revision (0: the latest).
func findBooking(bookings []ledger.Booking, q scenario.Period, revision int) (int, error) {
	found := -1
	for i, b := range bookings {
		if b.Period == q && (revision == 0 || b.Revision == revision) {
			found = i
		}
	}
	if found < 0 && revision > 0 {
		return 0, usagef("%s has no revision %d in the ledger", q, revision)
	}
	if found < 0 {
		return 0, usagef("%s is not booked", q)
	}
	return found, nil
}

// --- verify

func newLedgerVerifyCmd() *cobra.Command {
	c := ledgerSub("verify", "Recompute every booking from its stored inputs and check the hash chain", cobra.NoArgs, nil,
		func(c *cobra.Command, s *settings, _ []string) error {
			l, bookings, err := readLedger(s)
			if err != nil {
				return err
			}
			defer l.Close()
			if err := l.IntegrityCheck(context.Background()); err != nil {
				return ledgerError(err)
			}
			problems := append(verifyLedger(l, bookings), verifyIst(l)...)
			w, lang := c.OutOrStdout(), messageLang(c)
			for _, p := range problems {
				fmt.Fprintln(w, p.In(lang))
			}
			if len(problems) > 0 {
				return statusf(exitError, "%s: %s differences: the ledger is not intact", l.Where(), msg.Int(len(problems)))
			}
			head := "-"
			if len(bookings) > 0 {
				head = bookings[len(bookings)-1].Hash
			}
			fmt.Fprintln(w, msg.New("intact: %s bookings, last hash %s", msg.Int(len(bookings)), head).In(lang))
			return nil
		})
	addMessageLangFlag(c)
	return c
}

// bookingWorkbook is the xlsx report of a booking. Its Indicators sheet
// recomputes the amounts from the inputs, so the booking is computed
// again from its stored files; a booking that does not come out the
// same is not reported but sent to verify.
func bookingWorkbook(l *ledger.Ledger, b, before *ledger.Booking, p *planOptions, out outputOptions) ([]byte, error) {
	files, err := storedFiles(l, b)
	if err != nil {
		return nil, msg.Errorf("%s: %v: run 'raumbudget ledger verify'", b.Ref(), err)
	}
	q, err := recompute(b, before, p, files)
	if err != nil {
		return nil, err
	}
	if diffs := compareBooking(b, q); len(diffs) > 0 {
		return nil, msg.Errorf("%s differs from its recomputation (%s): run 'raumbudget ledger verify'", b.Ref(), diffs[0])
	}
	meta := workbook.Meta{Version: version, Command: out.command, ReportDate: out.ReportDate, Lang: out.Lang, Headings: p.Data.Headings}
	var values map[string]any
	_ = json.Unmarshal([]byte(b.Settings), &values) // storedPlanOptions read it already
	for _, k := range sortedKeys(values) {
		meta.Settings = append(meta.Settings, [2]string{k, settingText(values[k])})
	}
	meta.Settings = append(meta.Settings, [2]string{"booking", fmt.Sprintf("%s, %s, %s, %s", b.Ref(), b.BookedAt.UTC().Format(time.RFC3339), b.BookedBy, b.Hash)})
	for _, in := range b.Inputs {
		meta.Inputs = append(meta.Inputs, workbook.Input{Name: in.Name, SHA256: in.SHA256})
	}
	return workbook.Plan(&scenario.Result{Quarters: []scenario.Quarter{*q}}, p.Plan.Corridor, meta)
}
