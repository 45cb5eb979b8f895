package cmd

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/scenario"
)

// readSchedule reads the rule from --from, --to, --step and --every, or
// the list under 'schedule' in the config file: whichever is set at the
// higher level replaces the other.
func readSchedule(s *settings) (scenario.Schedule, error) {
	var sch scenario.Schedule
	useList, err := s.otherForm(scheduleForms)
	if err != nil {
		return sch, err
	}
	if useList {
		if s.levelOf("transition-start") > levelDefault {
			return sch, usagef("%s: a transition start applies to the rule (from, to, step, every); %s names its quarters itself", s.where("transition-start"), s.where("schedule"))
		}
		list, err := readScheduleList(s, s.v.Get("schedule"))
		sch.List = list
		return sch, err
	}
	r := &sch.Rule
	for key, dst := range map[string]**big.Rat{"from": &r.From, "to": &r.To, "step": &r.Step} {
		x, err := parseShare(s.v.GetString(key))
		if err != nil {
			return sch, usagef("%s: %v", s.where(key), err)
		}
		if hint := percentHint(s.v.GetString(key), x); hint != "" && key != "step" {
			return sch, usagef("%s: %s is outside [0, 1]%s", s.where(key), s.v.GetString(key), hint)
		}
		*dst = x
	}
	if r.Every, err = readCount(s, "every"); err != nil {
		return sch, err
	}
	if err := sch.Validate(); err != nil {
		return sch, usagef("schedule: %v", err)
	}
	return sch, nil
}

// readScheduleList reads [{period: 2026-Q1, indicator-share: 0.6}, ...].
func readScheduleList(s *settings, raw any) ([]scenario.Step, error) {
	items, ok := raw.([]any)
	if !ok || len(items) == 0 {
		return nil, usagef("%s: expected a list like [{period: 2026-Q1, indicator-share: 0.6}]", s.where("schedule"))
	}
	steps := make([]scenario.Step, len(items))
	for i, item := range items {
		place := s.lineOf(fmt.Sprintf("schedule.%d", i)) + ": schedule"
		entry, ok := item.(map[string]any)
		if !ok || len(entry) != 2 || entry["period"] == nil || entry["indicator-share"] == nil {
			return nil, usagef("%s: each entry needs exactly period and indicator-share", place)
		}
		var err error
		if steps[i].Period, err = scenario.ParsePeriod(fmt.Sprint(entry["period"])); err != nil {
			return nil, usagef("%s: %v", place, err)
		}
		text := fmt.Sprint(entry["indicator-share"])
		if steps[i].IndicatorShare, err = parseShare(text); err != nil {
			return nil, usagef("%s: %v", place, err)
		}
		if hint := percentHint(text, steps[i].IndicatorShare); hint != "" {
			return nil, usagef("%s: indicator share %s is outside [0, 1]%s", place, text, hint)
		}
	}
	if err := (scenario.Schedule{List: steps}).Validate(); err != nil {
		return nil, usagef("%s: %v", s.where("schedule"), err)
	}
	return steps, nil
}

// readBudgets reads --annual-budget or the config's annual-budgets
// ({2026: 48000000, 2027: 49500000}), whichever is set at the higher
// level; the demo has a year of 48 million.
func readBudgets(s *settings, isDemo bool) (scenario.Budgets, error) {
	b := scenario.Budgets{ByYear: map[int]allocate.Cents{}}
	byYear, err := s.otherForm(budgetForms)
	switch {
	case err != nil:
		return b, err
	case byYear:
		if err := readBudgetsByYear(s, b.ByYear); err != nil {
			return b, err
		}
	case s.v.GetString("annual-budget") != "":
		c, err := parseEuros(s.v.GetString("annual-budget"))
		if err != nil {
			return b, usagef("%s: %v", s.where("annual-budget"), err)
		}
		b.Default = &c
	}
	if b.Default == nil && len(b.ByYear) == 0 {
		if !isDemo {
			return b, usagef("--annual-budget is required (the yearly budget in euros)")
		}
		yearly := allocate.Cents(4 * demo.Budget)
		b.Default = &yearly
	}
	return b, nil
}

func readBudgetsByYear(s *settings, byYear map[int]allocate.Cents) error {
	raw := s.v.Get("annual-budgets")
	if raw == nil {
		return nil
	}
	years, ok := raw.(map[string]any)
	if !ok {
		return usagef("%s: expected a map like {2026: 48000000}", s.where("annual-budgets"))
	}
	keys := make([]string, 0, len(years))
	for k := range years {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		place := s.lineOf("annual-budgets."+k) + ": annual-budgets"
		year, err := strconv.Atoi(k)
		if err != nil || year < 1000 || year > 9999 {
			return usagef("%s: %q is not a year", place, k)
		}
		if byYear[year], err = parseEuros(fmt.Sprint(years[k])); err != nil {
			return usagef("%s: %d: %v", place, year, err)
		}
	}
	return nil
}
