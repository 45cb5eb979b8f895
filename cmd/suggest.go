package cmd

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// nearest is the candidate closest to typed by edit distance, if it is
// close enough to be a typo (at most 2 edits, or 1 for short words), or
// has typed as its prefix; "" if none is.
func nearest(typed string, candidates []string) string {
	best, bestDist := "", -1
	limit := 2
	if len([]rune(typed)) <= 3 {
		limit = 1
	}
	for _, c := range candidates {
		d := editDistance(strings.ToLower(typed), strings.ToLower(c))
		if len(typed) >= 3 && strings.HasPrefix(c, typed) {
			d = min(d, limit)
		}
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Damerau–Levenshtein distance (optimal string
// alignment): a swap of two neighbours ("comapre") counts as one edit.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// didYouMean is " – did you mean X?" for the nearest candidate, or "",
// in English: for a message made with fmt. A message of the catalogue
// takes suggestion.
func didYouMean(typed string, candidates []string, format string) string {
	if n := nearest(typed, candidates); n != "" {
		return fmt.Sprintf(" – did you mean "+format+"?", n)
	}
	return ""
}

// suggestion is " – did you mean X?" for the nearest candidate, in the
// language the message is said in, or nothing; show writes the candidate
// (quoted, or as a flag).
func suggestion(typed string, candidates []string, show func(string) any) msg.Text {
	if n := nearest(typed, candidates); n != "" {
		return msg.New(" – did you mean %s?", show(n))
	}
	return msg.Text{}
}

func quote(s string) any  { return quoted(s) }
func asFlag(s string) any { return "--" + s }
func asIs(s string) any   { return s }

// refuseUnknownSubcommands makes every command that only groups others
// (the root, scenario) refuse a word that is none of its subcommands with
// exit 2 and a suggestion, rather than print its help and exit 0, which a
// script would take for success. Without arguments it still shows help.
func refuseUnknownSubcommands(c *cobra.Command) {
	for _, sub := range c.Commands() {
		refuseUnknownSubcommands(sub)
	}
	if !c.HasSubCommands() || c.Runnable() {
		return
	}
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[groupAnnotation] = "true"
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return c.Help()
		}
		return unknownSubcommand(c, args[0])
	}
}

// groupAnnotation marks a command that only groups others.
const groupAnnotation = "group"

// isGroup says whether c only groups other commands.
func isGroup(c *cobra.Command) bool {
	return c.Annotations[groupAnnotation] == "true"
}

func unknownSubcommand(c *cobra.Command, typed string) error {
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return msg.Errorf("unknown command %s for %s%s (commands: %s)", quoted(typed), quoted(c.CommandPath()),
		suggestion(typed, names, quote), strings.Join(names, ", "))
}

// flagError adds a suggestion to an unknown flag ("unknown flag:
// --budgt") and points to the command's help.
func flagError(c *cobra.Command, err error) error {
	if args := c.Flags().Args(); isGroup(c) && len(args) > 0 {
		return unknownSubcommand(c, args[0]) // "raumbudget alocate --demo": the command is wrong
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return msg.Errorf("%s\nRun '%s --help' for usage.", pflagError(err, names), c.CommandPath())
}

// pflagError says an error of the flag parser in the catalogue's words,
// with a suggestion for an unknown flag; one it does not know keeps its
// own (English) text.
func pflagError(err error, names []string) any {
	text := err.Error()
	if m := unknownFlag.FindStringSubmatch(text); m != nil {
		return msg.New("unknown flag: --%s%s", m[1], suggestion(m[1], names, asFlag))
	}
	if m := unknownShorthand.FindStringSubmatch(text); m != nil {
		return msg.New("unknown shorthand flag: %s in %s", quoted(m[1]), m[2])
	}
	if m := needsArgument.FindStringSubmatch(text); m != nil {
		return msg.New("flag needs an argument: %s", m[1])
	}
	if m := invalidArgument.FindStringSubmatch(text); m != nil {
		return msg.New("invalid value %s for %s: %s", quoted(m[1]), m[2], invalidCause(m[3]))
	}
	return err
}

// The flag parser's errors (pflag), as it phrases them.
var (
	unknownFlag      = regexp.MustCompile(`^unknown flag: --(.+)$`)
	unknownShorthand = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.+)$`)
	needsArgument    = regexp.MustCompile(`^flag needs an argument: '?(.+?)'?( in .*)?$`)
	invalidArgument  = regexp.MustCompile(`^invalid argument "(.*)" for "(.+)" flag: (.*)$`)
)

// invalidCause is why a flag's value is refused, without Go's parser
// names (strconv.ParseInt: parsing "x": invalid syntax).
func invalidCause(cause string) any {
	switch {
	case strings.HasSuffix(cause, "invalid syntax") && strings.Contains(cause, "ParseBool"):
		return msg.New("not true or false")
	case strings.HasSuffix(cause, "invalid syntax"):
		return msg.New("not a whole number")
	case strings.HasSuffix(cause, "value out of range"):
		return msg.New("too large")
	}
	return cause
}

// cobraError says an error of cobra's argument checks in the catalogue's
// words; any other error is returned as it is.
func cobraError(err error) error {
	text := err.Error()
	if m := argCount.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[2])
		got, _ := strconv.Atoi(m[3])
		switch m[1] {
		case "accepts":
			return msg.Errorf("takes %d argument(s), got %d", n, got)
		case "accepts at most":
			return msg.Errorf("takes at most %d argument(s), got %d", n, got)
		}
	}
	if m := argsAtLeast.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		got, _ := strconv.Atoi(m[2])
		return msg.Errorf("takes at least %d argument(s), got %d", n, got)
	}
	if m := requiredFlags.FindStringSubmatch(text); m != nil {
		return msg.Errorf("required flag(s) %s not given", m[1])
	}
	return err
}

// cobra's argument errors, as it phrases them.
var (
	argCount      = regexp.MustCompile(`^(accepts|accepts at most) (\d+) arg\(s\), received (\d+)$`)
	argsAtLeast   = regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`)
	requiredFlags = regexp.MustCompile(`^required flag\(s\) (.+) not set$`)
)

// warnUnknownEnv warns about RAUMBUDGET_ variables that name no setting of
// any command: a misspelt variable would otherwise be ignored without a
// word. The run goes on. Empty ones are skipped: empty variables set
// nothing (viper, too, ignores them).
// testEnvPrefix marks the variables of the project's own tests
// (RAUMBUDGET_TEST_POSTGRES, RAUMBUDGET_TEST_HOLD): no settings, and no
// warning either.
const testEnvPrefix = envPrefix + "_TEST_"

func warnUnknownEnv(root *cobra.Command, environ []string, stderr io.Writer) {
	lang := langOf(stderr)
	known := envNames(root)
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if value == "" || !strings.HasPrefix(name, envPrefix+"_") || slices.Contains(known, name) || strings.HasPrefix(name, testEnvPrefix) {
			continue
		}
		fmt.Fprintln(stderr, msg.New("raumbudget: warning: the environment variable %s is no setting and is ignored%s",
			name, suggestion(name, known, asIs)).In(lang))
	}
}

// envNames are the variables of every flag of every command and of the
// config keys without a flag.
func envNames(root *cobra.Command) []string {
	keys := slices.Clone(structuredKeys)
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { keys = append(keys, f.Name) })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	var names []string
	for _, k := range keys {
		name := envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(k, "-", "_"))
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
