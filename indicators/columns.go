package indicators

import (
	"fmt"
)

// findColumns finds the wanted keys in the header row and records their
// column indexes and headings in t.
func (t *Table) findColumns(header []string, schema Schema) error {
	keys := headingKeys(schema)
	wanted := t.wantedKeys(schema)
	for col, h := range header {
		h = trimSpace(h)
		key := keys[normHeading(h)]
		if h == "" || !wanted[key] {
			continue // unknown columns are notes, sums or other years
		}
		if first, dup := t.Headings[key]; dup {
			finer, ok := finerArea(key, h, first)
			if !ok {
				return t.duplicateColumn(col, h, first, key)
			}
			if !finer {
				continue
			}
		}
		t.cols[key], t.Headings[key] = col, h
	}
	t.HasArea = t.has(keyArea)
	t.HasSpending = t.has(keySpending)
	return t.requireColumns(schema)
}

func (t *Table) wantedKeys(schema Schema) map[string]bool {
	w := map[string]bool{keyUnit: true, keyArea: true}
	for _, key := range schema.Indicators {
		w[key] = true
	}
	w[keySpending] = schema.NeedSpending || schema.AllowSpending
	w[keyPeriod] = schema.LatestPeriod
	return w
}

func (t *Table) has(key string) bool {
	_, ok := t.cols[key]
	return ok
}

// finerArea settles two area columns that both carry a built-in heading,
// as in Essen's Bezirksstelle › Stadtbezirk › Stadtteil tables: the finer
// one is the area (Stadtteil over Sozialraum over Bezirk), because its rows
// are the ones summed; the coarser one only groups them. It says whether
// heading h is finer than first; ok = false for any other pair of columns
// with the same key (a heading from the user's config among them), which
// stays an error.
func finerArea(key, h, first string) (finer, ok bool) {
	if key != keyArea {
		return false, false
	}
	rh, rf := areaRank(h), areaRank(first)
	if rh < 0 || rf < 0 || rh == rf {
		return false, false
	}
	return rh < rf, true
}

// areaRank returns the place of heading h among the built-in area headings,
// from fine to coarse, or -1.
func areaRank(h string) int {
	norm := normHeading(h)
	for i, bh := range builtinHeadings[keyArea] {
		if normHeading(bh) == norm {
			return i
		}
	}
	return -1
}

// duplicateColumn reports a second column for the same key: reading either
// one silently would be a guess.
func (t *Table) duplicateColumn(col int, heading, first, key string) *Error {
	msg := fmt.Sprintf("means %q like column %q; remove one of them", key, first)
	e := &Error{File: t.File, Column: heading, Msg: msg}
	if t.xlsx {
		e.Sheet, e.Cell = t.Sheet, cellName(col, t.headerLine)
	} else {
		e.Line = t.headerLine
	}
	return e
}

func (t *Table) requireColumns(schema Schema) error {
	need := append([]string{keyUnit}, schema.Indicators...)
	if schema.NeedSpending {
		need = append(need, keySpending)
	}
	for _, key := range need {
		if !t.has(key) {
			msg := fmt.Sprintf("is missing (expected a heading like %q)", example(key, schema))
			return &Error{File: t.File, Sheet: t.Sheet, Column: key, Msg: msg}
		}
	}
	return nil
}

// checkSchema rejects indicator keys that cannot name a column of their own.
func checkSchema(file string, schema Schema) error {
	seen := map[string]bool{}
	for _, key := range schema.Indicators {
		switch {
		case key == "" || normHeading(key) == "":
			return &Error{File: file, Msg: "schema: empty indicator key"}
		case key == keyUnit || key == keyArea || key == keySpending || key == keyPeriod:
			return &Error{File: file, Msg: fmt.Sprintf("schema: %q is not an indicator key", key)}
		case seen[key]:
			return &Error{File: file, Msg: fmt.Sprintf("schema: indicator %q is listed twice", key)}
		}
		seen[key] = true
	}
	return nil
}
