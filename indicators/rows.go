package indicators

import (
	"cmp"
	"errors"
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// builder sums rows into per-unit accumulators as they stream by, so that
// memory grows with the units, not with the rows (but for some 6 bytes an
// area, see areaSet). Each row is
// checked whole before it is added, so that a bad row adds nothing.
type builder struct {
	t       *Table
	src     source
	keys    []string // indicator keys, then the spending key if read
	cols    []int    // their columns
	units   map[string]int
	areas   areaSet    // the area names read
	sums    [][]decSum // per unit, per key
	num     numParser
	tmp     big.Int
	unitCol int
	areaCol int
	period  periodFilter

	all      bool           // Schema.AllProblems
	row      rowCheck       // the current row
	badUnits map[string]int // unit name -> line, of units met only in bad rows (AllProblems)

	names []namedRow // per column of names, the last name read from its cell (xlsx)
	hint  areaHint   // see hintArea

	// isCSV says that the source is CSV, whose numbers are all of
	// csvDialect: parseValue does not ask for every cell.
	isCSV      bool
	csvDialect Dialect
	total      totalRow // a row labelled as a total, held back until it is known to be the last
	lastNew    bool     // the last row that counted made a unit of its own, the last one

	gap      bool // an empty row came after the last row of data: notes may follow
	lastLine int  // the line of the last cell of the last row that is not blank
	textCols int  // the columns left of the first value column, where notes hold their text
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
	unit    string
	index   int          // the unit's index in t.Units, -1 if it is new
	total   bool         // its name says it is a total row, or hold is set
	hold    *Error       // its empty unit or area name, unless it is a total row; see check
	holdCol int          // the column of hold
	values  []decValue   // per key
	bad     []rowProblem // in the order found
}

// decValue is a parsed cell value, n / 10^scale, or small / 10^scale if
// isSmall (see fastNumber).
type decValue struct {
	n       big.Int
	scale   int
	small   uint64
	isSmall bool
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
	b := &builder{t: t, src: src, units: map[string]int{}, areas: newAreaSet(), all: all, badUnits: map[string]int{}}
	if _, ok := src.(rewinder); !ok {
		b.areas.exact = map[string]int{} // see areaSet
	}
	if s, ok := src.(*csvSource); ok {
		b.isCSV, b.csvDialect = true, s.d
	}
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
	b.textCols, b.lastLine = 0, t.headerLine
	if len(b.cols) > 0 {
		b.textCols = slices.Min(b.cols)
	}
	return b
}

// add checks one row and adds its values to its unit. A bad row adds
// nothing. Without AllProblems its first problem ends the read, as the
// user is to fix it first; with AllProblems its problems are kept and the
// read goes on, until there are too many.
func (b *builder) add(cells []string) error {
	if blankRow(cells) {
		b.gap = true
		return nil // blank lines and rows between blocks carry nothing
	}
	// CSV skips empty lines, and a sheet leaves out empty rows: a gap in
	// the numbers is an empty row too.
	line := b.src.line(0)
	b.gap = b.gap || line > b.lastLine+1
	b.lastLine = b.src.line(len(cells) - 1)
	if b.gap && b.isNote(cells) {
		b.t.Notes = append(b.t.Notes, b.t.note(line, cells))
		return nil
	}
	if err := b.notesNotLast(); err != nil {
		return err
	}
	b.gap = false
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
			b.row.bad = append(b.row.bad, rowProblem{b.row.holdCol, h})
			if !b.all && b.row.holdCol < b.row.bad[0].col {
				// Its first problem from the left, as it was found.
				last := len(b.row.bad) - 1
				b.row.bad[0], b.row.bad[last] = b.row.bad[last], b.row.bad[0]
			}
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

// isNote says whether a row after an empty row is a note below the table,
// such as "Quelle: IT.NRW, Stand 31.12.2025": text, with a letter, in the
// columns left of the values only, that reads as a note (see looksLikeNote).
// A row with anything in a column of values, or right of it, is a row of
// data, which must not be dropped without a word; so is a lone name such
// as "Ost": a last unit whose values are missing. Both are read, and
// refused if bad.
func (b *builder) isNote(cells []string) bool {
	first := ""
	for col, c := range cells {
		c = trimSpace(c)
		if c == "" {
			continue
		}
		if col >= b.textCols {
			return false
		}
		if first == "" {
			first = c
		}
	}
	return strings.IndexFunc(first, unicode.IsLetter) >= 0 && looksLikeNote(first)
}

// noteWords begin the notes statistics offices put below their tables.
var noteWords = []string{"quelle", "quellen", "stand", "datenstand", "stichtag", "hinweis", "hinweise",
	"anmerkung", "anmerkungen", "fußnote", "fussnote", "erläuterung", "erläuterungen", "source", "note", "notes"}

// looksLikeNote says whether a row's first text is a note and not a name:
// it has a colon ("Quelle: IT.NRW"), begins with a footnote mark ("*",
// "¹", "1)", "(1)") or with a word that notes begin with ("Stand
// 31.12.2025"). Anything else could be the name of a unit whose values
// are missing, which is an error to show, never a row to leave out.
func looksLikeNote(text string) bool {
	if strings.ContainsRune(text, ':') {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return true // *, ¹, (1), – …
	}
	if i := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsDigit(r) }); i > 0 && text[i] == ')' {
		return true // 1)
	}
	word, _, _ := strings.Cut(strings.ToLower(text), " ")
	word = strings.TrimRight(word, ".,;")
	return slices.Contains(noteWords, word)
}

// notesNotLast refuses notes that a row of data follows: they stand
// between the rows of the table, where a row without values is a unit
// whose values are missing, not a note.
func (b *builder) notesNotLast() error {
	if len(b.t.Notes) == 0 {
		return nil
	}
	n := b.t.Notes[0]
	b.t.Notes = b.t.Notes[:0]
	err := b.t.errorAt(n.Line, "", msg.New("%s has no values, but rows of data follow it; fill in its values, or move it below the table as a note", cellText(n.Text)))
	if !b.all {
		return err
	}
	return b.problem(err)
}

// holdTotal keeps the total row just checked until the end of the table.
func (b *builder) holdTotal() {
	t := &b.total
	t.line, t.col, t.name, t.hold = b.src.line(b.unitCol), b.unitCol, strings.Clone(b.row.unit), b.row.hold
	t.values = slices.Grow(t.values[:0], len(b.row.values))[:len(b.row.values)]
	for i := range b.row.values {
		if v := &b.row.values[i]; v.isSmall {
			t.values[i].n.SetUint64(v.small)
		} else {
			t.values[i].n.Set(&v.n)
		}
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
	n := len(r.bad)
	name, ok := b.name(cells, b.unitCol, keyUnit, "unit")
	// A unit's name is no total's: its first row was no total row.
	index, known := b.units[name]
	r.total = ok && !known && isTotal(name)
	if !ok && n == 0 && len(r.bad) == 1 && r.bad[0].err.Msg.String() == "empty unit name" && !b.areaNamed(cells) {
		// A row without a name, as of =SUM formulas under the table, may
		// be a total row: that is known at the end.
		r.hold, r.holdCol, r.total, r.bad = r.bad[0].err, b.unitCol, true, r.bad[:0]
	}
	if b.areaCol >= 0 && b.goOn() && !r.total {
		n = len(r.bad)
		b.area(cells) // a total row sums all areas, and names none
		if ok && !known && len(r.bad) == n+1 && r.bad[n].err.Msg.String() == "empty area name" {
			// A new unit without an area, such as "Alle Bezirksstellen",
			// may be a total row: that is known at the end.
			r.hold, r.holdCol, r.total, r.bad = r.bad[n].err, b.areaCol, true, r.bad[:n]
		}
	}
	b.hintArea()
	if ok && b.goOn() && !r.total {
		r.unit, r.index = name, b.unit(name, index, known)
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

// areaNamed says whether the row names an area: a total row names none.
func (b *builder) areaNamed(cells []string) bool {
	return b.areaCol >= 0 && trimSpace(cell(cells, b.areaCol)) != ""
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
		if v := &r.values[i]; v.isSmall {
			sums[i].addSmall(v.small, v.scale, &b.tmp)
		} else {
			sums[i].add(&v.n, v.scale, &b.tmp)
		}
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
		if e.above && e.top > 0 && col < len(b.names) && b.names[col].line == e.top {
			name = b.names[col].name // the top one, read from the stream
		}
		if name == "" {
			b.emptyProblem(col, key, emptyName(key), e)
			return "", false
		}
	}
	if i := indexBreak(name); i >= 0 {
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
	first, err := b.seenArea(name)
	if err != nil {
		b.fail(b.areaCol, keyArea, msg.New("cannot read the table again to look for an earlier row of area %s: %v", cellText(name), err))
		return
	}
	if first > 0 {
		b.fail(b.areaCol, keyArea, msg.New("area %s appears again (first %s)", cellText(name), b.t.lineRef(first)))
	}
}

// hintArea touches the area set where the next row's area name will be
// looked up, if the source has that row at hand; see areaSet.touch. It
// keeps the hash for that name, which is the next row's cell if the
// source hands out the bytes it looked at (see areaHint).
func (b *builder) hintArea() {
	a := &b.areas
	if b.areaCol < 0 || a.slots == nil || a.finding || a.exact != nil || a.collecting {
		return
	}
	if s, ok := b.src.(*csvSource); ok {
		if name, ok := s.nextCell(b.areaCol); ok {
			name = trimSpace(name)
			h := a.hash(name)
			b.hint = areaHint{unsafe.StringData(name), len(name), h}
			a.touch(h)
		}
	}
}

// areaHint is the hash of the bytes at p, of length n: the next row's
// area name as hintArea saw it in the reader's block. A cell of the same
// bytes is that name, as the reader does not write to a cell that is
// not quoted; the hash holds for the seed of the set it was made for.
type areaHint struct {
	p *byte
	n int
	h uint64
}

// hashOfArea returns the hash of the current row's area name, the one of
// hintArea if it hashed the same bytes.
func (b *builder) hashOfArea(name string) uint64 {
	if h := b.hint; h.p != nil && h.p == unsafe.StringData(name) && h.n == len(name) {
		b.hint = areaHint{}
		return h.h
	}
	return b.areas.hash(name)
}

// seenArea adds the area of the current row and returns the line of an
// earlier row of it, 0 if there is none; see areaSet.
func (b *builder) seenArea(name string) (int, error) {
	a := &b.areas
	line := b.src.line(b.areaCol)
	switch {
	case a.finding:
		if name == a.find && a.found == 0 {
			a.found = line
		}
		return 0, nil
	case a.exact != nil:
		if first, dup := a.exact[name]; dup {
			return first, nil
		}
		a.exact[strings.Clone(name)] = line
		return 0, nil
	case a.collecting:
		a.add(a.hash(name))
		return 0, nil
	}
	if a.crowded() {
		if err := b.growAreas(); err != nil {
			return 0, err
		}
	}
	if !a.add(b.hashOfArea(name)) {
		return 0, nil
	}
	a.rereads++
	if a.rereads > maxRereads {
		set, err := b.reread(func(r *areaSet) { r.exact = map[string]int{} })
		if err != nil {
			return 0, err
		}
		a.exact = set.exact
		return b.seenArea(name)
	}
	set, err := b.reread(func(r *areaSet) { r.find, r.finding = name, true })
	if err != nil {
		return 0, err
	}
	return set.found, nil
}

// growAreas makes the table of area hashes that the rest of the file
// needs: from the map of the first names, for as many as the file holds
// by what they took of it; from a table too full, one twice as large,
// by reading the file again up to the current row.
func (b *builder) growAreas() error {
	a := &b.areas
	b.hint = areaHint{} // of the old seed
	if a.slots == nil {
		a.spread(b.expectAreas())
		return nil
	}
	size := slotsFor(max(2*a.n, b.expectAreas()))
	set, err := b.reread(func(r *areaSet) {
		r.collecting = true
		r.slots, r.mem = newSlots(size)
	})
	if err != nil {
		return err
	}
	a.seed, a.slots, a.mem, a.n = set.seed, set.slots, set.mem, set.n
	return nil
}

// progresser is a source that knows how far it has read.
type progresser interface {
	// progress returns the bytes read so far and those of the whole,
	// both 0 if not known.
	progress() (done, total int64)
}

// expectAreas estimates the number of area names of the whole table,
// from those read so far and the part of the file that they took, with a
// quarter more for rows shorter than these.
func (b *builder) expectAreas() int {
	n := b.areas.n
	if p, ok := b.src.(progresser); ok {
		if done, total := p.progress(); done > 0 && total > done {
			return int(float64(n) * float64(total) / float64(done) * expectMargin)
		}
	}
	return 8 * n
}

// expectMargin is the quarter more of expectAreas; a variable, so that the
// tests can make the table too small.
var expectMargin = 1.25

// rewinder is a source that can be read again from its start, beside
// the read that goes on.
type rewinder interface {
	// rewind returns a source that reads from the start, and a function
	// that ends its read and puts the first read back where it was.
	rewind() (source, func() error, error)
}

// reread reads the table again from its start up to the current row, as
// this read read it, into the set of areas that setup makes, and returns
// that set: to find the first row of a name, to keep the names as they
// are, or to make a larger table of their hashes. The rows are checked
// again as this read checked them, to find the same areas: the rows of a
// later period start anew, and the name of merged cells counts for every
// row under them.
func (b *builder) reread(setup func(*areaSet)) (*areaSet, error) {
	src, done, err := b.src.(rewinder).rewind()
	if err != nil {
		return nil, err
	}
	t := *b.t // a copy to fill, with the header as read
	t.Units, t.Problems, t.HiddenRows, t.Warnings, t.TotalRow, t.Period = nil, nil, nil, nil, 0, ""
	r := newBuilder(&t, src, b.all)
	r.period.want = b.period.want
	setup(&r.areas)
	stop := b.src.line(0)
	for {
		cells, err := src.next()
		if err != nil {
			break // before the current row: it cannot fail where this read did not
		}
		line := src.line(0)
		if line <= t.headerLine {
			continue
		}
		if line >= stop {
			break
		}
		r.add(cells) // its problems are this read's, reported already
	}
	if err := done(); err != nil {
		return nil, err
	}
	return &r.areas, nil
}

// unit returns the index of the row's unit, -1 if it is new; i and ok
// are what b.units holds for it. Without an area column, a unit seen
// before is a second row for it.
func (b *builder) unit(name string, i int, ok bool) int {
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
	d, err := b.csvDialect, error(nil)
	if !b.isCSV {
		d, err = b.src.dialect(col, s)
	}
	if err != nil {
		b.fail(col, key, textOf(err))
		return
	}
	if n, scale, ok := fastNumber(s, d); ok {
		v.small, v.scale, v.isSmall = n, scale, true
		return
	}
	v.isSmall = false
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

// indexBreak is strings.IndexFunc(s, isBreak), without decoding the
// characters of a name, which it runs for every row: a break is a byte
// below ' ', DEL, a C1 control (0xC2 0x80–0x9F in UTF-8) or U+2028,
// U+2029 (0xE2 0x80 0xA8, 0xA9). The lead bytes 0xC2 and 0xE2 are
// never inside another character, so no decoding can see them otherwise
// (FuzzParseNumber compares the two).
func indexBreak(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < ' ' || c == 0x7F:
			return i
		case c == 0xC2 && i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x9F:
			return i
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			return i
		}
	}
	return -1
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
	"gesamtergebnis", "gesamtsumme", "endergebnis", "gesamtstadt", "ges", "sum", "σ"}

// isTotal says whether the name's first or last word is a total word
// ("Summe", "Gesamt:", "Summe Stadt", "Stadt gesamt", "Ges.", but not
// "Gesamtschule"). It runs for every row, so it allocates nothing.
func isTotal(name string) bool {
	name = strings.TrimSpace(name)
	first, _, _ := strings.Cut(name, " ")
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return isTotalWord(trimColonDot(first)) || len(last) < len(name) && isTotalWord(trimColonDot(last))
}

// trimColonDot is strings.TrimRight(s, ":."), which costs a set of bytes
// made for every call.
func trimColonDot(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ':' || s[len(s)-1] == '.') {
		s = s[:len(s)-1]
	}
	return s
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
