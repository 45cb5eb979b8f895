package cmd

import (
	"fmt"
	"math/big"

	"github.com/raumbudget/raumbudget/indicators"
)

// tableCache keeps the tables one run has read, by file, sheet and the
// settings that affect reading, so that `scenario compare` and `scenario
// sweep` read a data file once for the baseline and all scenarios that
// share it. Each caller gets its own copy of the values: adjustments and
// the spending join change them in place.
type tableCache struct {
	tables map[string]*indicators.Table
	reads  int // files read, for tests
}

func newTableCache() *tableCache { return &tableCache{tables: map[string]*indicators.Table{}} }

// read is readTableFile through the cache; a nil cache reads every time.
func (c *tableCache) read(path string, schema indicators.Schema, opt indicators.Options) (*indicators.Table, error) {
	if c == nil {
		return readTableFile(path, schema, opt)
	}
	key := fmt.Sprintf("%q %#v %#v", path, schema, opt) // fmt prints maps sorted
	if t, ok := c.tables[key]; ok {
		return copyTable(t), nil
	}
	t, err := readTableFile(path, schema, opt)
	if err != nil {
		return t, err
	}
	c.reads++
	c.tables[key] = t
	return copyTable(t), nil
}

// copyTable copies the table with its own units and values; the rest is
// only read.
func copyTable(t *indicators.Table) *indicators.Table {
	out := *t
	out.Units = make([]indicators.Unit, len(t.Units))
	for i, u := range t.Units {
		u.Values = make([]*big.Rat, len(t.Units[i].Values))
		for k, v := range t.Units[i].Values {
			u.Values[k] = new(big.Rat).Set(v)
		}
		if u.Spending != nil {
			u.Spending = new(big.Rat).Set(u.Spending)
		}
		out.Units[i] = u
	}
	return &out
}
