package cmd

import (
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The plan's settings are one table: the groups of flags a plan computes
// from, with their defaults and help. The plan command's flags, the keys
// of a config's 'plan' section and of a scenario file, and a scenario's
// defaults all come from it, so that no other file builds the plan
// command to learn them.

// addPlanSettings adds the settings a plan computes from to c.
func addPlanSettings(c *cobra.Command) {
	addDataFlags(c)
	addPlanFlags(c)
	addFormulaFlags(c)
	addLedgerFlag(c)
}

// planSettings holds the plan's settings alone (no output settings, no
// run): what a scenario's settings are read against, as a plan reads its
// own.
func planSettings() *cobra.Command {
	c := &cobra.Command{Use: "plan"}
	addPlanSettings(c)
	return c
}

// planSettingKeys are the keys of the plan's settings, the flags and
// those without one (planExtraKeys), sorted.
func planSettingKeys() []string {
	keys := slices.Clone(planExtraKeys)
	planSettings().Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "config" {
			keys = append(keys, f.Name)
		}
	})
	slices.Sort(keys)
	return keys
}
