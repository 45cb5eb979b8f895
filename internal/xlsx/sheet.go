package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// This file reads the rows of a sheet straight from the workbook's zip,
// with xmlScanner: excelize's Rows decodes every cell with encoding/xml,
// which made reading a sheet of 100,000 rows take seconds and allocate
// hundreds of megabytes. The sheet part is streamed, so memory grows with
// the shared strings and the widest row, not with the rows. It reads what
// excelize's Rows reads, cell by cell (see Rows), and tells what
// excelize's raw values do not: the type of each cell.

// Kind is what a cell holds, from its type attribute.
type Kind uint8

const (
	NoValue       Kind = iota // no cell, or one without a value
	Number                    // a number, or a boolean (1, 0), error or date, as Excel stores them
	SharedString              // text in the shared string table (t="s"), as Excel keeps text
	InlineString              // text in the cell (t="inlineStr"), as streaming writers keep it
	FormulaString             // the text result of a formula (t="str")
	DateValue                 // a number shown as a date or time, by its cell's number format
	DateText                  // a date or time as ISO 8601 text (t="d")
)

// booleanValue is a boolean cell (t="b") while it is read; it is then a
// number, 1 or 0.
const booleanValue Kind = 99

// Formula says whether a cell without a value holds a formula, and why
// its value is empty, as far as the file tells.
type Formula uint8

const (
	NoFormula    Formula = iota
	Uncalculated         // no result saved: written by a script, never calculated
	EmptyResult          // a result saved, and it is empty text, as of =WENN(...;"")
)

// The bounds of a sheet in Excel.
const (
	MaxRows    = 1_048_576
	MaxColumns = 16_384
)

// ErrBadSheet marks a sheet that is well-formed XML but cannot be read
// right (errors.Is): excelize would read such a sheet, and put cells into
// the wrong rows or columns without a word.
var ErrBadSheet = errors.New("the sheet is damaged")

// badSheet is an error of ErrBadSheet, whose detail is a sentence of the
// catalogue.
func badSheet(format string, args ...any) error {
	return &badSheetError{msg.New(format, args...)}
}

type badSheetError struct{ detail msg.Text }

func (e *badSheetError) Error() string        { return e.In(msg.EN) }
func (e *badSheetError) Is(target error) bool { return target == ErrBadSheet }
func (e *badSheetError) In(l msg.Lang) string {
	return msg.New("the sheet is damaged: %s", e.detail).In(l)
}

// sharedStringsPart is where excelize looks for the shared strings,
// whatever the workbook's relationships say.
const sharedStringsPart = "xl/sharedStrings.xml"

// workbookParts are the parts of a workbook by name, as excelize names
// them: backslashes made slashes, the shared strings and the content types
// found in any case; of two parts with one name, the last.
type workbookParts map[string]*zip.File

func zipParts(zr *zip.Reader) workbookParts {
	parts := workbookParts{}
	for _, f := range zr.File {
		parts[partName(f.Name)] = f
	}
	return parts
}

// partName is the name by which excelize finds a part.
func partName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	switch strings.ToLower(name) {
	case "[content_types].xml":
		name = "[Content_Types].xml"
	case strings.ToLower(sharedStringsPart):
		name = sharedStringsPart
	}
	return name
}

// read returns a small part whole, with the namespaces of Strict Open XML
// made those of the usual kind, as excelize reads them; nil if there is no
// such part.
func (p workbookParts) read(name string) ([]byte, error) {
	f := p[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > MaxWholePart {
		return nil, msg.Errorf("part %s unpacks to more than %d MiB", msg.Quoted(f.Name), MaxWholePart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc) // no more than declared
	if err != nil {
		return nil, err
	}
	b = bytes.ReplaceAll(b, []byte(nsRelStrict), []byte(nsRel))
	return bytes.ReplaceAll(b, []byte(nsMainStrict), []byte(nsMain)), nil
}

// The namespace of relationships, of the usual Open XML and of Strict Open
// XML, and the type of the relationship to the workbook.
const (
	nsRel       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRelStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	relWorkbook = nsRel + "/officeDocument"
)

type xmlRelationships struct {
	XMLName xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Rels    []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
		Type   string `xml:"Type,attr"`
	} `xml:"Relationship"`
}

type xmlSheet struct {
	Name  string     `xml:"name,attr"`
	State string     `xml:"state,attr"`
	Attrs []xml.Attr `xml:",any,attr"`
}

// MaxSheets bounds the sheets of a workbook: a few hundred bytes can list
// 100,000 sheets. Excel has no fixed limit; a table of indicators has a
// handful.
const MaxSheets = 1000

// workbookSheets reads the sheets of the workbook part, one by one, up to
// MaxSheets.
func workbookSheets(b []byte) ([]xmlSheet, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var list []xmlSheet
	depth, inSheets := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return list, nil
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case el.Name.Local == "sheets" && depth == 2:
				inSheets = depth
			case el.Name.Local == "sheet" && inSheets > 0 && depth == inSheets+1:
				if len(list) == MaxSheets {
					return nil, msg.Errorf("the workbook has more than %d sheets", MaxSheets)
				}
				var s xmlSheet
				if err := d.DecodeElement(&s, &el); err != nil {
					return nil, err
				}
				list = append(list, s)
				depth--
			}
		case xml.EndElement:
			if depth == inSheets {
				inSheets = 0
			}
			depth--
		}
	}
}

// rels reads a relationships part; nil if it is missing or damaged.
func (p workbookParts) rels(name string) *xmlRelationships {
	b, err := p.read(name)
	if err != nil || b == nil {
		return nil
	}
	var rels xmlRelationships
	if err := xml.Unmarshal(b, &rels); err != nil {
		return nil
	}
	return &rels
}

// workbookSheet is a sheet of the workbook and its part; "" if the
// workbook names none that is there.
type workbookSheet struct {
	name, part string
	hidden     bool // hidden or very hidden in Excel
}

// sheets lists the sheets of the workbook in order, with their parts,
// found as excelize finds them: the workbook is the package's office
// document, a sheet's r:id names a relationship of the workbook, and its
// target is a path from the workbook's folder, or from the package's root
// if it starts with "/". A workbook part that cannot be found has no
// sheets.
func (p workbookParts) sheets() ([]workbookSheet, error) {
	var wbPath string
	if rels := p.rels("_rels/.rels"); rels != nil {
		for _, rel := range rels.Rels {
			if rel.Type == relWorkbook {
				wbPath = strings.TrimPrefix(rel.Target, "/")
				break
			}
		}
	}
	b, err := p.read(wbPath)
	if err != nil || b == nil {
		return nil, err
	}
	wbSheets, err := workbookSheets(b)
	if err != nil {
		return nil, err
	}
	dir := path.Dir(wbPath)
	relsPath := strings.TrimPrefix(dir+"/_rels/"+path.Base(wbPath)+".rels", "/")
	if dir == "." {
		relsPath = "_rels/" + path.Base(wbPath) + ".rels"
	}
	rels := p.rels(relsPath)
	if rels == nil {
		rels = &xmlRelationships{}
	}
	targets := map[string]string{} // by relationship id: the last that is there
	for _, rel := range rels.Rels {
		target := rel.Target
		if !strings.HasPrefix(target, "/") {
			target = dir + "/" + target
		}
		target = strings.TrimPrefix(strings.ReplaceAll(path.Clean(target), "\\", "/"), "/")
		if p[target] != nil {
			targets[rel.ID] = target
		}
	}
	parts := map[string]string{} // by sheet name; the last, as excelize maps them
	for _, s := range wbSheets {
		id := ""
		for _, a := range s.Attrs {
			if a.Name.Space == nsRel && a.Name.Local == "id" {
				id = a.Value
			}
		}
		if target, ok := targets[id]; ok {
			parts[s.Name] = target
		}
	}
	list := make([]workbookSheet, len(wbSheets))
	for i, s := range wbSheets {
		// "hidden" or "veryHidden" (shown by no menu of Excel); a state
		// that is neither, nor "visible", is not taken for visible.
		list[i] = workbookSheet{s.Name, parts[s.Name], s.State != "" && s.State != "visible"}
	}
	return list, nil
}

// openSheet opens the part of a sheet for Rows, which streams it
// from the zip, and reads the shared strings.
func (p workbookParts) openSheet(s workbookSheet) (*Rows, error) {
	if p[s.part] == nil {
		return nil, msg.Errorf("sheet %s does not exist", s.name)
	}
	rc, err := openPart(p[s.part])
	if err != nil {
		return nil, err
	}
	r := newSheetReader(rc)
	r.part, r.loadSST = rc, p.sharedStrings
	return r, nil
}

// streamed says whether f is read as a stream, once, and proved sound by
// that read (see partReader): a sheet or the shared strings.
func (p workbookParts) streamed(sheets []workbookSheet) func(f *zip.File) bool {
	return func(f *zip.File) bool {
		name := partName(f.Name)
		if name == sharedStringsPart {
			return p[name] == f
		}
		for _, s := range sheets {
			if s.part == name && p[name] == f {
				return true
			}
		}
		return false
	}
}

// sharedStrings reads the shared string table: the text of each string
// item, that of its <t> and those of its rich text runs <r><t> one after
// another, without its phonetic runs <rPh>, as excelize reads it.
func (p workbookParts) sharedStrings() (sharedTable, error) {
	f := p[sharedStringsPart]
	if f == nil {
		return sharedTable{}, nil
	}
	if f.UncompressedSize64 > MaxWholePart {
		return sharedTable{}, msg.Errorf("the shared strings unpack to more than %d MiB", MaxWholePart>>20)
	}
	rc, err := openPart(f)
	if err != nil {
		return sharedTable{}, err
	}
	defer rc.Close()
	list, err := readSharedStrings(rc)
	if derr := rc.finish(); derr != nil {
		return sharedTable{}, derr // whatever the read found
	}
	return list, err
}

// readSharedStrings reads the shared string table from its part.
func readSharedStrings(rc io.Reader) (sharedTable, error) {
	x := newXMLScanner(rc)
	k, err := x.next()
	switch {
	case err == io.EOF:
		return sharedTable{}, nil // excelize takes an empty part for no strings
	case err == nil && (k != tagStart || string(x.name) != "sst" || !x.main):
		err = msg.Errorf("not a table of shared strings")
	case err == nil:
		var list sharedTable
		if list, err = readItems(x); err == nil {
			return list, nil
		}
	}
	return sharedTable{}, msg.Errorf("the shared strings: %w", err)
}

// readItems reads the string items of the shared strings, whose start tag
// x just read.
func readItems(x *xmlScanner) (sharedTable, error) {
	var text []byte
	var ends []uint32
	var item stringItem
	if x.empty {
		return sharedTable{}, nil
	}
	for {
		k, err := x.next()
		if err != nil {
			return sharedTable{}, eofInElement(x, err)
		}
		if k == tagEnd {
			return sharedTable{string(text), ends}, nil
		}
		if string(x.name) != "si" || !x.main {
			if string(x.name) == "si" {
				return sharedTable{}, x.foreign()
			}
			if err := x.skip(); err != nil {
				return sharedTable{}, err
			}
			continue
		}
		if len(ends) == maxSharedStrings {
			return sharedTable{}, msg.Errorf("more than %d shared strings", maxSharedStrings)
		}
		item.reset()
		if err := item.read(x); err != nil {
			return sharedTable{}, err
		}
		text = append(text, item.text()...)
		ends = append(ends, uint32(len(text)))
	}
}

// maxSharedStrings bounds the shared strings: 50 million empty ones fit in
// a 1.3 MB file. A workbook of a million rows, each with a name of its
// own, has a million.
const maxSharedStrings = 10_000_000

// sharedTable holds the shared strings in one string, so that each costs
// 4 bytes besides its text, not a string header of 16 and an allocation.
type sharedTable struct {
	text string
	ends []uint32 // where each ends in text
}

func (t *sharedTable) len() int { return len(t.ends) }

// at returns string i, a part of text.
func (t *sharedTable) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.text[start:t.ends[i]]
}

// stringItem is the text of a shared string item <si> or an inline string
// <is>: its <t> and its runs. An element of several <t> counts the last,
// as excelize decodes it.
type stringItem struct {
	t, runs, out []byte
}

func (s *stringItem) reset() {
	s.t, s.runs = s.t[:0], s.runs[:0]
}

// read reads the rest of the item whose start tag x just read.
func (s *stringItem) read(x *xmlScanner) error {
	if x.empty {
		return nil
	}
	for {
		k, err := x.next()
		if err != nil {
			return eofInElement(x, err)
		}
		if k == tagEnd {
			return nil
		}
		switch name := string(x.name); {
		case (name == "t" || name == "r") && !x.main:
			err = x.foreign()
		case name == "t":
			s.t, err = x.elementText(s.t[:0])
		case name == "r":
			err = s.run(x)
		default:
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

func (s *stringItem) run(x *xmlScanner) error {
	if x.empty {
		return nil
	}
	n := len(s.runs)
	for {
		k, err := x.next()
		if err != nil {
			return eofInElement(x, err)
		}
		if k == tagEnd {
			return nil
		}
		if string(x.name) == "t" && !x.main {
			err = x.foreign()
		} else if string(x.name) == "t" {
			s.runs, err = x.elementText(s.runs[:n])
		} else {
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// text returns the item's text, with the escapes of characters that XML
// cannot hold (_x0008_) decoded, as excelize does. It is valid until the
// next reset.
func (s *stringItem) text() []byte {
	s.out = append(append(s.out[:0], s.t...), s.runs...)
	if bytes.Contains(s.out, []byte("_x")) {
		s.out = unescapeBSTR(s.out)
	}
	return s.out
}

// unescapeBSTR decodes _xHHHH_, in which Excel writes a character that XML
// cannot hold, as excelize's bstrUnmarshal does: _x005F_ is "_", an escape
// of half a surrogate pair is dropped.
func unescapeBSTR(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if i+7 <= len(b) && b[i] == '_' && b[i+1] == 'x' && b[i+6] == '_' {
			if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil {
				if r := rune(n); utf8.ValidRune(r) {
					out = utf8.AppendRune(out, r)
				}
				i += 7
				continue
			}
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// Rows reads the rows of a sheet part as excelize's Rows does, with
// the raw values of Options.RawCellValue:
//
//   - A row is numbered by its r attribute, or follows the row before it.
//     A row that is not in the file is not returned; excelize returns it
//     without cells.
//   - A cell is placed by its r attribute, or follows the cell before it.
//     A cell without a value is left out, unless it holds a formula, and
//     a row ends at its last cell with a value.
//   - A cell's value is its <v> as stored: numbers as Excel writes them,
//     booleans "1" and "0", the cached result of a formula ("" if no
//     program calculated it). A shared string (t="s") is looked up, an
//     inline string (t="inlineStr") is the text of its <is>.
//
// Where excelize would read a well-formed sheet wrongly, Rows
// refuses it (ErrBadSheet): a row out of order, whose cells excelize adds
// to the row before; a cell out of order, which it puts right of the last;
// row and column numbers beyond Excel's. A cell whose style attribute is
// not a number keeps its value, which excelize drops; the first row keeps
// its hidden flag when it is not row 1, which excelize loses.
type Rows struct {
	x       *xmlScanner
	part    *partReader // nil if none to close
	sst     sharedTable
	loadSST func() (sharedTable, error) // reads sst on the first shared string, if not nil
	dates   []bool                      // which styles show dates; see dateStyles
	formula []Formula                   // per cell of the current row: see formulaAt

	row    int  // the current row's number, from 1
	hidden bool // whether it is hidden
	cells  []string
	kinds  []Kind

	cur     int  // the number of the last row element, as excelize counts
	pending bool // x has read the start tag of the next row
	next    struct {
		row    int
		hidden bool
	}
	stray bool // the current row element came out of order
	done  bool

	text  []byte     // the row's values, one after another
	spans []cellSpan // where they are
	col   int        // the last cell's column, from 1
	width int        // the last column with a value, from 1: the row's length
	v     []byte
	is    stringItem
}

// cellSpan is a cell of the row: its value is text[start:end], or the
// shared string of index shared if that is not -1.
type cellSpan struct {
	col        int // from 1
	start, end int
	shared     int
	kind       Kind
	formula    Formula
}

func newSheetReader(part io.Reader) *Rows {
	return &Rows{x: newXMLScanner(part)}
}

func (s *Rows) close() {
	if s.part != nil {
		s.part.Close()
	}
}

// finishPart reads the sheet's part to its end and says whether it is
// damaged (a *damagedPart), whatever the read found.
func (s *Rows) finishPart() error {
	if s.part == nil {
		return nil
	}
	return s.part.finish()
}

// formulaAt says whether cell col (from 0) of the current row holds a
// formula without a value, and why, as far as the file tells: with a <v>
// (a result, "") or without one (never calculated).
func (s *Rows) formulaAt(col int) Formula {
	if col < 0 || col >= len(s.formula) {
		return NoFormula
	}
	return s.formula[col]
}

// kind returns the kind of cell col (from 0) of the current row.
func (s *Rows) kind(col int) Kind {
	if col < 0 || col >= len(s.kinds) {
		return NoValue
	}
	return s.kinds[col]
}

// read reads the next row into s.row, s.hidden, s.cells and s.kinds; it
// returns io.EOF after the last row.
func (s *Rows) read() error {
	err := s.readRow()
	if xe, ok := err.(*xmlError); ok {
		xe.row = s.row
	}
	return err
}

func (s *Rows) readRow() error {
	if s.done {
		return io.EOF
	}
	started := false
	if s.pending {
		s.start(s.next.row, s.next.hidden)
		s.pending, started = false, true
	}
	for {
		k, err := s.x.next()
		if err == io.EOF {
			s.done = true
			break
		}
		if err != nil {
			return err
		}
		name := s.x.name
		if k == tagStart && !s.x.main && (string(name) == "row" || string(name) == "c") {
			return s.foreignCell()
		}
		switch {
		case k == tagStart && string(name) == "row":
			n, hidden, err := s.rowStart()
			if err != nil {
				return err
			}
			switch {
			case n > s.row && started:
				s.pending = true
				s.next.row, s.next.hidden = n, hidden
				return s.finish()
			case n > s.row:
				s.start(n, hidden)
				started = true
			default:
				// excelize adds the cells of a row out of order to the
				// current row; one without cells does no harm.
				if !started {
					s.start(s.row, false)
					started = true
				}
				s.stray = true
			}
		case k == tagStart && string(name) == "c" && started:
			if err := s.cell(); err != nil {
				return s.cellError(err)
			}
		case k == tagEnd && string(name) == "sheetData":
			if started {
				return s.finish()
			}
			s.done = true
			return io.EOF
		}
	}
	if started {
		return s.finish()
	}
	return io.EOF
}

func (s *Rows) start(row int, hidden bool) {
	s.row, s.hidden, s.stray = row, hidden, false
	s.text, s.spans, s.col, s.width = s.text[:0], s.spans[:0], 0, 0
}

// rowStart reads the number and the hidden flag of the row whose start
// tag x just read.
func (s *Rows) rowStart() (int, bool, error) {
	x := s.x
	if err := x.parseAttrs(); err != nil {
		return 0, false, err
	}
	n := 0
	r, ok, err := x.attr("r")
	if err != nil {
		return 0, false, err
	}
	if ok {
		var err error
		if n, err = atoi(r); err != nil {
			return 0, false, msg.Errorf("invalid row number %s", msg.Quoted(r))
		}
	}
	if n == 0 { // as excelize takes it
		n = s.cur + 1
	}
	if n < 0 || n > MaxRows {
		return 0, false, badSheet("row number %d is out of range", n)
	}
	s.cur = n
	hidden := false
	h, ok, err := x.attr("hidden")
	if err != nil {
		return 0, false, err
	}
	if ok {
		hidden, _ = strconv.ParseBool(string(h))
	}
	return n, hidden, nil
}

// cell reads the cell whose start tag x just read.
func (s *Rows) cell() error {
	col, kind, err := s.cellStart()
	if err != nil {
		return err
	}
	c, err := s.cellContent()
	if err != nil {
		return err
	}
	val, shared, kind, err := s.cellValue(kind, c.inline)
	if err != nil {
		return err
	}
	if len(val) == 0 && shared < 0 && !c.formula {
		return nil
	}
	return s.addCell(col, val, shared, kind, c)
}

// cellStart reads the column (from 1) and the kind of the cell whose
// start tag x just read, from its attributes.
func (s *Rows) cellStart() (int, Kind, error) {
	x := s.x
	if err := x.parseAttrs(); err != nil {
		return 0, 0, err
	}
	col := s.col + 1
	s.col = col // for a message, if r does not parse
	r, ok, err := x.attr("r")
	if err != nil {
		return 0, 0, err
	}
	if ok && len(r) > 0 {
		if col, err = cellColumn(r); err != nil {
			return 0, 0, err
		}
	}
	s.col = col
	t, _, err := x.attr("t")
	if err != nil {
		return 0, 0, err
	}
	kind := typeKind(t)
	if kind == Number && s.dates != nil {
		st, _, err := x.attr("s")
		if err != nil {
			return 0, 0, err
		}
		if i, err := atoi(st); err == nil && i < len(s.dates) && s.dates[i] {
			kind = DateValue
		}
	}
	return col, kind, nil
}

// typeKind is the kind of a cell by its type attribute t.
func typeKind(t []byte) Kind {
	switch string(t) {
	case "s":
		return SharedString
	case "inlineStr":
		return InlineString
	case "str":
		return FormulaString
	case "d":
		return DateText
	case "b":
		return booleanValue
	}
	return Number
}

// cellContent is what a cell holds besides its value, s.v or s.is.
type cellContent struct {
	formula bool // an <f>
	inline  bool // an <is>
	hasV    bool // a <v>, read by the slow way
}

// cellContent reads what the cell holds into s.v (its <v>) and s.is (its
// inline string <is>), up to its end tag.
func (s *Rows) cellContent() (cellContent, error) {
	x := s.x
	s.v = s.v[:0]
	s.is.reset()
	var c cellContent
	open := !x.empty
	if open {
		// Most cells hold nothing else.
		if v, ok := x.quick("<v>", "</v></c>"); ok {
			s.v, open = append(s.v, v...), false
		} else if t, ok := x.quick("<is><t>", "</t></is></c>"); ok {
			s.is.t, c.inline, open = append(s.is.t, t...), true, false
		}
	}
	for open {
		k, err := x.next()
		if err != nil {
			return c, eofInElement(x, err)
		}
		if k == tagEnd {
			open = string(x.name) != "c"
			continue
		}
		switch name := string(x.name); {
		case (name == "v" || name == "f" || name == "is") && !x.main:
			err = x.foreign()
		case name == "v":
			c.hasV = true
			s.v, err = x.elementText(s.v[:0])
		case name == "f":
			c.formula = true
			err = x.skip()
		case name == "is":
			// excelize decodes several into one: the last <t>, all runs
			c.inline = true
			err = s.is.read(x)
		}
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

// cellValue returns the value of the cell just read, or the index of its
// shared string if that is not -1, and its kind: a boolean is a number.
func (s *Rows) cellValue(kind Kind, inline bool) ([]byte, int, Kind, error) {
	switch kind {
	case SharedString:
		shared, err := s.sharedIndex()
		return nil, shared, kind, err
	case InlineString:
		if inline {
			return s.is.text(), -1, kind, nil
		}
	case booleanValue:
		// Excel stores TRUE and FALSE as 1 and 0; 7 is neither.
		if v := bytes.TrimSpace(s.v); len(v) > 0 && string(v) != "0" && string(v) != "1" {
			return nil, -1, kind, badSheet("boolean cell holds %s, not 0 or 1", msg.Quoted(v))
		}
		return s.v, -1, Number, nil
	}
	return s.v, -1, kind, nil
}

// sharedIndex returns the index of the shared string in s.v, -1 if there
// is none or it is empty. The shared strings are read on the first.
func (s *Rows) sharedIndex() (int, error) {
	if s.loadSST != nil {
		var err error
		if s.sst, err = s.loadSST(); err != nil {
			return -1, err
		}
		s.loadSST = nil
	}
	if len(s.v) == 0 {
		return -1, nil
	}
	// excelize takes what does not parse as 0, and an index out of range
	// as "": a header text would become a unit.
	v := bytes.TrimSpace(s.v)
	i, err := atoi(v)
	switch {
	case err != nil || len(v) == 0 || v[0] < '0' || v[0] > '9':
		return -1, badSheet("shared string index %s is not a number", msg.Quoted(v))
	case i >= s.sst.len():
		return -1, badSheet("shared string index %d is out of range (the workbook has %d shared strings)", i, s.sst.len())
	case s.sst.at(i) == "":
		return -1, nil
	}
	return i, nil
}

// addCell adds the cell of column col to the row, after the checks that
// it is in its place.
func (s *Rows) addCell(col int, val []byte, shared int, kind Kind, c cellContent) error {
	if s.stray {
		return badSheet("row %d comes after row %d", s.cur, s.row)
	}
	if col <= s.width {
		return badSheet("cell %s comes after cell %s", cellName(col-1, s.row), cellName(s.width-1, s.row))
	}
	if col > MaxColumns {
		return badSheet("row %d has more than %d columns", s.row, MaxColumns)
	}
	empty := len(val) == 0 && shared < 0
	if empty {
		kind = NoValue
	}
	s.width = col
	start := len(s.text)
	s.text = append(s.text, val...)
	fs := NoFormula
	if c.formula && empty {
		// A program that calculated it saved its result, "" too; one
		// that did not (a script) wrote no <v>.
		fs = Uncalculated
		if c.hasV {
			fs = EmptyResult
		}
	}
	s.spans = append(s.spans, cellSpan{col: col, start: start, end: len(s.text), shared: shared, kind: kind, formula: fs})
	return nil
}

// foreignCell is the error for a row or cell of another namespace, in
// the cell its r names.
func (s *Rows) foreignCell() error {
	err := s.x.foreign()
	if string(s.x.name) == "c" && s.x.parseAttrs() == nil {
		for _, a := range s.x.kv {
			if _, bad := cellColumn(a.value); string(a.name) == "r" && bad == nil {
				return &cellError{cell: string(a.value), err: err}
			}
		}
	}
	return err
}

// cellError places an error in the cell being read.
func (s *Rows) cellError(err error) error {
	if xe, ok := err.(*xmlError); ok {
		xe.row = s.row
	}
	return &cellError{cell: cellName(s.col-1, s.row), err: err}
}

// cellError is an error in a cell of a sheet: A1 is where the user looks.
type cellError struct {
	cell string
	err  error
}

func (e *cellError) Error() string { return e.err.Error() }
func (e *cellError) Unwrap() error { return e.err }

// finish makes the cells of the row, with one string for all of them.
func (s *Rows) finish() error {
	text := string(s.text)
	s.cells, s.kinds, s.formula = s.cells[:0], s.kinds[:0], s.formula[:0]
	for _, sp := range s.spans {
		for len(s.cells) < sp.col-1 {
			s.cells, s.kinds = append(s.cells, ""), append(s.kinds, NoValue)
		}
		if sp.formula != NoFormula {
			for len(s.formula) < sp.col-1 {
				s.formula = append(s.formula, NoFormula)
			}
			s.formula = append(s.formula, sp.formula)
		}
		v := text[sp.start:sp.end]
		if sp.shared >= 0 {
			v = s.sst.at(sp.shared)
		}
		s.cells, s.kinds = append(s.cells, v), append(s.kinds, sp.kind)
	}
	return nil
}

// cellColumn returns the column of a cell reference such as "B5" or
// "$B$5", from 1, and checks it as excelize's CellNameToCoordinates does.
func cellColumn(ref []byte) (int, error) {
	col, _, err := cellCoordinates(ref)
	return col, err
}

// cellCoordinates returns the column and the row of a cell reference,
// both from 1.
func cellCoordinates(ref []byte) (col, row int, err error) {
	alpha := func(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '$' }
	i := len(ref) - 1
	for i >= 0 && !alpha(ref[i]) {
		i--
	}
	if len(ref) == 0 || !alpha(ref[0]) || i == len(ref)-1 {
		return 0, 0, msg.Errorf("invalid cell reference %s", msg.Quoted(ref))
	}
	row, err = atoi(ref[i+1:])
	if err != nil || row <= 0 {
		return 0, 0, msg.Errorf("invalid cell reference %s", msg.Quoted(ref))
	}
	if row > MaxRows {
		return 0, 0, badSheet("cell %s is beyond the last row", msg.Quoted(ref))
	}
	letters := 0
	for _, c := range ref[:i+1] {
		switch {
		case c == '$':
			continue
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			return 0, 0, msg.Errorf("invalid cell reference %s", msg.Quoted(ref))
		}
		letters++
	}
	if letters == 0 {
		return 0, 0, msg.Errorf("invalid cell reference %s", msg.Quoted(ref))
	}
	if col > MaxColumns || letters > 3 {
		return 0, 0, badSheet("cell %s is beyond the last column", msg.Quoted(ref))
	}
	return col, row, nil
}

// atoi is strconv.Atoi, without a string for the short numbers of rows
// and cells.
func atoi(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 9 {
		return strconv.Atoi(string(b))
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return strconv.Atoi(string(b))
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
