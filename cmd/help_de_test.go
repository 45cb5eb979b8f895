package cmd

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// commands lists every command of the tree.
func commands(c *cobra.Command) []*cobra.Command {
	all := []*cobra.Command{c}
	for _, sub := range c.Commands() {
		all = append(all, commands(sub)...)
	}
	return all
}

// Every command has its help in both languages, and the German catalogue
// names no command that does not exist (issue 13).
func TestHelpCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands(NewRootCmd()) {
		path := c.CommandPath()
		seen[path] = true
		de, ok := helpDE[path]
		if !ok {
			t.Errorf("%s: no German help (add it to helpDE in help_de.go)", path)
			continue
		}
		if (c.Short == "") != (de.Short == "") {
			t.Errorf("%s: short help in one language only (English %q, German %q)", path, c.Short, de.Short)
		}
		if (c.Long == "") != (de.Long == "") {
			t.Errorf("%s: long help in one language only (English %d bytes, German %d)", path, len(c.Long), len(de.Long))
		}
	}
	for path := range helpDE {
		if !seen[path] {
			t.Errorf("helpDE has help for %q, which is no command", path)
		}
	}
}

// The German help leaves no English heading in any command's usage.
func TestGermanUsage(t *testing.T) {
	root := NewRootCmd()
	germanHelp(root)
	for _, c := range commands(root) {
		usage := c.UsageString()
		for _, english := range []string{"Usage:", "Flags:", "Examples:", "Available Commands:", "Exit status:", "for more information", "help for"} {
			if strings.Contains(usage, english) {
				t.Errorf("%s: German usage still says %q", c.CommandPath(), english)
			}
		}
		if de := helpDE[c.CommandPath()]; c.Short != de.Short || c.Long != de.Long {
			t.Errorf("%s: help is not the German one", c.CommandPath())
		}
	}
}

// Every flag has a German description, and the catalogue holds none that
// no flag has.
func TestFlagCatalogue(t *testing.T) {
	used := map[string]bool{}
	for _, c := range commands(NewRootCmd()) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" || f.Name == "version" {
				return // cobra's, translated by name
			}
			used[f.Usage] = true
			if _, ok := flagUsageDE[f.Usage]; !ok {
				t.Errorf("%s --%s: no German description for %q (add it to flagUsageDE)", c.CommandPath(), f.Name, f.Usage)
			}
		})
	}
	for en := range flagUsageDE {
		if !used[en] {
			t.Errorf("flagUsageDE has %q, which no flag says", en)
		}
	}
}
