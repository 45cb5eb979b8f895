package cmd

import (
	"slices"

	"github.com/raumbudget/raumbudget/internal/msg"

	"github.com/raumbudget/raumbudget/scenario"
)

// scenarioInputs are the files a scenario run reads: the scenario file and
// the data, spending and previous files of every scenario.
func scenarioInputs(file string, runs []scenarioRun) []string {
	inputs := []string{file}
	for _, r := range runs {
		inputs = append(inputs, r.Plan.Data.Data, r.Plan.Data.Spending, r.Plan.Previous)
	}
	return uniqueNonEmpty(inputs)
}

// runScenarios runs the baseline and every scenario of the file.
func runScenarios(runs []scenarioRun) ([]*scenario.Result, error) {
	results := make([]*scenario.Result, len(runs))
	tables := newTableCache() // scenarios mostly share the baseline's data
	for i, r := range runs {
		r.Plan.Data.Tables = tables
		_, res, err := runPlan(r.Plan, r.Adjust)
		if err != nil {
			return nil, msg.Errorf("%s: %w", r.Name, err)
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

// uniqueNonEmpty keeps the first of each name, in order.
func uniqueNonEmpty(names []string) []string {
	var out []string
	for _, n := range names {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
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
