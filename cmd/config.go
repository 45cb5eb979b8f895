package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// envPrefix is the prefix of environment variables: RAUMBUDGET_BUDGET is --budget.
const envPrefix = "RAUMBUDGET"

// structuredKeys are the config keys whose values are maps or lists; all
// others take one value.
var structuredKeys = []string{"weights", "columns", "schedule", "annual-budgets", "inverse", "adjust", "cost-centers"}

// settings are a command's effective settings: flags beat environment
// variables, which beat the config file, which beats the defaults.
type settings struct {
	cmd    *cobra.Command
	v      *viper.Viper
	config *configFile // nil without --config
	noEnv  bool        // a scenario file's settings are its own
}

// configFile is a YAML file whose scalars are kept as written, so that a
// weight of 0.1 stays exactly 0.1, with the line of every key for messages.
type configFile struct {
	path   string
	values map[string]any // scalars as string, mappings as map[string]any, lists as []any
	lines  map[string]int // "weights.youth_0_18" → line
	// inherited are a scenario's keys that come from its baseline: they
	// rank below the scenario's own.
	inherited map[string]bool
}

// newSettings reads the command's flags, the environment and the config
// file. extraKeys are config keys that have no flag; pathKeys hold file
// names, which a config file gives relative to its own folder.
func newSettings(cmd *cobra.Command, extraKeys, pathKeys []string) (*settings, error) {
	s := &settings{cmd: cmd, v: viper.New()}
	s.v.SetEnvPrefix(envPrefix)
	s.v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	s.v.AutomaticEnv()
	if err := s.v.BindPFlags(cmd.Flags()); err != nil {
		return nil, err
	}
	path := s.v.GetString("config")
	if path == "" {
		rememberLang(cmd, s.v.GetString("lang"))
		return s, nil
	}
	known := s.knownKeys(extraKeys)
	cfg, top, err := loadConfig(path, known)
	if err != nil {
		return nil, err
	}
	if top != nil {
		if err := s.applySections(cfg, top, known); err != nil {
			return nil, err
		}
	}
	cfg.resolvePaths(pathKeys)
	s.config = cfg
	// viper lower-cases the keys of the map it is given, in place.
	if err := s.v.MergeConfigMap(deepCopy(cfg.values).(map[string]any)); err != nil {
		return nil, err
	}
	rememberLang(cmd, s.v.GetString("lang"))
	return s, nil
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = deepCopy(e)
		}
		return l
	}
	return v
}

func (s *settings) knownKeys(extra []string) []string {
	var keys []string
	s.cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "config" && f.Name != "help" {
			keys = append(keys, f.Name)
		}
	})
	keys = append(keys, extra...)
	slices.Sort(keys)
	return keys
}

// where names the source of a setting for a message: the flag, the
// environment variable or the config file's line.
func (s *settings) where(key string) string {
	if f := s.cmd.Flags().Lookup(key); f != nil && f.Changed {
		return "--" + key
	}
	env := envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
	if os.Getenv(env) != "" && !s.noEnv { // viper, too, ignores empty variables
		return env
	}
	if s.config != nil {
		if line, ok := s.config.lines[key]; ok {
			return fmt.Sprintf("%s:%d: %s", s.config.path, line, key)
		}
	}
	return "--" + key
}

// level ranks where a setting comes from: a higher level beats a lower.
type level int

const (
	levelDefault  level = iota
	levelBaseline       // a scenario's baseline, under the scenario's own keys
	levelConfig         // the config file, or a scenario's own keys
	levelEnv
	levelFlag
)

// levelOf is the level that gives key its value.
func (s *settings) levelOf(key string) level {
	if f := s.cmd.Flags().Lookup(key); f != nil && f.Changed {
		return levelFlag
	}
	if !s.noEnv && os.Getenv(envPrefix+"_"+strings.ToUpper(strings.ReplaceAll(key, "-", "_"))) != "" {
		return levelEnv
	}
	if s.config != nil {
		if _, ok := s.config.values[key]; ok {
			if s.config.inherited[key] {
				return levelBaseline
			}
			return levelConfig
		}
	}
	return levelDefault
}

// twoForms are two ways of giving one setting, such as the schedule's
// rule (from, to, step, every) and its list.
type twoForms struct {
	name         string
	first, other []string
}

var (
	scheduleForms = twoForms{"schedule", []string{"from", "to", "step", "every"}, []string{"schedule"}}
	budgetForms   = twoForms{"yearly budget", []string{"annual-budget"}, []string{"annual-budgets"}}
)

// otherForm says whether the second form of f decides the setting: the
// form set at the higher level replaces the other whole (MODEL.md,
// "Settings of one thing at two levels"). Within a form each key keeps
// its own precedence. Both forms at one level are an error naming both.
func (s *settings) otherForm(f twoForms) (bool, error) {
	k1, l1 := s.highest(f.first)
	k2, l2 := s.highest(f.other)
	if l1 == l2 && l1 > levelDefault {
		return false, usagef("%s and %s both give the %s: give either %s or %s", s.where(k1), s.where(k2), f.name,
			strings.Join(f.first, ", "), strings.Join(f.other, ", "))
	}
	return l2 > l1, nil
}

// highest is the key of keys set at the highest level, and that level.
func (s *settings) highest(keys []string) (string, level) {
	best, at := keys[0], levelDefault
	for _, k := range keys {
		if l := s.levelOf(k); l > at {
			best, at = k, l
		}
	}
	return best, at
}

// fromConfig says whether the config file gives the effective value of key.
func (s *settings) fromConfig(key string) bool {
	if s.config == nil {
		return false
	}
	_, inFile := s.config.values[key]
	return inFile && strings.HasPrefix(s.where(key), s.config.path+":")
}

// raw is a setting as given. Maps and lists come straight from the config
// file when it is their source, since viper lower-cases the keys of maps
// and "Kinder: kita" must stay as written.
func (s *settings) raw(key string) any {
	if s.fromConfig(key) {
		return s.config.values[key]
	}
	return s.v.Get(key)
}

// boolean reads a yes/no setting; a value that is neither is an error,
// not a silent false.
func (s *settings) boolean(key string) (bool, error) {
	b, err := cast.ToBoolE(s.v.Get(key))
	if err != nil {
		return false, usagef("%s: %q is not true or false", s.where(key), s.v.GetString(key))
	}
	return b, nil
}

// list reads a list setting: repeated flags, a comma-separated flag or
// environment variable, or a YAML list or comma-separated scalar.
func (s *settings) list(key string) []string {
	var items []string
	switch v := s.raw(key).(type) {
	case []string:
		items = v
	case []any:
		for _, x := range v {
			items = append(items, fmt.Sprint(x))
		}
	case string:
		items = []string{v}
	}
	var out []string
	for _, item := range items {
		for _, part := range strings.Split(item, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// lineOf is the config file's place of a nested key such as
// "weights.youth_0_18", or "" when the key is not in the file.
func (s *settings) lineOf(key string) string {
	if s.config == nil {
		return ""
	}
	if line, ok := s.config.lines[key]; ok {
		return fmt.Sprintf("%s:%d", s.config.path, line)
	}
	return ""
}

// loadConfig reads the top level of a config file, and checks its
// sections (see sectionNames), which the caller applies.
func loadConfig(path string, known []string) (*configFile, *yaml.Node, error) {
	cfg := &configFile{path: path, values: map[string]any{}, lines: map[string]int{}}
	top, err := readYAML(path)
	if err != nil || top == nil {
		return cfg, nil, err
	}
	if err := cfg.checkSections(top); err != nil {
		return nil, nil, err
	}
	// 'scenarios' are scenario compare's, which reads the file itself.
	return cfg, top, cfg.addMapping(top, known, append([]string{"scenarios"}, sectionNames...))
}

// readYAML reads a file whose top level is a mapping; nil if it is empty.
// See decodeYAML for what it refuses beyond YAML's syntax.
func readYAML(path string) (*yaml.Node, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, usagef("config: %v", err)
	}
	top, err := decodeYAML(path, data)
	if err != nil || top == nil {
		return nil, err // an empty file sets nothing
	}
	if top.Kind != yaml.MappingNode {
		return nil, usagef("%s:%d: expected keys like 'budget: 12000000'", path, top.Line)
	}
	return top, nil
}

// addMapping sets the keys of a YAML mapping, which must be known; skip
// are keys the caller reads itself.
func (cfg *configFile) addMapping(m *yaml.Node, known, skip []string) error {
	for i := 0; i < len(m.Content); i += 2 {
		key, value := m.Content[i], m.Content[i+1]
		if slices.Contains(skip, key.Value) {
			continue
		}
		if !slices.Contains(known, key.Value) {
			hint := didYouMean(key.Value, known, "%q")
			if slices.Contains(skip, "plan") { // the top level of a file with sections
				hint += sectionHint(key.Value)
			}
			return usagef("%s:%d: unknown key %q (known: %s)%s", cfg.path, key.Line, key.Value, strings.Join(known, ", "), hint)
		}
		if value.Kind != yaml.ScalarNode && !slices.Contains(structuredKeys, key.Value) {
			return usagef("%s:%d: %s takes one value, not a list or map", cfg.path, key.Line, key.Value)
		}
		if err := checkShape(cfg.path, key, value); err != nil {
			return err
		}
		cfg.set(key.Value, key.Line, value)
	}
	return nil
}

// set gives key its value, replacing what it had, nested lines included.
func (cfg *configFile) set(key string, line int, value *yaml.Node) {
	for k := range cfg.lines {
		if strings.HasPrefix(k, key+".") {
			delete(cfg.lines, k)
		}
	}
	cfg.lines[key] = line
	cfg.values[key] = cfg.plain(key, value)
}

// maxDepth bounds nesting, so that an alias that contains itself
// ("a: &x [*x]") cannot recurse forever.
const maxDepth = 16

// plain turns a YAML node into strings, maps and lists, recording the line
// of every nested key.
func (cfg *configFile) plain(path string, n *yaml.Node) any {
	if strings.Count(path, ".") > maxDepth {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i < len(n.Content); i += 2 {
			k := n.Content[i].Value
			cfg.lines[path+"."+k] = n.Content[i].Line
			m[k] = cfg.plain(path+"."+k, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		list := make([]any, len(n.Content))
		for i, item := range n.Content {
			cfg.lines[fmt.Sprintf("%s.%d", path, i)] = item.Line
			list[i] = cfg.plain(fmt.Sprintf("%s.%d", path, i), item)
		}
		return list
	case yaml.AliasNode:
		return cfg.plain(path, n.Alias)
	}
	return n.Value
}

// resolvePaths makes file names in the config relative to its folder.
func (cfg *configFile) resolvePaths(keys []string) {
	dir := filepath.Dir(cfg.path)
	for _, key := range keys {
		if p, ok := cfg.values[key].(string); ok && p != "" && !filepath.IsAbs(p) {
			cfg.values[key] = filepath.Join(dir, p)
		}
	}
}
