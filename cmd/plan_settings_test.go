package cmd

import (
	"slices"
	"testing"

	"github.com/spf13/pflag"
)

// The plan command has the table's settings and the output's, nothing
// else: a flag added to the command alone would be a setting a scenario
// file and the config's plan section refuse.
func TestPlanCommandHasTheTablesSettings(t *testing.T) {
	var flags []string
	newPlanCmd(nil).Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "config" {
			flags = append(flags, f.Name)
		}
	})
	want := slices.Concat(planSettingKeys(), outputKeys)
	want = slices.DeleteFunc(want, func(k string) bool { return slices.Contains(planExtraKeys, k) })
	slices.Sort(flags)
	slices.Sort(want)
	if !slices.Equal(flags, want) {
		t.Errorf("plan's flags %v,\nthe table's settings and output's %v", flags, want)
	}
	if keys := scenarioKeys(); slices.Contains(keys, "ledger") || slices.Contains(keys, "output") || !slices.Contains(keys, "adjust") {
		t.Errorf("scenario keys %v: want adjust, and no ledger or output settings", keys)
	}
}
