package cmd

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/scenario"
)

func newScenarioCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "scenario",
		Short: "Compare alternatives to a baseline plan, and sweep a weight",
		Long: `A scenario file (YAML) holds a baseline plan under the plan's settings and a
list of named scenarios, each changing some of them:

  data: indikatoren.csv
  annual-budget: 48000000
  start: 2026-Q1
  scenarios:
    - {name: sofort-100, from: 1}
    - {name: prognose-2027, data: prognose.csv}

'raumbudget scenario init' writes a commented example that runs as it is.`,
	}
	c.AddCommand(newScenarioCompareCmd(nil), newScenarioSweepCmd(nil), newScenarioInitCmd())
	return c
}

// runScenarios runs the baseline and every scenario of the file.
func runScenarios(runs []scenarioRun) ([]*scenario.Result, error) {
	results := make([]*scenario.Result, len(runs))
	tables := newTableCache() // scenarios mostly share the baseline's data
	for i, r := range runs {
		r.Plan.Data.Tables = tables
		_, res, err := runPlan(r.Plan, r.Adjust)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.Name, err)
		}
		if i > 0 {
			if err := sameUnitsAs(results[0], res, r.Name); err != nil {
				return nil, err
			}
		}
		results[i] = res
	}
	return results, nil
}

// sameUnitsAs checks that a scenario splits among the baseline's units.
func sameUnitsAs(base, res *scenario.Result, name string) error {
	names := func(r *scenario.Result) []string {
		var out []string
		for _, u := range r.Quarters[0].Units {
			out = append(out, u.Name)
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(names(base), names(res)) {
		return usagef("%s: its units %v are not the baseline's %v", name, names(res), names(base))
	}
	return nil
}
