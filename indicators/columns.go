package indicators

import (
	"slices"

	"github.com/raumbudget/raumbudget/internal/msg"
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
	return t.requireColumns(header, schema)
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
	m := msg.New("means %s like column %s; remove one of them", nameOfKey(key), named(first))
	e := &Error{File: t.File, Column: heading, Msg: m}
	if t.xlsx {
		e.Sheet, e.Cell = t.Sheet, cellName(col, t.headerLine)
	} else {
		e.Line = t.headerLine
	}
	return e
}

func (t *Table) requireColumns(header []string, schema Schema) error {
	need := append([]string{keyUnit}, schema.Indicators...)
	if schema.NeedSpending {
		need = append(need, keySpending)
	}
	for _, key := range need {
		if !t.has(key) {
			h := example(key, schema)
			text := msg.New("is missing%s", expectedHeading(h))
			if key == keyUnit && t.deep {
				text = msg.New("is missing%s", expectedInRows{h, headingRows})
			}
			e := &Error{File: t.File, Sheet: t.Sheet, Column: key, Heading: h, Msg: text, Found: foundHeadings(header)}
			if col, meant := nearHeading(header, key, schema); col >= 0 {
				e.Near, e.Meant = trimSpace(header[col]), meant
				t.placeHeading(e, col)
			}
			return e
		}
	}
	return nil
}

// placeHeading points e at the header cell of column col.
func (t *Table) placeHeading(e *Error, col int) {
	if t.xlsx {
		e.Cell = cellName(col, t.headerLine)
	} else {
		e.Line = t.headerLine
	}
}

// maxFound bounds the headings a message lists.
const maxFound = 30

// foundHeadings are the non-empty headings of the header row, for a
// message about a missing column.
func foundHeadings(header []string) []string {
	found := []string{}
	for _, h := range header[:min(len(header), maxFound)] {
		if h = trimSpace(h); h != "" {
			found = append(found, h)
		}
	}
	return found
}

// nearHeading finds the heading that was probably meant as key's column
// ("Migrnaten 0-18" for "Migranten 0-18"): among the headings that name no
// column, the one closest to a heading of key, if at most a third of it is
// typed differently. It returns the heading's column (or -1) and the
// heading of key it is near.
func nearHeading(header []string, key string, schema Schema) (col int, meant string) {
	known := headingKeys(schema)
	col, best := -1, 0
	for c, h := range header {
		norm := normHeading(h)
		if norm == "" || known[norm] != "" {
			continue
		}
		for _, want := range headingsOf(key, schema) {
			wn := normHeading(want)
			n, m := len([]rune(norm)), len([]rune(wn))
			if 3*max(n-m, m-n) > m {
				continue // too long or short to be near, and spares a long cell the distance
			}
			d := editDistance(norm, wn)
			if 3*d <= len([]rune(wn)) && (col < 0 || d < best) {
				col, best, meant = c, d, want
			}
		}
	}
	return col, meant
}

// headingsOf are the headings that name key: the built-in ones, the key
// itself and the user's, in a fixed order.
func headingsOf(key string, schema Schema) []string {
	hs := append(slices.Clone(builtinHeadings[key]), key)
	var own []string
	for h, k := range schema.Headings {
		if k == key {
			own = append(own, h)
		}
	}
	slices.Sort(own)
	return append(hs, own...)
}

// editDistance counts the letters to insert, delete, replace or swap with
// their neighbour to turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// checkSchema rejects indicator keys that cannot name a column of their own.
func checkSchema(file string, schema Schema) error {
	seen := map[string]bool{}
	for _, key := range schema.Indicators {
		switch {
		case key == "" || normHeading(key) == "":
			return &Error{File: file, Msg: msg.New("schema: empty indicator key")}
		case key == keyUnit || key == keyArea || key == keySpending || key == keyPeriod:
			return &Error{File: file, Msg: msg.New("schema: %s is not an indicator key", named(key))}
		case seen[key]:
			return &Error{File: file, Msg: msg.New("schema: indicator %s is listed twice", named(key))}
		}
		seen[key] = true
	}
	return nil
}
