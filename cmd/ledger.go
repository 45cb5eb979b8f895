package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/report"
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

// ledgerSub builds a ledger subcommand whose run gets its settings.
func ledgerSub(use, short string, args cobra.PositionalArgs, formats []string, run func(c *cobra.Command, s *settings, args []string) error) *cobra.Command {
	c := &cobra.Command{
		Use: use, Short: short, Args: args,
		RunE: func(c *cobra.Command, args []string) error {
			s, err := newSettings(c, bookConfigKeys(), []string{"out"})
			if err != nil {
				return &runError{err}
			}
			return wrapRun(run(c, s, args))
		},
	}
	addLedgerFlag(c)
	c.Flags().String("config", "", "YAML config file; its ledger key names the ledger")
	if formats != nil {
		addOutputFlags(c, formats)
	}
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

// bookConfigKeys are the keys of a config file for plan and book, which
// the ledger commands accept so that one config serves them all; they read
// only its ledger.
func bookConfigKeys() []string {
	s := &settings{cmd: newBookCmd()}
	return s.knownKeys(bookExtraKeys)
}

// readLedger opens the ledger the settings name, which must exist, and
// reads its bookings.
func readLedger(s *settings) (*ledger.Ledger, []ledger.Booking, error) {
	l, err := openLedger(ledgerDSN(s), false)
	if err != nil {
		return nil, nil, err
	}
	bookings, err := l.Bookings(context.Background())
	if err != nil {
		l.Close()
		return nil, nil, ledgerError(err)
	}
	return l, bookings, nil
}

// bookingJSON is the JSON of a booking (README, "Booking quarters"): the
// quarter as plan gives it, and how it was booked.
type bookingJSON struct {
	report.PeriodJSON
	ledger.RecordJSON
}

func newBookingJSON(b *ledger.Booking, before *ledger.Booking, active bool) bookingJSON {
	return bookingJSON{PeriodJSON: report.PeriodOut(bookingQuarter(b, before)), RecordJSON: ledger.WholeRecord(b, active)}
}

// bookingQuarter is a booking as a quarter of a plan; the change is
// against the booking of the quarter before, if there is one.
func bookingQuarter(b *ledger.Booking, before *ledger.Booking) scenario.Quarter {
	q := scenario.Quarter{Period: b.Period, IndicatorShare: b.IndicatorShare, Budget: b.Budget}
	previous := map[string]allocate.Cents{}
	if before != nil {
		for _, u := range before.Units {
			previous[u.Name] = u.Amount
		}
	}
	for _, u := range b.Units {
		uq := scenario.UnitQuarter{Name: u.Name, Amount: u.Amount, Target: u.Target, Share: u.Share, Held: heldOf(u.Held)}
		if a, ok := previous[u.Name]; ok {
			uq.Previous = &a
		}
		q.Units = append(q.Units, uq)
	}
	return q
}

func heldOf(s string) allocate.Held {
	switch s {
	case "floor":
		return allocate.Floor
	case "ceiling":
		return allocate.Ceiling
	}
	return allocate.NotHeld
}

// bookingOutput renders a booking: its JSON, or the quarter as plan shows
// it followed by what the ledger holds about it.
func bookingOutput(b, before *ledger.Booking, active bool, p *planOptions, out outputOptions) ([]byte, error) {
	var buf bytes.Buffer
	if out.Format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err := enc.Encode(newBookingJSON(b, before, active))
		return buf.Bytes(), err
	}
	q := bookingQuarter(b, before)
	q.Result = &allocate.Result{Budget: b.Budget, IndicatorShare: b.IndicatorShare}
	for _, key := range indicatorOrder(p.Formula.Weights) {
		q.Result.Indicators = append(q.Result.Indicators, allocate.Indicator{Key: key, Weight: p.Formula.Weights[key], Inverse: contains(p.Formula.Inverse, key)})
	}
	view := report.Plan{Result: &scenario.Result{Quarters: []scenario.Quarter{q}}, Corridor: p.Plan.Corridor,
		Headings: p.Data.Headings, TransitionStart: b.TransitionStart}
	if err := view.Write(&buf, out.Format, out.Lang); err != nil {
		return nil, err
	}
	if out.Format == "table" || out.Format == "markdown" {
		writeBookingFacts(&buf, b, active, out.Lang)
	}
	return buf.Bytes(), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// writeBookingFacts lists revision, time, author, reason, inputs and hash.
func writeBookingFacts(w io.Writer, b *ledger.Booking, active bool, lang *report.Lang) {
	t := ledgerWords(lang)
	state := t["inactive"]
	if active {
		state = t["active"]
	}
	fmt.Fprintf(w, "\n%s %s, %s %d (%s), %s, %s %s, %s %s\n", t["booked"], b.Period, t["revision"], b.Revision, state,
		b.BookedAt.UTC().Format(time.RFC3339), t["by"], b.BookedBy, t["transition_start"], b.TransitionStart)
	if b.Reason != "" {
		fmt.Fprintf(w, "%s: %s\n", t["reason"], b.Reason)
	}
	for _, in := range b.Inputs {
		fmt.Fprintf(w, "%s (%s): %s, %d bytes, SHA-256 %s\n", t["input"], in.Role, in.Name, in.Bytes, in.SHA256)
	}
	fmt.Fprintf(w, "hash %s\n", b.Hash)
}

// ledgerWords are the ledger's words in the output's language.
func ledgerWords(lang *report.Lang) map[string]string {
	if lang == report.English {
		return map[string]string{"booked": "booked", "revision": "revision", "active": "active", "inactive": "replaced",
			"by": "by", "transition_start": "transition start", "reason": "reason", "input": "input",
			"quarter": "quarter", "time": "booked at", "hash": "hash", "yes": "yes", "no": "no"}
	}
	return map[string]string{"booked": "gebucht", "revision": "Revision", "active": "aktiv", "inactive": "ersetzt",
		"by": "von", "transition_start": "Übergangsbeginn", "reason": "Grund", "input": "Eingabe",
		"quarter": "Quartal", "time": "gebucht am", "hash": "Hash", "yes": "ja", "no": "nein"}
}

// --- list

type listJSON struct {
	Bookings []listEntryJSON `json:"bookings"`
}

type listEntryJSON struct {
	Period         string  `json:"period"`
	Revision       int     `json:"revision"`
	Active         bool    `json:"active"`
	IndicatorShare float64 `json:"indicator_share"`
	Budget         string  `json:"budget"`
	BookedAt       string  `json:"booked_at"`
	BookedBy       string  `json:"booked_by"`
	Reason         string  `json:"reason"`
	Hash           string  `json:"hash"`
}

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

func listEntries(bookings []ledger.Booking) []listEntryJSON {
	active := ledger.Active(bookings)
	entries := []listEntryJSON{}
	for i, b := range bookings {
		alpha, _ := b.IndicatorShare.Float64()
		entries = append(entries, listEntryJSON{Period: b.Period.String(), Revision: b.Revision, Active: active[i],
			IndicatorShare: alpha, Budget: b.Budget.String(), BookedAt: b.BookedAt.UTC().Format(time.RFC3339),
			BookedBy: b.BookedBy, Reason: b.Reason, Hash: b.Hash})
	}
	return entries
}

func listOutput(bookings []ledger.Booking, out outputOptions) ([]byte, error) {
	var buf bytes.Buffer
	entries := listEntries(bookings)
	switch out.Format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err := enc.Encode(listJSON{Bookings: entries})
		return buf.Bytes(), err
	case "csv":
		cw, err := newLedgerCSV(&buf, out.Lang)
		if err != nil {
			return nil, err
		}
		_ = cw.Write([]string{"period", "revision", "active", "indicator_share", "budget", "booked_at", "booked_by", "reason", "hash"})
		for i, e := range entries {
			b := bookings[i]
			_ = cw.Write([]string{e.Period, strconv.Itoa(e.Revision), strconv.FormatBool(e.Active), out.Lang.Decimal(b.IndicatorShare, 4),
				out.Lang.PlainEuros(b.Budget), e.BookedAt, report.SafeText(e.BookedBy), report.SafeText(e.Reason), e.Hash})
		}
		cw.Flush()
		return buf.Bytes(), cw.Error()
	}
	t := ledgerWords(out.Lang)
	rows := [][]string{{t["quarter"], t["revision"], t["active"], out.Lang.Word("indicator_share"), out.Lang.Word("budget"), t["time"], t["by"], t["reason"], t["hash"]}}
	for i, e := range entries {
		b := bookings[i]
		yes := t["no"]
		if e.Active {
			yes = t["yes"]
		}
		rows = append(rows, []string{e.Period, strconv.Itoa(e.Revision), yes, out.Lang.Share(b.IndicatorShare),
			out.Lang.Euros(b.Budget), e.BookedAt, e.BookedBy, oneLine(e.Reason), e.Hash[:12]})
	}
	if out.Format == "markdown" {
		writeMarkdownRows(&buf, rows)
		return buf.Bytes(), nil
	}
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for _, row := range rows {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	err := tw.Flush()
	return buf.Bytes(), err
}

// writeMarkdownRows writes rows as a Markdown table, the first row the
// heading.
func writeMarkdownRows(w io.Writer, rows [][]string) {
	for i, row := range rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = strings.ReplaceAll(c, "|", "\\|")
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		if i == 0 {
			fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(row)))
		}
	}
}

// oneLine keeps a reason on its line of a table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
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

// storedPlanOptions reads a booking's stored settings as a config file
// of its own, without the environment, as book read them.
func storedPlanOptions(b *ledger.Booking) (*planOptions, error) {
	var values map[string]any
	if err := json.Unmarshal([]byte(b.Settings), &values); err != nil {
		return nil, msg.Errorf("%s: the stored settings cannot be read: %v", b.Ref(), err)
	}
	cfg := &configFile{path: "ledger " + b.Ref(), values: values, lines: map[string]int{}}
	for k := range values {
		cfg.lines[k] = 1
	}
	s := &settings{cmd: newBookCmd(), v: viper.New(), config: cfg, noEnv: true}
	if err := s.v.BindPFlags(s.cmd.Flags()); err != nil {
		return nil, err
	}
	if err := s.v.MergeConfigMap(deepCopy(values).(map[string]any)); err != nil {
		return nil, err
	}
	return readBookingPlan(s)
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

// verifyLedger checks each booking in order: its place, its link to the
// booking before, its hash, its input files, and its recomputation. Each
// problem is one line that starts with the quarter and revision.
func verifyLedger(l *ledger.Ledger, bookings []ledger.Booking) []msg.Text {
	var problems []msg.Text
	for i := range bookings {
		b := &bookings[i]
		say := func(problem any) {
			problems = append(problems, msg.New("%s: %s", bookingRef(b), problem))
		}
		previousHash := ""
		if i > 0 {
			previousHash = bookings[i-1].Hash
			if problem := placeAfter(b, &bookings[i-1]); !problem.IsZero() {
				say(problem)
			}
		}
		if b.PreviousHash != previousHash {
			say(msg.New("the previous hash %s does not match the hash of the booking before (%s): the chain is broken", b.PreviousHash, previousHash))
		}
		if h := ledger.ComputeHash(b); h != b.Hash {
			say(msg.New("stored hash %s, but the stored booking hashes to %s: it was changed after it was booked", b.Hash, h))
		}
		files, err := storedFiles(l, b)
		if err != nil {
			say(err)
			continue
		}
		for _, p := range recomputeProblems(b, bookedBefore(bookings, i, b.Period), files) {
			say(p)
		}
	}
	return problems
}

// placeAfter says what is wrong with b's place after the booking before.
func placeAfter(b, before *ledger.Booking) msg.Text {
	switch {
	case b.Period == before.Period.Add(1) && b.Revision == 1:
	case b.Period == before.Period && b.Revision == before.Revision+1:
	default:
		return msg.New("is out of order after %s", before.Ref())
	}
	if b.TransitionStart != before.TransitionStart {
		return msg.New("transition start %s differs from the ledger's %s", b.TransitionStart, before.TransitionStart)
	}
	return msg.Text{}
}

// storedFiles reads a booking's input files and checks each against its
// recorded SHA-256 and size.
func storedFiles(l *ledger.Ledger, b *ledger.Booking) (bookingFiles, error) {
	var f bookingFiles
	for _, in := range b.Inputs {
		content, err := l.Content(context.Background(), in.SHA256)
		if err != nil {
			return f, msg.Errorf("input %s: %v", in.Name, err)
		}
		got := ledger.NewInput(in.Role, in.Name, content)
		if got.SHA256 != in.SHA256 || got.Bytes != in.Bytes {
			return f, msg.Errorf("input %s (%s): the stored content has SHA-256 %s and %d bytes, the booking recorded %s and %d bytes: it was changed",
				in.Name, in.Role, got.SHA256, got.Bytes, in.SHA256, in.Bytes)
		}
		switch in.Role {
		case "data":
			f.Data = &got
		case "spending":
			f.Spending = &got
		case "previous":
			f.Previous = &got
		}
	}
	if f.Data == nil {
		return f, msg.Errorf("no data file is stored")
	}
	return f, nil
}

// recomputeProblems computes the booking again from its settings and
// files and lists every difference to what is stored.
func recomputeProblems(b, before *ledger.Booking, files bookingFiles) []msg.Text {
	q, err := recomputeBooking(b, before, files)
	if err != nil {
		return []msg.Text{msg.New("%v", err)}
	}
	return compareBooking(b, q)
}

// recomputeBooking computes the booking again from its stored settings
// and files, as verify and the yearly report do.
func recomputeBooking(b, before *ledger.Booking, files bookingFiles) (*scenario.Quarter, error) {
	p, err := storedPlanOptions(b)
	if err != nil {
		return nil, msg.Errorf("cannot be recomputed: %v", err)
	}
	q, err := recompute(b, before, p, files)
	if err != nil {
		return nil, msg.Errorf("cannot be recomputed: %v", err)
	}
	return q, nil
}

// recompute computes a booking again from its stored settings p and
// files; a stored previous file is read from a temporary copy.
func recompute(b, before *ledger.Booking, p *planOptions, files bookingFiles) (*scenario.Quarter, error) {
	previousPath := ""
	if files.Previous != nil {
		dir, err := os.MkdirTemp("", "raumbudget-verify-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		previousPath = filepath.Join(dir, filepath.Base(files.Previous.Name))
		if err := os.WriteFile(previousPath, files.Previous.Content, 0o600); err != nil {
			return nil, err
		}
	}
	return computeBooking(p, files, b.Period, b.TransitionStart, before, previousPath)
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

func compareBooking(b *ledger.Booking, q *scenario.Quarter) []msg.Text {
	var out []msg.Text
	if q.IndicatorShare.Cmp(b.IndicatorShare) != 0 {
		out = append(out, msg.New("indicator share %s stored, %s recomputed", b.IndicatorShare.RatString(), q.IndicatorShare.RatString()))
	}
	if q.Budget != b.Budget {
		out = append(out, msg.New("budget %s stored, %s recomputed", euros(b.Budget), euros(q.Budget)))
	}
	if len(q.Units) != len(b.Units) {
		return append(out, msg.New("%d units stored, %d recomputed", len(b.Units), len(q.Units)))
	}
	for i, u := range q.Units {
		s := b.Units[i]
		switch {
		case s.Name != u.Name:
			out = append(out, msg.New("unit %d is %q stored, %q recomputed", i+1, s.Name, u.Name))
		case s.Amount != u.Amount:
			out = append(out, msg.New("%s: amount %s stored, %s recomputed", s.Name, euros(s.Amount), euros(u.Amount)))
		case s.Target.Cmp(u.Target) != 0 || s.Share.Cmp(u.Share) != 0:
			out = append(out, msg.New("%s: shares differ from the recomputed ones", s.Name))
		case heldOf(s.Held) != u.Held:
			out = append(out, msg.New("%s: corridor mark %q stored, %q recomputed", s.Name, s.Held, u.Held.String()))
		}
	}
	return out
}

// bookingRef names a booking in a message: "2026-Q3 revision 2".
func bookingRef(b *ledger.Booking) msg.Text {
	return msg.New("%s revision %d", b.Period, b.Revision)
}

// euros is an amount in a message: 1.234,56 in German.
func euros(c allocate.Cents) msg.Dec { return msg.Dec(c.String()) }
