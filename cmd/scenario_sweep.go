package cmd

import (
	"bytes"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/progress"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// sweepOptions are everything one run of scenario sweep needs.
type sweepOptions struct {
	File      string
	Vary      scenario.Vary
	Period    *scenario.Period // nil: the baseline's last quarter
	Reference *scenario.Period // nil: the booked previous amounts, else the baseline's first quarter
	Output    outputOptions
}

func newScenarioSweepCmd(runF func(*sweepOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "sweep FILE --vary KEY=FROM:TO:STEP",
		Short: "Vary one indicator's weight and see each office's amount",
		Long: `Vary one indicator's weight over a range in the baseline's quarter (--period,
default its last); the other weights keep their proportions and shrink or grow
so that all sum to 1. For each step the table shows every district office's
amount; below it, the weight at which each office's exact amount equals its
reference amount: what it gets in the baseline's first quarter (or the booked
'previous' amounts, if the baseline has them), or in --reference QUARTER.
The corridor does not apply to a sweep.`,
		Example: `  raumbudget scenario sweep szenarien.yaml --vary sgb_recipients=0:0.6:0.05
  raumbudget scenario sweep szenarien.yaml --vary youth_0_18=0:1:0.0001 -o csv --out sweep.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts, err := readSweepOptions(c, args[0])
			if err != nil {
				return &runError{err}
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(sweepRun(c, opts))
		},
	}
	c.Flags().String("vary", "", "the indicator and range, e.g. sgb_recipients=0:0.6:0.05 (required)")
	c.Flags().String("period", "", "the baseline's quarter to sweep (default: its last)")
	c.Flags().String("reference", "", "the baseline's quarter whose amounts the crossings compare with")
	addOutputFlags(c, textFormats)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func readSweepOptions(c *cobra.Command, file string) (*sweepOptions, error) {
	s, err := newSettings(c, nil, nil)
	if err != nil {
		return nil, err
	}
	opts := &sweepOptions{File: file}
	if opts.Vary, err = parseVary(s.v.GetString("vary")); err != nil {
		return nil, usagef("%s: %v", s.where("vary"), err)
	}
	for key, dst := range map[string]**scenario.Period{"period": &opts.Period, "reference": &opts.Reference} {
		if text := s.v.GetString(key); text != "" {
			p, err := scenario.ParsePeriod(text)
			if err != nil {
				return nil, usagef("%s: %v", s.where(key), err)
			}
			*dst = &p
		}
	}
	opts.Output, err = readOutputOptions(s)
	return opts, err
}

// parseVary reads KEY=FROM:TO:STEP.
func parseVary(text string) (scenario.Vary, error) {
	var v scenario.Vary
	key, rng, ok := strings.Cut(text, "=")
	parts := strings.Split(rng, ":")
	if text == "" || !ok || len(parts) != 3 {
		return v, usagef("write --vary KEY=FROM:TO:STEP, e.g. sgb_recipients=0:0.6:0.05")
	}
	v.Key = strings.TrimSpace(key)
	for i, dst := range []**big.Rat{&v.From, &v.To, &v.Step} {
		x, err := parseShare(parts[i])
		if err != nil {
			return v, err
		}
		*dst = x
	}
	return v, nil
}

func sweepRun(c *cobra.Command, opts *sweepOptions) error {
	runs, err := loadScenarioFile(opts.File)
	if err != nil {
		return err
	}
	warnTo(runs, c.ErrOrStderr())
	base := runs[0]
	_, plan, err := runPlan(base.Plan, base.Adjust)
	if err != nil {
		return err
	}
	q, err := sweptQuarter(plan, opts.Period)
	if err != nil {
		return err
	}
	reference, label, err := sweepReference(plan, opts.Reference)
	if err != nil {
		return err
	}
	w, terminal := progressOn(c.ErrOrStderr())
	p := progress.New(w, terminal, msg.New("sweeping %s", indicators.KeyName(opts.Vary.Key)).In(langOf(w)), sweepSteps(opts.Vary))
	defer p.Done()
	opts.Vary.OnStep = func() { p.Add(1) }
	run, err := scenario.NewSweepRun(q.Result.Input(), opts.Vary, reference)
	if err != nil {
		return usagef("--vary: %v", err)
	}
	view := report.Sweep{Result: run.Result, Quarter: q, Reference: reference, ReferenceLabel: label, Steps: run.Steps}
	if opts.Output.Out == "" {
		// Straight to standard output: CSV and JSON are written as the
		// steps come, in memory that does not grow with their number.
		return view.Write(c.OutOrStdout(), opts.Output.Format, opts.Output.Lang)
	}
	var buf bytes.Buffer // a file is written whole or not at all
	if err := view.Write(&buf, opts.Output.Format, opts.Output.Lang); err != nil {
		return err
	}
	return opts.Output.write(c.OutOrStdout(), buf.Bytes(), scenarioInputs(opts.File, runs)...)
}

// sweepSteps is about how many steps a sweep takes, for its progress line.
func sweepSteps(v scenario.Vary) int64 {
	if v.Step.Sign() <= 0 {
		return 0
	}
	n := new(big.Rat).Quo(new(big.Rat).Sub(v.To, v.From), v.Step)
	f, _ := n.Float64()
	return int64(f) + 1
}

func sweptQuarter(plan *scenario.Result, p *scenario.Period) (scenario.Quarter, error) {
	quarters := plan.Quarters
	if p == nil {
		return quarters[len(quarters)-1], nil
	}
	for _, q := range quarters {
		if q.Period == *p {
			return q, nil
		}
	}
	return scenario.Quarter{}, usagef("--period %s is not in the baseline's plan (%s to %s)", p, quarters[0].Period, quarters[len(quarters)-1].Period)
}

// sweepReference is what the crossings compare with: a quarter of the
// baseline, or the amounts booked before it, or its first quarter.
func sweepReference(plan *scenario.Result, p *scenario.Period) ([]allocate.Cents, string, error) {
	first := plan.Quarters[0]
	if p == nil && first.Units[0].Previous != nil {
		out := make([]allocate.Cents, len(first.Units))
		for u, unit := range first.Units {
			out[u] = *unit.Previous
		}
		return out, "previous", nil
	}
	q := first
	if p != nil {
		var err error
		if q, err = sweptQuarter(plan, p); err != nil {
			return nil, "", err
		}
	}
	out := make([]allocate.Cents, len(q.Units))
	for u, unit := range q.Units {
		out[u] = unit.Amount
	}
	return out, q.Period.String(), nil
}
