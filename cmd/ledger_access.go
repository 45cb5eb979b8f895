package cmd

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// newLedgerCSV starts CSV as the reports write it: German Excel's dialect
// (BOM, ';', CRLF) in German, plain CSV in English.
func newLedgerCSV(w io.Writer, lang *report.Lang) (*csv.Writer, error) {
	cw := csv.NewWriter(w)
	if lang == report.German {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
		cw.Comma, cw.UseCRLF = ';', true
	}
	return cw, nil
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
	s := &settings{cmd: bookSettings()}
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
	s := &settings{cmd: bookSettings(), v: viper.New(), config: cfg, noEnv: true}
	if err := s.v.BindPFlags(s.cmd.Flags()); err != nil {
		return nil, err
	}
	if err := s.v.MergeConfigMap(deepCopy(values).(map[string]any)); err != nil {
		return nil, err
	}
	return readBookingPlan(s)
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

// euros is an amount in a message: 1.234,56 in German.
func euros(c allocate.Cents) msg.Dec { return msg.Dec(c.String()) }

func addLedgerFlag(c *cobra.Command) {
	c.Flags().String("ledger", "", "the ledger: an SQLite file, or postgres://user@host/db (default: raumbudget.db next to the config file, or here)")
}

// bookExtraKeys are config keys book accepts without a flag: the plan's,
// and its start and quarters, which a config shared with plan holds and
// which book leaves to the quarter it is given.
var bookExtraKeys = append(slices.Clone(planExtraKeys), "start", "quarters")

// readBookingPlan reads the plan's settings for one quarter; start and
// quarters of a shared config do not apply.
func readBookingPlan(s *settings) (*planOptions, error) {
	s.v.Set("start", "")
	s.v.Set("quarters", "1")
	return readPlanSettings(s)
}

func loginName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return "unknown"
}

// ledgerDSN is where the ledger is: --ledger, RAUMBUDGET_LEDGER or the
// config's ledger (a file name there is relative to the config file),
// else raumbudget.db next to the config file or in the current folder.
// A scenario file's settings are its own, but where the ledger is is not
// a setting of the computation: RAUMBUDGET_LEDGER applies there too.
func ledgerDSN(s *settings) string {
	dsn := s.v.GetString("ledger")
	if env := os.Getenv(envPrefix + "_LEDGER"); s.noEnv && env != "" {
		return env
	}
	switch {
	case dsn == "" && s.config != nil:
		return filepath.Join(filepath.Dir(s.config.path), "raumbudget.db")
	case dsn == "":
		return "raumbudget.db"
	case s.fromConfig("ledger") && !ledger.IsPostgres(dsn) && !filepath.IsAbs(dsn):
		return filepath.Join(filepath.Dir(s.config.path), dsn)
	}
	return dsn
}

// openLedger opens the ledger; a ledger that cannot be used is bad input.
func openLedger(dsn string, create bool) (*ledger.Ledger, error) {
	l, err := ledger.Open(context.Background(), dsn, create)
	return l, ledgerError(err)
}

// ledgerError makes the ledger's refusals exit 2.
func ledgerError(err error) error {
	var le *ledger.Error
	if errors.As(err, &le) {
		return usagef("%v", err)
	}
	return err
}

// bookedBefore is the active booking, among the first n, of the quarter
// before q: the reference of q's corridor; nil when there is none.
func bookedBefore(bookings []ledger.Booking, n int, q scenario.Period) *ledger.Booking {
	prev := q.Add(-1)
	var found *ledger.Booking
	for i := range bookings[:n] {
		if bookings[i].Period == prev {
			found = &bookings[i]
		}
	}
	return found
}

// bookingFiles are a booking's input files, read once into memory so
// that what is computed is exactly what is stored.
type bookingFiles struct {
	Data, Spending, Previous *ledger.Input
}

// computeBooking computes quarter q as one period of the plan, from the
// files in memory: α by the calendar from ts, and the corridor's
// reference the booked amounts of before (the quarter before), or for a
// first booking the previous file at previousPath, which holds
// files.Previous. book and verify both come here.
func computeBooking(p *planOptions, files bookingFiles, q, ts scenario.Period, before *ledger.Booking, previousPath string) (*scenario.Quarter, error) {
	keys := indicatorOrder(p.Formula.Weights)
	plan := p.Plan
	plan.Start, plan.Quarters, plan.TransitionStart = q, 1, ts
	hasPrevious := before != nil || files.Previous != nil
	table, err := loadTableFrom(p.Data, keys, plan.NeedsSpending(hasPrevious), files)
	if err != nil {
		return nil, err
	}
	switch {
	case before != nil:
		plan.Previous, err = bookedAmounts(before, table)
	case files.Previous != nil:
		plan.Previous, err = previousAmounts(previousPath, p.PreviousPeriod, q, table)
	}
	if err != nil {
		return nil, err
	}
	res, err := scenario.Run(plan, modelInput(table, 0, nil, p.Formula))
	if err != nil {
		return nil, placeModelError(err, table)
	}
	return &res.Quarters[0], nil
}

// bookedAmounts lines the amounts of a booking up with the units of the
// data; both must name the same units.
func bookedAmounts(b *ledger.Booking, data *indicators.Table) ([]allocate.Cents, error) {
	byName := map[string]allocate.Cents{}
	for _, u := range b.Units {
		byName[u.Name] = u.Amount
	}
	amounts := make([]allocate.Cents, len(data.Units))
	for u, unit := range data.Units {
		a, ok := byName[unit.Name]
		if !ok {
			return nil, data.ErrorAt(u, "unit", msg.New("unit %q is not in the booking of %s", unit.Name, b.Period))
		}
		amounts[u] = a
		delete(byName, unit.Name)
	}
	for _, u := range b.Units {
		if _, left := byName[u.Name]; left {
			return nil, usagef("%s: unit %q of the booking of %s is not in the data", data.File, u.Name, b.Period)
		}
	}
	return amounts, nil
}

// istFromLedger is the active revision of every month stored in the
// ledger at dsn.
func istFromLedger(dsn string) (*actuals.Ist, error) {
	if _, err := os.Stat(dsn); err != nil && !ledger.IsPostgres(dsn) {
		return nil, usagef("no --ist and no ledger at %s: give the Ist with --ist FILE, or import it with 'raumbudget ist import FILE'", dsn)
	}
	l, err := openLedger(dsn, false)
	if err != nil {
		return nil, err
	}
	defer l.Close()
	imports, err := l.IstImports(context.Background())
	if err != nil {
		return nil, ledgerError(err)
	}
	if len(imports) == 0 {
		return nil, usagef("%s holds no Ist: import it with 'raumbudget ist import FILE' or give --ist FILE", l.Where())
	}
	ist, active := actuals.New(), ledger.ActiveIst(imports)
	for i, imp := range imports {
		place := indicators.Error{File: fmt.Sprintf("%s (Ist import %d, %s)", l.Where(), imp.Seq, imp.File.Name)}
		for _, v := range imp.Sums {
			if !active[i][v.Month] {
				continue
			}
			m, err := actuals.ParseMonth(v.Month)
			if err != nil {
				return nil, ledgerError(msg.Errorf("%s: stored month %q: %v", l.Where(), v.Month, err))
			}
			ist.AddSum(actuals.Sum{Unit: v.Unit, Month: m, Cents: v.Cents, Cases: v.Cases, HasCases: v.HasCases}, place)
		}
	}
	return ist, nil
}

// verifyIst reads every Ist import again from its stored file and
// settings and compares the sums; each difference is one line naming the
// import.
func verifyIst(l *ledger.Ledger) []msg.Text {
	ctx := context.Background()
	imports, err := l.IstImports(ctx)
	if err != nil {
		return []msg.Text{msg.New("Ist imports: %v", err)}
	}
	var problems []msg.Text
	for _, imp := range imports {
		if p := verifyIstImport(ctx, l, imp); !p.IsZero() {
			problems = append(problems, msg.New("Ist import %d (%s): %s", imp.Seq, imp.File.Name, p))
		}
	}
	return problems
}

// loadTableFrom reads the indicator table with the spending joined in, as
// loadTable does, from the files' content.
func loadTableFrom(o dataOptions, keys []string, needSpending bool, files bookingFiles) (*indicators.Table, error) {
	schema := indicators.Schema{Indicators: keys, NeedSpending: needSpending && files.Spending == nil,
		AllowSpending: true, Headings: o.Headings}
	table, err := indicators.Read(bytes.NewReader(files.Data.Content), files.Data.Name, schema, indicators.Options{Sheet: o.Sheet})
	if err != nil || files.Spending == nil {
		return table, err
	}
	return table, joinSpending(table, bytes.NewReader(files.Spending.Content), files.Spending.Name, o)
}

func newBookingJSON(b *ledger.Booking, before *ledger.Booking, active bool) bookingJSON {
	return bookingJSON{PeriodJSON: report.PeriodOut(bookingQuarter(b, before)), RecordJSON: ledger.WholeRecord(b, active)}
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

type listJSON struct {
	Bookings []listEntryJSON `json:"bookings"`
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

// recomputeProblems computes the booking again from its settings and
// files and lists every difference to what is stored.
func recomputeProblems(b, before *ledger.Booking, files bookingFiles) []msg.Text {
	q, err := recomputeBooking(b, before, files)
	if err != nil {
		return []msg.Text{msg.New("%v", err)}
	}
	return compareBooking(b, q)
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

// bookingRef names a booking in a message: "2026-Q3 revision 2".
func bookingRef(b *ledger.Booking) msg.Text {
	return msg.New("%s revision %d", b.Period, b.Revision)
}

func verifyIstImport(ctx context.Context, l *ledger.Ledger, imp ledger.IstImport) msg.Text {
	content, err := l.Content(ctx, imp.File.SHA256)
	if err != nil {
		return msg.New("%v", err)
	}
	if ledger.NewInput("ist", imp.File.Name, content).SHA256 != imp.File.SHA256 {
		return msg.New("the stored file does not have its SHA-256")
	}
	var settings struct {
		CostCenters map[string]string `json:"cost-centers"`
	}
	if err := json.Unmarshal([]byte(imp.Settings), &settings); err != nil {
		return msg.New("its settings cannot be read: %v", err)
	}
	ist := actuals.New()
	if err := ist.Read(bytes.NewReader(content), imp.File.Name, actuals.Options{CostCenters: settings.CostCenters}); err != nil {
		return msg.New("the stored file cannot be read again: %v", err)
	}
	again := ist.Sums()
	if len(again) != len(imp.Sums) {
		return msg.New("%d sums stored, %d recomputed", len(imp.Sums), len(again))
	}
	for i, v := range again {
		s := imp.Sums[i]
		if s.Unit != v.Unit || s.Month != v.Month.String() || s.Cents != v.Cents || s.Cases != v.Cases || s.HasCases != v.HasCases {
			return msg.New("%s %s: %s stored, %s recomputed", s.Unit, s.Month, euros(allocate.Cents(s.Cents)), euros(allocate.Cents(v.Cents)))
		}
	}
	return msg.Text{}
}

// bookingJSON is the JSON of a booking (README, "Booking quarters"): the
// quarter as plan gives it, and how it was booked.
type bookingJSON struct {
	report.PeriodJSON
	ledger.RecordJSON
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

// addBookSettings adds book's settings to c: the plan's but --start and
// --quarters, who and why, and the output. The ledger commands read a
// booking's stored settings through them (bookSettings).
func addBookSettings(c *cobra.Command) {
	addDataFlags(c)
	addBookingPlanFlags(c)
	addFormulaFlags(c)
	addLedgerFlag(c)
	f := c.Flags()
	f.String("by", "", "who books (default: the login name)")
	f.String("reason", "", "why: the decision it rests on; required for a correction")
	f.Bool("correct", false, "book a new revision of the latest booked quarter")
	addOutputFlags(c, textFormats)
}

// bookSettings is a bare command with book's settings, to read them
// outside book.
func bookSettings() *cobra.Command {
	c := &cobra.Command{Use: "book"}
	addBookSettings(c)
	return c
}

// addBookingPlanFlags are plan's flags except --start and --quarters: a
// booking is the one quarter it names.
func addBookingPlanFlags(c *cobra.Command) {
	all := &cobra.Command{}
	addPlanFlags(all)
	all.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "start" && f.Name != "quarters" {
			c.Flags().AddFlag(f)
		}
	})
}
