package cmd

import (
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/indicators"
)

// Shell completion of values: cobra completes commands and flags; these
// complete what a flag takes, read where possible from the files the
// command line (or its config) names. A file that cannot be read completes
// nothing: completion never prints an error into the shell.

// valueCompletions are the completion functions by flag name; each is
// registered on every command that has the flag.
var valueCompletions = map[string]cobra.CompletionFunc{
	"output":         completeFormats,
	"lang":           cobra.FixedCompletions([]string{"de\tDeutsch", "en\tEnglish"}, cobra.ShellCompDirectiveNoFileComp),
	"sheet":          completeSheets("data"),
	"spending-sheet": completeSheets("spending", "data"),
	"unit":           completeUnits,
	"weights":        completeWeights,
	"vary":           completeVary,
	"method":         cobra.FixedCompletions([]string{"linear", "seasonal"}, cobra.ShellCompDirectiveNoFileComp),
}

// registerCompletions gives every command of the tree the completions of
// the flags it has.
func registerCompletions(c *cobra.Command) {
	for name, complete := range valueCompletions {
		if c.Flags().Lookup(name) != nil {
			// The error only says that the flag is not there or already has one.
			_ = c.RegisterFlagCompletionFunc(name, complete)
		}
	}
	for _, sub := range c.Commands() {
		registerCompletions(sub)
	}
}

// completeFormats offers the output formats the command accepts.
func completeFormats(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	formats := c.Annotations["formats"]
	if formats == "" {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return strings.Split(formats, ","), cobra.ShellCompDirectiveNoFileComp
}

// completeSheets offers the sheets of the workbook named by the first of
// keys that is set.
func completeSheets(keys ...string) cobra.CompletionFunc {
	return func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		for _, key := range keys {
			if path := completionSetting(c, key); path != "" {
				names, _ := indicators.SheetNames(path) // not a workbook: nothing to offer
				return names, cobra.ShellCompDirectiveNoFileComp
			}
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeUnits offers the offices of the --data table (or the demo's).
func completeUnits(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	var table *indicators.Table
	var err error
	schema := indicators.Schema{AllowSpending: true}
	opt := indicators.Options{Sheet: completionSetting(c, "sheet")}
	switch path := completionSetting(c, "data"); {
	case completionSetting(c, "demo") == "true":
		table, err = indicators.Read(demo.Indicators(), demo.IndicatorsName, schema, opt)
	case path != "":
		table, err = indicators.ReadFile(path, schema, opt)
	default:
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	names := make([]string, len(table.Units))
	for i, u := range table.Units {
		names[i] = u.Name
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeWeights offers the next key of a weights list: the indicator
// keys and their German headings, after the pairs already typed.
func completeWeights(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var names []string
	for _, key := range defaultIndicators {
		names = append(names, key)
		names = append(names, indicators.BuiltinHeadings(key)...)
	}
	indicator := func(name string) string { return weightKey(name, nil, defaultIndicators) }
	return listItems(toComplete, names, indicator), cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// completeVary offers the indicator of --vary (key=from:to:step).
func completeVary(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if strings.Contains(toComplete, "=") {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return listItems("", defaultIndicators, nil), cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// listItems completes the last item of a comma-separated key=value list:
// "youth_0_18=0.5,SG" gives "youth_0_18=0.5,SGB II/XII=" and the like.
// Keys already given are not offered again, nor, with same, other names
// of what they name.
func listItems(typed string, keys []string, same func(string) string) []string {
	if same == nil {
		same = func(k string) string { return k }
	}
	done, last := "", typed
	if i := strings.LastIndex(typed, ","); i >= 0 {
		done, last = typed[:i+1], typed[i+1:]
	}
	if strings.Contains(last, "=") {
		return nil // a value: nothing to offer
	}
	var given []string
	for _, item := range strings.Split(done, ",") {
		if k, _, ok := strings.Cut(item, "="); ok {
			given = append(given, same(strings.TrimSpace(k)))
		}
	}
	var out []string
	for _, k := range keys {
		if !slices.Contains(given, same(k)) {
			out = append(out, done+k+"=")
		}
	}
	return out
}

// completionSetting is a setting as the command would read it: flag,
// environment, config file. A config the command would refuse is left out.
func completionSetting(c *cobra.Command, key string) string {
	if c.Flags().Lookup(key) == nil {
		return ""
	}
	extra := append(monitorExtraKeys(), bookConfigKeys()...)
	s, err := newSettings(c, extra, []string{"data", "spending"})
	if err == nil {
		return s.v.GetString(key)
	}
	if f := c.Flags().Lookup(key); f.Changed {
		return f.Value.String()
	}
	return os.Getenv(envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_")))
}
