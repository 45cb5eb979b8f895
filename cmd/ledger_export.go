package cmd

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/report"
)

func newLedgerExportCmd() *cobra.Command {
	c := ledgerSub("export", "Write every booking as JSON and CSV and every stored input file into a folder", cobra.NoArgs, nil,
		func(c *cobra.Command, s *settings, _ []string) error {
			dir := s.v.GetString("out")
			if dir == "" {
				return usagef("--out DIR is required: the folder to write into")
			}
			lang, err := report.LangFor(s.v.GetString("lang"))
			if err != nil {
				return usagef("%s: %v", s.where("lang"), err)
			}
			l, bookings, err := readLedger(s)
			if err != nil {
				return err
			}
			defer l.Close()
			if err := exportLedger(l, bookings, dir, lang); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), msg.New("%s bookings written to %s", msg.Int(len(bookings)), dir).In(messageLang(c)))
			return nil
		})
	c.Flags().String("out", "", "folder to write into; it must not exist or be empty")
	c.Flags().String("lang", "de", "language of the CSV files: de or en")
	return c
}

// exportLedger writes the ledger into a new folder next to dir and
// renames it into place, so that dir is either complete or not there:
// bookings.json and bookings.csv (the list), QUARTER-rREVISION.json and
// .csv for each booking, and inputs/SHA256-NAME for each stored file.
func exportLedger(l *ledger.Ledger, bookings []ledger.Booking, dir string, lang *report.Lang) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return usagef("--out %s is not empty: choose a new folder", dir)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".*.tmp")
	if err != nil {
		return msg.Errorf("cannot write %s: %v", dir, cause(err))
	}
	defer os.RemoveAll(tmp)
	if err := writeExport(l, bookings, tmp, lang); err != nil {
		return err
	}
	os.Remove(dir) // an empty folder gives way
	if err := os.Rename(tmp, dir); err != nil {
		return msg.Errorf("cannot write %s: %v", dir, cause(err))
	}
	return nil
}

func writeExport(l *ledger.Ledger, bookings []ledger.Booking, dir string, lang *report.Lang) error {
	active := ledger.Active(bookings)
	for _, f := range []string{"json", "csv"} {
		data, err := listOutput(bookings, outputOptions{Format: f, Lang: lang})
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "bookings."+f), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "inputs"), 0o755); err != nil {
		return err
	}
	written := map[string]bool{}
	for i := range bookings {
		b := &bookings[i]
		p, err := storedPlanOptions(b)
		if err != nil {
			return err
		}
		base := filepath.Join(dir, fmt.Sprintf("%s-r%d", b.Period, b.Revision))
		for _, f := range []string{"json", "csv"} {
			data, err := bookingOutput(b, bookedBefore(bookings, i, b.Period), active[i], p, outputOptions{Format: f, Lang: lang})
			if err != nil {
				return err
			}
			if err := os.WriteFile(base+"."+f, data, 0o644); err != nil {
				return err
			}
		}
		for _, in := range b.Inputs {
			name := in.SHA256[:16] + "-" + filepath.Base(in.Name)
			if written[name] {
				continue
			}
			content, err := l.Content(context.Background(), in.SHA256)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "inputs", name), content, 0o644); err != nil {
				return err
			}
			written[name] = true
		}
	}
	return nil
}
