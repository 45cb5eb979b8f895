package cmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// One config file serves every command: its top level holds what they
// share (the data, the weights, the columns), and a section per command
// what only that command uses:
//
//	allocate: {budget: 12000000, indicator-share: 0.6}
//	plan: {annual-budget: 48000000, start: 2026-Q1, ...}
//
// allocate applies the top level and 'allocate'; plan, book, the ledger
// commands and a scenario file's baseline, 'plan'; explain 'explain' and, for its figure,
// 'allocate' or, with --period, 'plan'. A section's keys are checked
// against its command's settings whichever command runs, so that a typo
// in any of them is found.
var sectionNames = []string{"allocate", "plan", "explain"}

// outputKeys say where and how a result is written: they belong to the
// section's own command, not to one that borrows its figures' settings.
var outputKeys = []string{"output", "out", "force", "lang", "report-date"}

// sectionKeys are the settings a section may hold: its command's.
func sectionKeys(section string) []string {
	if section == "plan" {
		keys := slices.Concat(planSettingKeys(), outputKeys)
		slices.Sort(keys)
		return keys
	}
	c := &cobra.Command{Use: section}
	var extra []string
	switch section {
	case "allocate":
		addAllocateSettings(c)
		extra = []string{"columns"}
	case "explain":
		addExplainSettings(c)
		extra = planExtraKeys
	}
	keys := slices.Clone(extra)
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "config" && f.Name != "help" {
			keys = append(keys, f.Name)
		}
	})
	slices.Sort(keys)
	return slices.Compact(keys)
}

// checkSections checks that each section of the file is a mapping of its
// command's settings.
func (cfg *configFile) checkSections(top *yaml.Node) error {
	for _, name := range sectionNames {
		node := mappingValue(top, name)
		if node == nil {
			continue
		}
		if node.Kind != yaml.MappingNode {
			return usagef("%s:%d: %s: expected the settings of 'raumbudget %s', like 'budget: 12000000'", cfg.path, node.Line, name, name)
		}
		known := sectionKeys(name)
		for i := 0; i < len(node.Content); i += 2 {
			if key := node.Content[i]; !slices.Contains(known, key.Value) {
				return usagef("%s:%d: %s: unknown key %q (known: %s)", cfg.path, key.Line, name, key.Value, strings.Join(known, ", "))
			}
		}
	}
	return nil
}

// addSection sets the keys of section name that a command with the known
// keys uses. borrowed: the section is another command's, whose output
// settings are its own. A key given at the top level and in a section is
// an error, as one setting given twice.
func (cfg *configFile) addSection(top *yaml.Node, name string, known []string, borrowed bool) error {
	node := mappingValue(top, name)
	if node == nil {
		return nil
	}
	for i := 0; i < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		if !slices.Contains(known, key.Value) || borrowed && slices.Contains(outputKeys, key.Value) {
			continue // a setting of the section's own command
		}
		if line, twice := cfg.lines[key.Value]; twice {
			return usagef("%s:%d: %s: %s is also given at line %d", cfg.path, key.Line, name, key.Value, line)
		}
		if value.Kind != yaml.ScalarNode && !slices.Contains(structuredKeys, key.Value) {
			return usagef("%s:%d: %s takes one value, not a list or map", cfg.path, key.Line, key.Value)
		}
		cfg.set(key.Value, key.Line, value)
	}
	return nil
}

// sectionHint tells where a top-level key that this command does not know
// belongs, if it is another command's setting.
func sectionHint(key string) string {
	for _, name := range sectionNames {
		if slices.Contains(sectionKeys(name), key) {
			return fmt.Sprintf("; %s is a setting of 'raumbudget %s': put it under '%s:'", key, name, name)
		}
	}
	return ""
}

// applySections adds the sections the command s runs applies.
func (s *settings) applySections(cfg *configFile, top *yaml.Node, known []string) error {
	if s.cmd.Name() == "book" || s.cmd.HasParent() && s.cmd.Parent().Name() == "ledger" {
		// book computes with the plan's settings; the ledger commands
		// read its ledger
		return cfg.addSection(top, "plan", known, true)
	}
	switch s.cmd.Name() {
	case "allocate", "plan":
		return cfg.addSection(top, s.cmd.Name(), known, false)
	case "explain":
		if err := cfg.addSection(top, "explain", known, false); err != nil {
			return err
		}
		figures := "allocate"
		if s.explainsQuarter(cfg) {
			figures = "plan"
		}
		return cfg.addSection(top, figures, known, true)
	}
	return nil
}

// explainsQuarter says whether explain explains a quarter of a plan: a
// --period given on the command line, in the environment or the config.
func (s *settings) explainsQuarter(cfg *configFile) bool {
	if s.v.GetString("period") != "" {
		return true
	}
	p, ok := cfg.values["period"].(string)
	return ok && p != ""
}

// addExplainSettings adds explain's settings to c (the config file's
// explain section holds them too, see sectionKeys).
func addExplainSettings(c *cobra.Command) {
	f := c.Flags()
	f.String("unit", "", "the district office to explain (required)")
	f.String("period", "", "explain this quarter of a plan, e.g. 2026-Q3 (with the plan's flags)")
	addDataFlags(c)
	f.String("budget", "", "budget of a single allocation in euros")
	f.String("indicator-share", "0.6", "indicator share α of a single allocation")
	addPlanFlags(c)
	addFormulaFlags(c)
	f.String("against", "", "indicator table of an earlier data year to explain the change against")
	f.String("against-spending", "", "spending table of the earlier data year (default: as --spending)")
	f.String("against-budget", "", "budget of the earlier allocation (default: --budget)")
	f.String("against-indicator-share", "", "indicator share of the earlier allocation (default: --indicator-share)")
	addOutputFlags(c, []string{"table", "markdown", "json"})
}

// addAllocateSettings adds allocate's settings to c (the config file's
// allocate section holds them too, see sectionKeys).
func addAllocateSettings(c *cobra.Command) {
	addDataFlags(c)
	c.Flags().String("budget", "", "budget of the period in euros, e.g. 12000000 or 12000000.50")
	c.Flags().String("indicator-share", "0.6", "share α of the budget split by indicators (0.6, 60%, 3/5)")
	addFormulaFlags(c)
	addOutputFlags(c, reportFormats)
}
