package cmd

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math/big"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/vocab"
)

// dataOptions say where the indicator and spending tables come from.
type dataOptions struct {
	Data          string
	Spending      string
	Sheet         string
	SpendingSheet string
	Demo          bool
	Headings      map[string]string // extra heading → indicator key, from the config's columns
	Warn          *tableWarnings    // where warnings about the tables go; nil: standard error
	Tables        *tableCache       // the tables read before in this run; nil: read every time
}

// formulaOptions are the model's weights.
type formulaOptions struct {
	Weights map[string]*big.Rat
	Inverse []string
}

func addDataFlags(c *cobra.Command) {
	f := c.Flags()
	f.String("data", "", "indicator table: CSV (';' with decimal comma, or ',' with decimal point) or .xlsx")
	f.String("spending", "", "prior-year spending in a second table, joined on the unit name")
	f.String("sheet", "", "sheet of the --data workbook (default: the first)")
	f.String("spending-sheet", "", "sheet of the --spending workbook (default: the first); without --spending, a sheet of the --data workbook")
	f.Bool("demo", false, "use the built-in sample data (illustrative, not official)")
	f.String("config", "", "YAML config file; its keys are the flag names")
}

func addFormulaFlags(c *cobra.Command) {
	f := c.Flags()
	f.String("weights", "", "indicator weights summing to 1, e.g. youth_0_18=0.4,sgb_recipients=0.6 (default 0.25 each of the four)")
	f.StringSlice("inverse", nil, "indicator where more means less need (repeatable)")
}

func readDataOptions(s *settings) (dataOptions, error) {
	o := dataOptions{Data: s.v.GetString("data"), Spending: s.v.GetString("spending"),
		Sheet: s.v.GetString("sheet"), SpendingSheet: s.v.GetString("spending-sheet"),
		Warn: newTableWarnings(s.cmd.ErrOrStderr())}
	var err error
	if o.Demo, err = s.boolean("demo"); err != nil {
		return o, err
	}
	if o.Headings, err = readHeadings(s); err != nil {
		return o, err
	}
	if o.SpendingSheet != "" && o.Spending == "" {
		o.Spending = o.Data // the spending on another sheet of the same workbook
	}
	switch {
	case o.Demo && (o.Data != "" || o.Spending != ""):
		return o, usagef("--demo uses the built-in data: leave out --data and --spending")
	case !o.Demo && o.Data == "":
		return o, usagef("--data is required (or --demo for the built-in sample data)")
	}
	return o, checkSheetSettings(s, o)
}

// readHeadings reads the config's columns: {heading: indicator key}.
func readHeadings(s *settings) (map[string]string, error) {
	headings := map[string]string{}
	switch raw := s.raw("columns").(type) {
	case nil:
	case map[string]any:
		for heading, key := range raw {
			headings[heading] = fmt.Sprint(key)
		}
	default:
		return nil, usagef("%s: expected a map like {Kinder unter 18: youth_0_18}", s.where("columns"))
	}
	return headings, nil
}

func readFormulaOptions(s *settings, headings map[string]string) (formulaOptions, error) {
	var o formulaOptions
	var err error
	if o.Weights, err = readWeights(s, headings); err != nil {
		return o, err
	}
	o.Inverse = s.list("inverse")
	for _, key := range o.Inverse {
		if _, ok := o.Weights[key]; !ok {
			return o, usagef("%s: %q is not among the weighted indicators %v", s.where("inverse"), key, indicatorOrder(o.Weights))
		}
	}
	return o, checkColumnTargets(s, headings, o.Weights)
}

// columnTargets are the keys a heading may be mapped to besides the
// weighted indicators.
var columnTargets = []string{"unit", "area", allocate.SpendingKey}

// checkColumnTargets refuses a heading mapped to a key that no column is
// read for: a misspelt key would leave the column unread without a word.
func checkColumnTargets(s *settings, headings map[string]string, weights map[string]*big.Rat) error {
	for heading, key := range headings {
		if _, weighted := weights[key]; weighted || slices.Contains(columnTargets, key) {
			continue
		}
		known := append(indicatorOrder(weights), columnTargets...)
		place := s.lineOf("columns." + heading)
		if place == "" {
			place = s.where("columns")
		}
		return usagef("%s: columns: %q maps to %q, which is no weighted indicator nor one of %s%s",
			place, heading, key, strings.Join(columnTargets, ", "), didYouMean(key, known, "%q"))
	}
	return nil
}

// readWeights reads the weights or gives the default, checks that each
// names a known indicator and that they sum to 1.
func readWeights(s *settings, headings map[string]string) (map[string]*big.Rat, error) {
	raw := s.raw("weights")
	if raw == nil || raw == "" {
		return vocab.DefaultWeights(), nil
	}
	given, err := parseWeights(raw)
	if err != nil {
		return nil, usagef("%s: %v", s.where("weights"), err)
	}
	known := slices.Clone(defaultIndicators)
	for _, key := range headings {
		known = append(known, key)
	}
	weights := map[string]*big.Rat{}
	named := map[string]string{} // indicator key → the name it was given by
	sum := new(big.Rat)
	for _, name := range slices.Sorted(maps.Keys(given)) {
		key, w := weightKey(name, headings, known), given[name]
		if !slices.Contains(known, key) {
			return nil, usagef("%s: unknown indicator %q (known: %v; map other headings under 'columns' in the config)", whereNested(s, "weights", name), name, known)
		}
		if other, dup := named[key]; dup {
			return nil, usagef("%s: %q and %q both name %s", s.where("weights"), other, name, key)
		}
		if w.Sign() < 0 {
			return nil, usagef("%s: %s is below 0", whereNested(s, "weights", name), name)
		}
		weights[key], named[key] = w, name
		sum.Add(sum, w)
	}
	if sum.Cmp(big.NewRat(1, 1)) != 0 {
		hint := ""
		if sum.Cmp(big.NewRat(100, 1)) == 0 {
			hint = "; did you mean percent (e.g. 25%)?"
		}
		return nil, usagef("%s: weights sum to %s, not 1%s", s.where("weights"), sumText(sum), hint)
	}
	return weights, nil
}

// weightKey is the indicator a weight's name stands for: an indicator
// key, a German heading ("SGB II/XII") or a heading of the config's
// columns, matched as the table reader matches headings. A name that is
// none of these is returned as given, for the message.
func weightKey(name string, headings map[string]string, known []string) string {
	if slices.Contains(known, name) {
		return name
	}
	// A key is written exactly: "youth_018" is a typo, not a heading.
	key, ok := indicators.IndicatorKey(name, headings)
	if ok && slices.Contains(known, key) && indicators.NormHeading(name) != indicators.NormHeading(key) {
		return key
	}
	return name
}

// percentHint suggests a percentage for a share from 2 to 100 written
// without one ("70" → "; did you mean 70%?"): shares are often given in
// percent. Below 2 the slip is as likely a misplaced point (1.2).
func percentHint(text string, x *big.Rat) string {
	if strings.Contains(text, "%") || x.Cmp(big.NewRat(2, 1)) < 0 || x.Cmp(big.NewRat(100, 1)) > 0 {
		return ""
	}
	return fmt.Sprintf("; did you mean %s%%?", strings.TrimSpace(text))
}

// whereNested names the config line of parent.key when the setting came
// from the config file, else the flag.
func whereNested(s *settings, parent, key string) string {
	if place := s.lineOf(parent + "." + key); place != "" && s.where(parent) != "--"+parent {
		return place + ": " + parent
	}
	return s.where(parent)
}

// loadTable reads the indicator table with the spending joined in, and
// warns about look-alike unit names. A missing column's error lists the
// headings found and the one probably meant.
func loadTable(o dataOptions, keys []string, needSpending bool) (*indicators.Table, error) {
	t, err := readTables(o, keys, needSpending)
	if err != nil {
		return t, indicators.HeadingHint(err)
	}
	o.Warn.table(t)
	return t, nil
}

func readTables(o dataOptions, keys []string, needSpending bool) (*indicators.Table, error) {
	schema := indicators.Schema{Indicators: keys, NeedSpending: needSpending && o.Spending == "" && !o.Demo,
		AllowSpending: true, Headings: o.Headings}
	opt := indicators.Options{Sheet: o.Sheet}
	if o.Demo {
		table, err := indicators.Read(demo.Indicators(), demo.IndicatorsName, schema, opt)
		if err != nil {
			return nil, err
		}
		return table, joinSpending(table, demo.Spending(), demo.SpendingName, o)
	}
	table, err := o.Tables.read(o.Data, schema, opt)
	if err == nil {
		o.Warn.reader(table)
	}
	if err != nil || o.Spending == "" {
		return table, inputFileError(err)
	}
	f, err := os.Open(o.Spending)
	if err != nil {
		return nil, usagef("%s: cannot open: %v", o.Spending, cause(err))
	}
	defer f.Close()
	var stderr io.Writer = os.Stderr
	if o.Warn != nil {
		stderr = o.Warn.w
	}
	w, terminal := progressOn(stderr)
	r, done := withProgress(w, terminal, f, o.Spending)
	defer done()
	return table, joinSpending(table, r, o.Spending, o)
}

// joinSpending reads the spending table and joins it into table.
func joinSpending(table *indicators.Table, r io.ReadSeeker, name string, o dataOptions) error {
	schema := indicators.Schema{NeedSpending: true, Headings: o.Headings}
	sp, err := indicators.Read(r, name, schema, indicators.Options{Sheet: o.SpendingSheet})
	if err != nil {
		return err
	}
	o.Warn.reader(sp)
	return indicators.JoinSpending(table, sp)
}

// inputFileError makes a missing or unreadable input file a usage error.
func inputFileError(err error) error {
	var pathErr *os.PathError
	if errors.As(err, &pathErr) {
		return usagef("%v", err)
	}
	return err
}

// readShareSetting reads a share in [0, 1] such as --indicator-share.
func readShareSetting(s *settings, key string) (*big.Rat, error) {
	x, err := parseShare(s.v.GetString(key))
	if err != nil {
		return nil, usagef("%s: %v", s.where(key), err)
	}
	if x.Sign() < 0 || x.Cmp(big.NewRat(1, 1)) > 0 {
		return nil, usagef("%s: %s is outside [0, 1]%s", s.where(key), s.v.GetString(key), percentHint(s.v.GetString(key), x))
	}
	return x, nil
}

// modelInput builds the engine's input from a table; a plan sets the
// budget and the indicator share of each quarter.
func modelInput(t *indicators.Table, budget allocate.Cents, share *big.Rat, f formulaOptions) allocate.Input {
	in := allocate.Input{Budget: budget, IndicatorShare: share}
	for _, key := range t.Indicators {
		in.Indicators = append(in.Indicators, allocate.Indicator{Key: key, Weight: f.Weights[key], Inverse: slices.Contains(f.Inverse, key)})
	}
	for _, u := range t.Units {
		in.Units = append(in.Units, allocate.Unit{Name: u.Name, Values: u.Values, Spending: u.Spending})
	}
	return in
}

// placeModelError names the file, place and column of an error the engine
// found in the data.
func placeModelError(err error, t *indicators.Table) error {
	var model *allocate.InputError
	if !errors.As(err, &model) || model.Key == "" {
		return err
	}
	key := model.Key
	if key == allocate.HistoryKey {
		key = allocate.SpendingKey
	}
	// The engine's sentence, said as it can: model.Msg is English today.
	if model.Unit >= 0 {
		return t.ErrorAt(model.Unit, key, msg.New("%v", model))
	}
	return t.ColumnError(key, msg.New("%v", model))
}
