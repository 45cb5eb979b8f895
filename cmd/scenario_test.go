package cmd

import (
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

// With equal budgets the differences to the baseline add up to zero in
// every quarter: money only moves between units.
func TestScenarioDifferencesAddUpToZero(t *testing.T) {
	path := writeScenarioFile(t, `demo: true
start: 2026-Q1
quarters: 5
scenarios:
  - {name: fast, from: 1}
  - {name: corridor, max-decrease: 2%, max-increase: 2%}
  - {name: weights, weights: {youth_0_18: 0.7, sgb_recipients: 0.3}}
  - name: forecast
    adjust: {sgb_recipients: {Bezirksstelle V: +25%, Bezirksstelle I: -10%}}
`)
	runs, err := loadScenarioFile(path)
	if err != nil {
		t.Fatal(err)
	}
	results, err := runScenarios(runs)
	if err != nil {
		t.Fatal(err)
	}
	for i, res := range results[1:] {
		for q, quarter := range res.Quarters {
			var sum allocate.Cents
			for u, unit := range quarter.Units {
				sum += unit.Amount - results[0].Quarters[q].Units[u].Amount
			}
			if sum != 0 {
				t.Errorf("%s %s: differences add up to %d", runs[i+1].Name, quarter.Period, sum)
			}
		}
	}
}
