package cmd

import (
	"github.com/spf13/cobra"
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
