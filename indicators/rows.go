package indicators

import (
	"fmt"
	"math/big"
	"strings"
	"unicode"
)

// builder sums rows into per-unit accumulators as they stream by, so that
// memory grows with the units (and areas), not with the rows.
type builder struct {
	t       *Table
	src     source
	keys    []string // indicator keys, then the spending key if read
	cols    []int    // their columns
	units   map[string]int
	areas   map[string]int // area name -> line of its row
	sums    [][]decSum     // per unit, per key
	num     numParser
	tmp     big.Int
	unitCol int
	areaCol int
	period  periodFilter
}

func newBuilder(t *Table, src source) *builder {
	b := &builder{t: t, src: src, units: map[string]int{}, areas: map[string]int{}}
	b.keys = append(b.keys, t.Indicators...)
	if t.HasSpending {
		b.keys = append(b.keys, keySpending)
	}
	for _, key := range b.keys {
		b.cols = append(b.cols, t.cols[key])
	}
	b.unitCol, b.areaCol, b.period.col = t.cols[keyUnit], -1, -1
	if t.HasArea {
		b.areaCol = t.cols[keyArea]
	}
	if col, ok := t.cols[keyPeriod]; ok {
		b.period.col = col
	}
	return b
}

// add checks one row and adds its values to its unit.
func (b *builder) add(cells []string) error {
	if blankRow(cells) {
		return nil // blank lines and rows between blocks carry nothing
	}
	if err := b.headless(cells); err != nil {
		return err
	}
	if keep, err := b.latestPeriod(cells); !keep || err != nil {
		return err
	}
	name, err := b.name(cells, b.unitCol, keyUnit, "unit")
	if err != nil {
		return err
	}
	if err := b.area(cells); err != nil {
		return err
	}
	u, err := b.unit(name)
	if err != nil {
		return err
	}
	sums := b.sums[u]
	for i, key := range b.keys {
		if err := b.addValue(&sums[i], cells, b.cols[i], key); err != nil {
			return err
		}
	}
	b.t.Units[u].Rows++
	return nil
}

// finish stores the sums in the units.
func (b *builder) finish() {
	for i, u := range b.t.Units {
		sums := b.sums[i]
		for k := range sums {
			if k < len(u.Values) {
				sums[k].rat(u.Values[k])
			} else {
				sums[k].rat(u.Spending)
			}
		}
	}
}

// headless refuses a value right of the last heading, before anything else
// about the row: it means the row's cells have moved, so any other message
// would name the wrong cause. In a ','-separated file an unquoted decimal
// comma ("62815,8") splits a number in two and shifts the cells after it;
// dropping the extra cell would read wrong numbers without a word.
func (b *builder) headless(cells []string) error {
	for col := b.t.width; col < len(cells); col++ {
		if trimSpace(cells[col]) != "" {
			return b.src.noHeading(col)
		}
	}
	return nil
}

// name returns the trimmed unit or area name of the row.
func (b *builder) name(cells []string, col int, key, what string) (string, error) {
	name := trimSpace(cell(cells, col))
	if name == "" {
		return "", b.errorAt(col, key, "empty "+what+" name")
	}
	if strings.ContainsFunc(name, isBreak) {
		return "", b.errorAt(col, key, "a name must be one line")
	}
	if isTotal(name) {
		return "", b.errorAt(col, key, quote(name)+" looks like a total row; remove it")
	}
	return name, nil
}

// area rejects a row whose area came before: summed twice, it would count
// twice.
func (b *builder) area(cells []string) error {
	if b.areaCol < 0 {
		return nil
	}
	name, err := b.name(cells, b.areaCol, keyArea, "area")
	if err != nil {
		return err
	}
	if first, dup := b.areas[name]; dup {
		return b.errorAt(b.areaCol, keyArea, fmt.Sprintf("area %s appears again (first %s)", quote(name), b.t.lineRef(first)))
	}
	b.areas[strings.Clone(name)] = b.src.line(b.areaCol)
	return nil
}

// unit returns the index of the row's unit, new or, with an area column,
// one seen before.
func (b *builder) unit(name string) (int, error) {
	if i, ok := b.units[name]; ok {
		if !b.t.HasArea {
			first := b.t.lineRef(b.t.Units[i].Line)
			return 0, b.errorAt(b.unitCol, keyUnit, fmt.Sprintf("unit %s appears again (first %s)", quote(name), first))
		}
		return i, nil
	}
	u := Unit{Name: strings.Clone(name), Line: b.src.line(b.unitCol)}
	vals := make([]big.Rat, len(b.t.Indicators))
	u.Values = make([]*big.Rat, len(vals))
	for i := range vals {
		u.Values[i] = &vals[i]
	}
	if b.t.HasSpending {
		u.Spending = new(big.Rat)
	}
	b.units[u.Name] = len(b.t.Units)
	b.t.Units = append(b.t.Units, u)
	b.sums = append(b.sums, make([]decSum, len(b.keys)))
	return len(b.t.Units) - 1, nil
}

func (b *builder) addValue(sum *decSum, cells []string, col int, key string) error {
	s := trimSpace(cell(cells, col))
	if s == "" {
		return b.errorAt(col, key, "empty value")
	}
	d, err := b.src.dialect(col, s)
	if err != nil {
		return b.errorAt(col, key, err.Error())
	}
	neg, err := b.num.value(s, d)
	if err != nil {
		return b.errorAt(col, key, err.Error())
	}
	if neg {
		return b.errorAt(col, key, "negative value "+s)
	}
	sum.add(&b.num.num, b.num.scale, &b.tmp)
	return nil
}

func (b *builder) errorAt(col int, key, msg string) *Error {
	return b.t.errorAt(b.src.line(col), key, msg)
}

// isBreak matches what breaks a name's line in the report's tables: line
// and paragraph breaks, tabs and other control characters, such as the
// line break of a quoted multi-line CSV cell or of Alt+Enter in Excel.
func isBreak(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// totalWords are the first words of total rows. A total row summed with
// the units would take half the budget.
var totalWords = []string{"summe", "gesamt", "insgesamt", "total", "endsumme", "zwischensumme"}

// isTotal says whether the name's first word is a total word ("Summe",
// "Gesamt:", "Summe Stadt", but not "Gesamtschule"). It runs for every row,
// so it allocates nothing.
func isTotal(name string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	first = strings.TrimRight(first, ":.")
	for _, w := range totalWords {
		if strings.EqualFold(first, w) {
			return true
		}
	}
	return false
}
