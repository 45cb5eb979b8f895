package cmd

import (
	"github.com/raumbudget/raumbudget/internal/msg"

	"slices"

	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/raumbudget/raumbudget/scenario"
)

// baselineName names the baseline among the scenarios.
const baselineName = "baseline"

// scenarioRun is the baseline or one named scenario of a scenario file.
type scenarioRun struct {
	Name   string
	Plan   *planOptions
	Adjust []scenario.Adjustment
	// Changes are the settings a scenario sets itself, against its
	// baseline, as key and value; none for the baseline.
	Changes [][2]string
}

// scenarioPathKeys hold file names, relative to the scenario file.
var scenarioPathKeys = []string{"data", "spending", "previous"}

// loadScenarioFile reads the baseline (the top-level keys, which are the
// plan's settings) and each entry of 'scenarios', which overrides any of
// them.
func loadScenarioFile(path string) ([]scenarioRun, error) {
	top, err := readYAML(path)
	if err != nil {
		return nil, err
	}
	if top == nil {
		return nil, usagef("%s: the file is empty; 'raumbudget scenario init' writes an example", path)
	}
	known := scenarioKeys()
	base := &configFile{path: path, values: map[string]any{}, lines: map[string]int{}}
	if err := base.checkSections(top); err != nil {
		return nil, err
	}
	if err := base.addMapping(top, known, append([]string{"scenarios"}, sectionNames...)); err != nil {
		return nil, err
	}
	// A config shared with the other commands: the baseline is its plan.
	if err := base.addSection(top, "plan", known, true); err != nil {
		return nil, err
	}
	base.resolvePaths(scenarioPathKeys)
	configs := []*configFile{base}
	names := []string{baselineName}
	if list := mappingValue(top, "scenarios"); list != nil {
		if configs, names, err = addScenarios(configs, names, list, known); err != nil {
			return nil, err
		}
	}
	return scenarioRuns(configs, names)
}

// scenarioKeys are the plan's settings and adjust; output settings belong
// on the command line, and so does where the ledger is that the scenarios
// continue (RAUMBUDGET_LEDGER, or raumbudget.db next to the file): a
// ledger is not something a scenario varies.
func scenarioKeys() []string {
	keys := slices.DeleteFunc(planSettingKeys(), func(k string) bool { return k == "ledger" })
	keys = append(keys, "adjust")
	slices.Sort(keys)
	return keys
}

func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// addScenarios reads 'scenarios': a list of mappings with a unique name.
func addScenarios(configs []*configFile, names []string, list *yaml.Node, known []string) ([]*configFile, []string, error) {
	path := configs[0].path
	if list.Kind != yaml.SequenceNode {
		return nil, nil, usagef("%s:%d: scenarios: expected a list of entries like {name: sofort-100, from: 1}", path, list.Line)
	}
	if len(list.Content) > maxScenarios {
		return nil, nil, usagef("%s:%d: scenarios: %d entries, more than %d", path, list.Line, len(list.Content), maxScenarios)
	}
	for _, entry := range list.Content {
		name := mappingValue(entry, "name")
		switch {
		case entry.Kind != yaml.MappingNode || name == nil || name.Kind != yaml.ScalarNode || name.Value == "":
			return nil, nil, usagef("%s:%d: scenarios: each entry needs a name", path, entry.Line)
		case slices.Contains(names, name.Value):
			return nil, nil, usagef("%s:%d: scenarios: the name %q is taken", path, name.Line, name.Value)
		}
		cfg, err := override(configs[0], entry, known)
		if err != nil {
			return nil, nil, err
		}
		configs, names = append(configs, cfg), append(names, name.Value)
	}
	return configs, names, nil
}

// ownSettings are the keys a scenario's entry sets, sorted, with their
// values as the audit sheet writes them; none for the baseline (i = 0).
func ownSettings(cfg *configFile, i int) [][2]string {
	if i == 0 {
		return nil
	}
	var out [][2]string
	for _, k := range sortedKeys(cfg.values) {
		if !cfg.inherited[k] {
			out = append(out, [2]string{k, settingText(cfg.values[k])})
		}
	}
	return out
}

// override is the baseline with the entry's keys in place of its own.
func override(base *configFile, entry *yaml.Node, known []string) (*configFile, error) {
	own := &configFile{path: base.path, values: map[string]any{}, lines: map[string]int{}}
	if err := own.addMapping(entry, known, []string{"name"}); err != nil {
		return nil, err
	}
	own.resolvePaths(scenarioPathKeys)
	cfg := &configFile{path: base.path, values: map[string]any{}, lines: map[string]int{}, inherited: map[string]bool{}}
	for k := range base.values {
		if _, mine := own.values[k]; !mine {
			cfg.inherited[k] = true
		}
	}
	for _, c := range []*configFile{base, own} {
		for k, v := range c.values {
			cfg.values[k] = v
			for lk := range cfg.lines {
				if lk == k || len(lk) > len(k) && lk[:len(k)+1] == k+"." {
					delete(cfg.lines, lk)
				}
			}
		}
		for k, l := range c.lines {
			cfg.lines[k] = l
		}
	}
	return cfg, nil
}

// scenarioRuns reads each scenario's settings as a plan reads its own,
// with the plan's defaults and without the environment.
func scenarioRuns(configs []*configFile, names []string) ([]scenarioRun, error) {
	runs := make([]scenarioRun, len(configs))
	for i, cfg := range configs {
		s := &settings{cmd: planSettings(), v: viper.New(), config: cfg, noEnv: true}
		if err := s.v.BindPFlags(s.cmd.Flags()); err != nil {
			return nil, err
		}
		if err := s.v.MergeConfigMap(deepCopy(cfg.values).(map[string]any)); err != nil {
			return nil, err
		}
		opts, err := readPlanSettings(s)
		if err != nil {
			return nil, msg.Errorf("%s: %w", names[i], err)
		}
		if opts.Ledger, err = continueScenarioLedger(s, opts); err != nil {
			return nil, msg.Errorf("%s: %w", names[i], err)
		}
		adjust, err := readAdjustments(s)
		if err != nil {
			return nil, err
		}
		runs[i] = scenarioRun{Name: names[i], Plan: opts, Adjust: adjust, Changes: ownSettings(cfg, i)}
	}
	return runs, nil
}
