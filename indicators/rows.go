package indicators

import (
	"cmp"
	"errors"
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// builder sums rows into per-unit accumulators as they stream by, so that
// memory grows with the units (and areas), not with the rows. Each row is
// checked whole before it is added, so that a bad row adds nothing.
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

	all      bool           // Schema.AllProblems
	row      rowCheck       // the current row
	badUnits map[string]int // unit name -> line, of units met only in bad rows (AllProblems)

	names   []namedRow // per column of names, the last name read from its cell (xlsx)
	total   totalRow   // a row labelled as a total, held back until it is known to be the last
	lastNew bool       // the last row that counted made a unit of its own, the last one
}

// remember keeps the name read from cell col of the current row, for the
// rows below it in merged cells (see name).
func (b *builder) remember(col int, name string) {
	for len(b.names) <= col {
		b.names = append(b.names, namedRow{})
	}
	b.names[col] = namedRow{name, b.src.line(col)}
}

// namedRow is a name and the row it was read from.
type namedRow struct {
	name string
	line int
}

// totalRow is a row whose unit name says it is a total ("Summe"), with
// its values. It is taken out of the data if it is the last row and its
// values are the sums of the rows above; see totals.
type totalRow struct {
	line   int // 0: none
	col    int // the unit's column
	name   string
	values []decValue
	hold   *Error // the row's problem if it is not a total row: its empty area name
}

// rowCheck is what checking the current row found.
type rowCheck struct {
	unit   string
	index  int          // the unit's index in t.Units, -1 if it is new
	total  bool         // its name says it is a total row, or hold is set
	hold   *Error       // its empty area name, unless it is a total row; see check
	values []decValue   // per key
	bad    []rowProblem // in the order found
}

// decValue is a parsed cell value, n / 10^scale.
type decValue struct {
	n     big.Int
	scale int
}

// rowProblem is a problem of the current row with its column, so that a
// row's problems can be listed from left to right.
type rowProblem struct {
	col int
	err *Error
}

// maxProblems bounds Table.Problems: a table with a thousand bad rows has
// a cause that the first of them show, such as a column in another format.
const maxProblems = 1000

// errEnough ends a read with AllProblems that has found more than
// maxProblems.
var errEnough = errors.New("enough problems")

func newBuilder(t *Table, src source, all bool) *builder {
	b := &builder{t: t, src: src, units: map[string]int{}, areas: map[string]int{}, all: all, badUnits: map[string]int{}}
	b.keys = append(b.keys, t.Indicators...)
	if t.HasSpending {
		b.keys = append(b.keys, keySpending)
	}
	for _, key := range b.keys {
		b.cols = append(b.cols, t.cols[key])
	}
	b.row.values = make([]decValue, len(b.keys))
	b.unitCol, b.areaCol, b.period.col = t.cols[keyUnit], -1, -1
	if t.HasArea {
		b.areaCol = t.cols[keyArea]
	}
	if col, ok := t.cols[keyPeriod]; ok {
		b.period.col = col
	}
	return b
}

// add checks one row and adds its values to its unit. A bad row adds
// nothing. Without AllProblems its first problem ends the read, as the
// user is to fix it first; with AllProblems its problems are kept and the
// read goes on, until there are too many.
func (b *builder) add(cells []string) error {
	if blankRow(cells) {
		return nil // blank lines and rows between blocks carry nothing
	}
	b.row.bad = b.row.bad[:0]
	counts := b.check(cells)
	if counts || len(b.row.bad) > 0 {
		b.noteHidden()
		if err := b.notLastTotal(); err != nil {
			return err
		}
	}
	if len(b.row.bad) > 0 {
		if h := b.row.hold; h != nil {
			b.row.bad = append(b.row.bad, rowProblem{b.areaCol, h})
		}
		return b.reject()
	}
	if counts && b.row.total {
		b.holdTotal()
	} else if counts {
		b.commit()
	}
	return nil
}

// holdTotal keeps the total row just checked until the end of the table.
func (b *builder) holdTotal() {
	t := &b.total
	t.line, t.col, t.name, t.hold = b.src.line(b.unitCol), b.unitCol, strings.Clone(b.row.unit), b.row.hold
	t.values = slices.Grow(t.values[:0], len(b.row.values))[:len(b.row.values)]
	for i := range b.row.values {
		t.values[i].n.Set(&b.row.values[i].n)
		t.values[i].scale = b.row.values[i].scale
	}
	b.lastNew = false
}

// notLastTotal reports a total row held back, now that a row follows it:
// only a total row at the end is known to be the sum of all rows above.
func (b *builder) notLastTotal() error {
	if b.total.line == 0 {
		return nil
	}
	err := b.t.errorAt(b.total.line, keyUnit, msg.New("%s looks like a total row; remove it", cellText(b.total.name)))
	if b.total.hold != nil {
		err = b.total.hold
	}
	b.total.line = 0
	if !b.all {
		return err
	}
	return b.problem(err)
}

// problem adds a problem of a row other than the current one.
func (b *builder) problem(err *Error) error {
	if len(b.t.Problems) == maxProblems {
		b.t.Problems = append(b.t.Problems, b.t.errorAt(0, "", msg.New("… and more problems; fix these first")))
		return errEnough
	}
	b.t.Problems = append(b.t.Problems, err)
	return nil
}

// check checks the row's cells and parses its values into b.row, whose
// problems it collects. It says whether the row counts, which a row of an
// earlier period (Schema.LatestPeriod) does not. Cells moved right, or an
// unknown period, make the rest of the row meaningless.
func (b *builder) check(cells []string) bool {
	if !b.headless(cells) || !b.latestPeriod(cells) {
		return false
	}
	r := &b.row
	r.unit, r.index, r.total, r.hold = "", -1, false, nil
	name, ok := b.name(cells, b.unitCol, keyUnit, "unit")
	r.total = ok && isTotal(name)
	if b.areaCol >= 0 && b.goOn() && !r.total {
		n := len(r.bad)
		b.area(cells) // a total row sums all areas, and names none
		if _, seen := b.units[name]; ok && !seen && len(r.bad) == n+1 && r.bad[n].err.Msg.String() == "empty area name" {
			// A new unit without an area, such as "Alle Bezirksstellen",
			// may be a total row: that is known at the end.
			r.hold, r.total, r.bad = r.bad[n].err, true, r.bad[:n]
		}
	}
	if ok && b.goOn() && !r.total {
		r.unit, r.index = name, b.unit(name)
	}
	if r.total {
		r.unit = name
	}
	for i, key := range b.keys {
		if b.goOn() {
			b.parseValue(&r.values[i], cells, b.cols[i], key)
		}
	}
	return true
}

// goOn says whether to go on checking the row: without AllProblems its
// first problem is all that is reported, and looking for more can cost
// (an empty cell's explanation loads the whole sheet).
func (b *builder) goOn() bool {
	return b.all || len(b.row.bad) == 0
}

// commit adds the checked row to its unit, which it makes if it is new.
func (b *builder) commit() {
	r := &b.row
	u := r.index
	b.lastNew = u < 0
	if u < 0 {
		u = b.newUnit(r.unit)
	}
	sums := b.sums[u]
	for i := range sums {
		sums[i].add(&r.values[i].n, r.values[i].scale, &b.tmp)
	}
	b.t.Units[u].Rows++
}

// reject reports the problems of the row.
func (b *builder) reject() error {
	r := &b.row
	if !b.all {
		return r.bad[0].err
	}
	if _, seen := b.badUnits[r.unit]; r.index < 0 && r.unit != "" && !seen && !b.t.HasArea {
		// A later row of the unit is a second one, even while this one is
		// left out.
		b.badUnits[strings.Clone(r.unit)] = b.src.line(b.unitCol)
	}
	slices.SortStableFunc(r.bad, func(x, y rowProblem) int { return cmp.Compare(x.col, y.col) })
	for _, p := range r.bad {
		if len(b.t.Problems) == maxProblems {
			b.t.Problems = append(b.t.Problems, b.t.errorAt(0, "", msg.New("… and more problems; fix these first")))
			return errEnough
		}
		b.t.Problems = append(b.t.Problems, p.err)
	}
	return nil
}

// noteHidden records the row if Excel hides it.
func (b *builder) noteHidden() {
	if b.src.hidden() {
		b.t.HiddenRows = append(b.t.HiddenRows, b.src.line(0))
	}
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
func (b *builder) headless(cells []string) bool {
	for col := b.t.width; col < len(cells); col++ {
		if trimSpace(cells[col]) != "" {
			b.row.bad = append(b.row.bad, rowProblem{col, b.src.noHeading(col)})
			return false
		}
	}
	return true
}

// name returns the trimmed unit or area name of the row, and whether it
// is one.
func (b *builder) name(cells []string, col int, key, what string) (string, bool) {
	name := trimSpace(cell(cells, col))
	if name != "" && b.t.xlsx {
		b.remember(col, name)
	}
	if name == "" {
		// Excel shows the text of merged cells that start above in the
		// column in all their rows, as when "Bezirksstelle I" is merged
		// down over its Stadtteil rows; the file has it in the top one.
		e := b.src.empty(col)
		if e.above {
			name = trimSpace(e.text)
			if name == "" && e.top > 0 && col < len(b.names) && b.names[col].line == e.top {
				name = b.names[col].name // the top one, read from the stream
			}
		}
		if name == "" {
			b.emptyProblem(col, key, emptyName(key), e)
			return "", false
		}
	}
	if i := strings.IndexFunc(name, isBreak); i >= 0 {
		b.fail(col, key, breakMessage(name[i:]))
		return "", false
	}
	if len(name) > maxName && utf8.RuneCountInString(name) > maxName {
		// The report's cells could not hold it; cut short, two units
		// could have one name.
		b.fail(col, key, msg.New("a name of %s characters is longer than the %s an Excel cell holds", msg.Int(utf8.RuneCountInString(name)), msg.Int(maxName)))
		return "", false
	}
	if key != keyUnit && isTotal(name) {
		b.fail(col, key, msg.New("%s looks like a total row; remove it", cellText(name)))
		return "", false
	}
	return name, true
}

// area rejects a row whose area came before: summed twice, it would count
// twice.
func (b *builder) area(cells []string) {
	name, ok := b.name(cells, b.areaCol, keyArea, "area")
	if !ok {
		return
	}
	if first, dup := b.areas[name]; dup {
		b.fail(b.areaCol, keyArea, msg.New("area %s appears again (first %s)", cellText(name), b.t.lineRef(first)))
		return
	}
	b.areas[strings.Clone(name)] = b.src.line(b.areaCol)
}

// unit returns the index of the row's unit, -1 if it is new. Without an
// area column, a unit seen before is a second row for it.
func (b *builder) unit(name string) int {
	i, ok := b.units[name]
	if !b.t.HasArea {
		first, bad := b.badUnits[name]
		if ok {
			first = b.t.Units[i].Line
		}
		if ok || bad {
			b.fail(b.unitCol, keyUnit, msg.New("unit %s appears again (first %s)", cellText(name), b.t.lineRef(first)))
		}
	}
	if !ok {
		return -1
	}
	return i
}

// newUnit adds the unit of the current row.
func (b *builder) newUnit(name string) int {
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
	return len(b.t.Units) - 1
}

// parseValue parses the value of key into v.
func (b *builder) parseValue(v *decValue, cells []string, col int, key string) {
	s := trimSpace(cell(cells, col))
	if s == "" {
		b.emptyProblem(col, key, msg.New("empty value"), b.src.empty(col))
		return
	}
	d, err := b.src.dialect(col, s)
	if err != nil {
		b.fail(col, key, textOf(err))
		return
	}
	neg, err := b.num.value(s, d)
	if err != nil {
		b.fail(col, key, textOf(err))
		return
	}
	if neg {
		b.fail(col, key, msg.New("negative value %s", s))
		return
	}
	v.n.Set(&b.num.num)
	v.scale = b.num.scale
}

// emptyProblem reports an empty cell that must not be, with what Excel
// shows there (e), so that the user is not told a cell is empty that shows
// a value.
func (b *builder) emptyProblem(col int, key string, m msg.Text, e emptyCell) {
	switch {
	case e.formula == uncalculated:
		m = msg.New("formula without a calculated value; open the file in Excel or LibreOffice and save it")
	case e.formula == emptyResult:
		m = msg.New("%s (its formula's result is empty)", m)
	case e.merged != "":
		m = msg.New("%s in merged cells %s; unmerge them and fill in every row", m, e.merged)
	}
	b.fail(col, key, m)
}

// emptyName is the sentence about an empty unit or area name.
func emptyName(key string) msg.Text {
	if key == keyArea {
		return msg.New("empty area name")
	}
	return msg.New("empty unit name")
}

// fail records a problem of cell col of the row.
func (b *builder) fail(col int, key string, m msg.Text) {
	b.row.bad = append(b.row.bad, rowProblem{col, b.errorAt(col, key, m)})
}

func (b *builder) errorAt(col int, key string, m msg.Text) *Error {
	return b.t.errorAt(b.src.line(col), key, m)
}

// maxName is the most characters an Excel cell holds.
const maxName = 32767

// breakMessage says what is wrong with a name that holds the character
// that s starts with: a line break, or a control character that no one
// sees, such as the NUL of a damaged export.
func breakMessage(s string) msg.Text {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return msg.New("a name must be one line")
	case '\t':
		return msg.New("a name holds a tab; replace it by a space")
	}
	return msg.New("a name holds the control character U+%04X, which no one sees; remove it", r)
}

// isBreak matches what breaks a name's line in the report's tables: line
// and paragraph breaks, tabs and other control characters, such as the
// line break of a quoted multi-line CSV cell or of Alt+Enter in Excel.
func isBreak(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// totalWords are the first or last words of total rows, as German Excel
// and people write them ("Gesamtergebnis" under a pivot table). A total
// row summed with the units would take half the budget.
var totalWords = []string{"summe", "gesamt", "insgesamt", "total", "endsumme", "zwischensumme",
	"gesamtergebnis", "gesamtsumme", "endergebnis", "ges", "sum", "σ"}

// isTotal says whether the name's first or last word is a total word
// ("Summe", "Gesamt:", "Summe Stadt", "Stadt gesamt", "Ges.", but not
// "Gesamtschule"). It runs for every row, so it allocates nothing.
func isTotal(name string) bool {
	name = strings.TrimSpace(name)
	first, _, _ := strings.Cut(name, " ")
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return isTotalWord(strings.TrimRight(first, ":.")) || len(last) < len(name) && isTotalWord(strings.TrimRight(last, ":."))
}

func isTotalWord(word string) bool {
	if len(word) < 2 || len(word) > len("gesamtergebnis") { // the longest
		return false // "σ" is two bytes
	}
	switch word[0] | 0x20 { // the first letters of the words, any case; Σ and σ start 0xCE, 0xCF
	case 's', 'g', 'i', 't', 'e', 'z', 0xEE, 0xEF:
	default:
		return false
	}
	for _, w := range totalWords {
		if len(w) == len(word) && strings.EqualFold(word, w) {
			return true
		}
	}
	return false
}
