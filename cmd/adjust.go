package cmd

import (
	"errors"
	"fmt"
	"slices"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/scenario"
)

// readAdjustments reads adjust: {indicator key: {unit: change}}.
func readAdjustments(s *settings) ([]scenario.Adjustment, error) {
	raw := s.raw("adjust")
	if raw == nil {
		return nil, nil
	}
	byKey, ok := raw.(map[string]any)
	if !ok {
		return nil, usagef("%s: expected a map like {sgb_recipients: {Bezirksstelle V: +10%%}}", s.where("adjust"))
	}
	var out []scenario.Adjustment
	for _, key := range sortedKeys(byKey) {
		units, ok := byKey[key].(map[string]any)
		if !ok {
			return nil, usagef("%s: adjust: %s: expected a map of units to changes", s.lineOf("adjust."+key), key)
		}
		for _, unit := range sortedKeys(units) {
			place := s.lineOf("adjust."+key+"."+unit) + ": adjust"
			a, err := scenario.ParseAdjustment(fmt.Sprint(units[unit]))
			if err != nil {
				return nil, usagef("%s: %s: %s: %v", place, key, unit, err)
			}
			a.Key, a.Unit, a.Place = key, unit, place
			out = append(out, a)
		}
	}
	return out, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// applyAdjustments changes the table by the scenario's adjustments; one
// that does not fit the data is a usage error.
func applyAdjustments(t *indicators.Table, adjust []scenario.Adjustment) error {
	err := scenario.Adjust(t, adjust)
	var bad *scenario.AdjustError
	if errors.As(err, &bad) {
		return usagef("%v", bad)
	}
	return err
}
