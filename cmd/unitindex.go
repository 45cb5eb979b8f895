package cmd

import "github.com/raumbudget/raumbudget/indicators"

// indexOf is the position of the unit named name in t, -1 if it has none.
// Explain moved to package explain and no longer uses it; adjust.go and
// check_rules.go still do, until their use cases move out of cmd (issue
// 12), and the last of them to go should take it along.
func indexOf(t *indicators.Table, name string) int {
	for u, unit := range t.Units {
		if unit.Name == name {
			return u
		}
	}
	return -1
}
