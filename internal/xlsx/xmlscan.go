package xlsx

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/runes"
)

// xmlScanner reads the tags of an XML part and, where asked, the text
// between them, over a buffer that it refills from the part as it goes, so
// that memory does not grow with the part. It is what encoding/xml's
// Decoder does for a sheet, without a token, an attribute list or a string
// per tag: encoding/xml allocates for every token, and took nine tenths of
// the time to read a large sheet.
//
// It knows what the parts of a workbook use: start, end and empty-element
// tags, whose names it takes without their namespace prefix, as excelize
// matches them; attributes in single or double quotes; text with the five
// named entities and character references; CDATA sections; comments,
// processing instructions and a DOCTYPE, which it skips. Line ends in text
// and attribute values read as "\n", as XML wants. It checks less than
// encoding/xml does (that end tags match, that names are names): a part
// it reads wrongly is malformed, and would not have been read right by
// excelize either, which stops at the first syntax error without a word.
type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int   // the unread bytes are buf[pos:end], checked to be UTF-8
	raw      int   // buf[end:raw] are read and not yet checked
	rerr     error // the reader's error, io.EOF at the end
	bad      bool  // buf[end] starts bytes that are not UTF-8
	utf16    bool  // they are UTF-16, found at the start
	started  bool  // the first bytes were checked

	// The last tag.
	name  []byte // local name
	qname []byte // name with its prefix, as in the tag
	attrs []byte // a start tag's attributes, raw
	empty bool   // a start tag that closes itself: <c r="A1"/>
	main  bool   // its element is in SpreadsheetML's namespace

	kv      []xmlAttr // attributes of the last start tag, by parseAttrs
	scratch []byte    // decoded attribute values

	// The open elements, for end tags that must match and for the
	// namespaces in scope.
	open        []openElement
	names       []byte      // their names, one after another
	bindings    []nsBinding // namespace declarations in scope
	defaultMain bool        // the default namespace is SpreadsheetML's
}

type xmlAttr struct {
	name, value []byte // local name; value decoded
	prefixed    bool   // the name has a namespace prefix
	prefix      []byte
}

// openElement is an element whose end tag is yet to come.
type openElement struct {
	name int  // where its name ends in names
	main bool // it is in SpreadsheetML's namespace
}

// nsBinding is a namespace declaration (xmlns:prefix="uri"), in scope
// while depth elements are open.
type nsBinding struct {
	prefix, uri string
	depth       int
}

// The namespaces of SpreadsheetML, whose elements alone the readers take:
// of the usual Open XML and of Strict Open XML.
const (
	nsMain       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	nsXML        = "http://www.w3.org/XML/1998/namespace"
)

// The kinds of tag that next returns; skipped markup is none of them.
const (
	tagNone = iota
	tagStart
	tagEnd
)

const (
	scanBuffer = 64 << 10
	// maxTag bounds a tag, which is held whole in the buffer: a tag of a
	// sheet is some dozen bytes.
	maxTag = 4 << 20
)

var errTagTooLong = msg.Errorf("a tag longer than 4 MiB")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, scanBuffer)}
}

// fill reads more bytes, keeping the unread ones, and says whether it got
// any. It moves the unread bytes to the start of the buffer, so offsets
// from pos stay valid and slices into the buffer do not. Only UTF-8 is
// passed on: the part ends, for the scanner, before the first byte that
// is not, and the error says so (see stop).
func (x *xmlScanner) fill() bool {
	if x.bad {
		return false
	}
	if x.pos > 0 {
		x.raw = copy(x.buf, x.buf[x.pos:x.raw])
		x.end -= x.pos
		x.pos = 0
	}
	for {
		if x.raw > x.end && x.check() {
			return true
		}
		if x.bad {
			return false
		}
		if x.rerr != nil {
			if x.raw > x.end { // a character cut off at the end
				x.bad = true
			}
			return false
		}
		if x.raw == len(x.buf) {
			if len(x.buf) >= maxTag {
				x.rerr = errTagTooLong
				return false
			}
			x.buf = append(x.buf, make([]byte, len(x.buf))...)
		}
		n, err := x.r.Read(x.buf[x.raw:])
		x.raw += n
		if err != nil {
			x.rerr = err
		}
	}
}

// check passes the read bytes that are UTF-8 on to the scanner, up to a
// character that the next read completes, and says whether there were
// any. encoding/xml refuses a part that is not UTF-8; excelize, which
// stops at the first error without a word, would lose the rest.
func (x *xmlScanner) check() bool {
	b := x.buf[x.end:x.raw]
	if !x.started {
		if len(b) < 2 && x.rerr == nil {
			return false // to tell UTF-16 by its first two bytes
		}
		x.started = true
		if isUTF16(b) {
			x.bad, x.utf16 = true, true
			return false
		}
	}
	n := runes.Complete(b)
	if utf8.Valid(b[:n]) {
		x.end += n
		return n > 0
	}
	i := 0
	for i < n {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	x.end += i
	x.bad = true
	return i > 0
}

// isUTF16 recognises a part in UTF-16 by its byte order mark, or by the
// zero byte of its first '<'.
func isUTF16(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF ||
		b[0] == '<' && b[1] == 0 || b[0] == 0 && b[1] == '<')
}

// notUTF8 is the error for text that is not UTF-8.
func (x *xmlScanner) notUTF8() error {
	if x.utf16 {
		return &xmlError{detail: msg.New("the part is UTF-16 text, which Excel does not write; open the workbook in Excel or LibreOffice and save it again")}
	}
	return &xmlError{detail: msg.New("text that is not UTF-8")}
}

// stop is the error of a fill that got nothing: io.EOF at the end of the
// part.
func (x *xmlScanner) stop() error {
	switch {
	case x.bad:
		return x.notUTF8()
	case x.rerr == io.EOF && len(x.open) > 0:
		return x.cut(msg.New("the part ends inside an element"))
	}
	return x.rerr
}

// need makes n bytes from pos available, if the part has them.
func (x *xmlScanner) need(n int) bool {
	for x.end-x.pos < n {
		if !x.fill() {
			return false
		}
	}
	return true
}

// xmlError is malformed XML, in a row of a sheet if row is not 0.
type xmlError struct {
	detail msg.Text
	row    int
}

func (e *xmlError) Error() string { return e.In(msg.EN) }

func (e *xmlError) In(l msg.Lang) string {
	if e.row > 0 {
		return msg.New("malformed XML in row %d: %s", e.row, e.detail).In(l)
	}
	return msg.New("malformed XML: %s", e.detail).In(l)
}

// syntax is the error for malformed XML, or the reader's error if it had
// one.
func (x *xmlScanner) syntax(detail msg.Text) error {
	if x.rerr != nil && x.rerr != io.EOF {
		return x.rerr
	}
	return &xmlError{detail: detail}
}

// cut is the error for a part that ends too soon, for the scanner: at
// the end, at a byte that is not UTF-8, or where the reader failed.
func (x *xmlScanner) cut(detail msg.Text) error {
	if x.bad {
		return x.notUTF8()
	}
	return x.syntax(detail)
}

// next skips text to the next start or end tag and returns its kind, or
// io.EOF at the end of the part.
func (x *xmlScanner) next() (int, error) {
	for {
		i := bytes.IndexByte(x.buf[x.pos:x.end], '<')
		if i < 0 {
			x.pos = x.end
			if !x.fill() {
				return tagNone, x.stop()
			}
			continue
		}
		x.pos += i
		if k, err := x.tag(nil); k != tagNone || err != nil {
			return k, err
		}
	}
}

// text appends the text up to the next start or end tag to dst, decoded,
// and returns the kind of that tag. The end of the part is an error here:
// text is only asked for inside an element.
func (x *xmlScanner) text(dst []byte) ([]byte, int, error) {
	// The first searched bytes from pos hold no '<'; amp, if not -1, is
	// where among them an entity starts whose ';' is yet to come.
	searched, amp := 0, -1
	for {
		seg := x.buf[x.pos:x.end]
		more := seg[searched:]
		if i := bytes.IndexByte(more, '<'); i >= 0 {
			var err error
			if dst, err = x.decode(dst, seg[:searched+i]); err != nil {
				return dst, tagNone, err
			}
			x.pos += searched + i
			var k int
			if k, err = x.tag(&dst); k != tagNone || err != nil {
				return dst, k, err
			}
			searched, amp = 0, -1
			continue
		}
		// Keep back what may go on in the next bytes: an entity, or a
		// "\r" that may be half of "\r\n".
		if a := bytes.LastIndexByte(more, '&'); a >= 0 {
			amp = searched + a
		}
		if amp >= 0 && !entityBytes(seg[max(amp+1, searched):]) {
			amp = -1 // it has ended, and decode can tell whether right
		}
		cut := len(seg)
		if amp >= 0 {
			cut = amp
		} else if cut > 0 && seg[cut-1] == '\r' {
			cut--
		}
		var err error
		if dst, err = x.decode(dst, seg[:cut]); err != nil {
			return dst, tagNone, err
		}
		x.pos += cut
		searched = len(seg) - cut
		if amp >= 0 {
			amp = 0
		}
		if !x.fill() {
			return dst, tagNone, x.cut(msg.New("the part ends inside an element"))
		}
	}
}

// tag reads the markup at pos, which is a '<'. A start or end tag is
// returned by kind, name and attributes; a CDATA section is appended to
// *text, if text is not nil; comments and the like are skipped.
func (x *xmlScanner) tag(text *[]byte) (int, error) {
	if !x.need(2) {
		return tagNone, x.cut(msg.New("the part ends in a tag"))
	}
	switch x.buf[x.pos+1] {
	case '/':
		i, err := x.tagEnd()
		if err != nil {
			return tagNone, err
		}
		x.qname = trimXMLSpace(x.buf[x.pos+2 : x.pos+i])
		if err := x.close(); err != nil {
			return tagNone, err
		}
		x.name = localName(x.qname)
		x.attrs, x.empty = nil, false
		x.pos += i + 1
		return tagEnd, nil
	case '?':
		if x.hasPrefix("<?xml") {
			return tagNone, x.declaration()
		}
		return tagNone, x.skipPast("?>", 2)
	case '!':
		switch {
		case x.hasPrefix("<!--"):
			return tagNone, x.skipPast("-->", 4)
		case x.hasPrefix("<![CDATA["):
			return tagNone, x.cdata(text)
		}
		return tagNone, x.directive()
	}
	i, err := x.tagEnd()
	if err != nil {
		return tagNone, err
	}
	t := x.buf[x.pos+1 : x.pos+i]
	x.empty = len(t) > 0 && t[len(t)-1] == '/'
	if x.empty {
		t = t[:len(t)-1]
	}
	n := 0
	for n < len(t) && !isXMLSpace(t[n]) {
		n++
	}
	if n == 0 {
		return tagNone, x.syntax(msg.New("a tag without a name"))
	}
	x.qname, x.name, x.attrs = t[:n], localName(t[:n]), t[n:]
	if err := x.openTag(); err != nil {
		return tagNone, err
	}
	x.pos += i + 1
	return tagStart, nil
}

// openTag notes the start tag just read: its namespace declarations, the
// namespace of its element, and, unless it closes itself, that it is open.
func (x *xmlScanner) openTag() error {
	if bytes.Contains(x.attrs, []byte("xmlns")) {
		if err := x.declare(); err != nil {
			return err
		}
	}
	x.main = x.inMain(x.qname)
	if !x.empty {
		x.names = append(x.names, x.qname...)
		x.open = append(x.open, openElement{len(x.names), x.main})
	}
	x.unbind()
	return nil
}

// close checks that the end tag just read ends the element open last,
// which encoding/xml does, and closes it.
func (x *xmlScanner) close() error {
	if len(x.open) == 0 {
		return x.syntax(msg.New("end tag </%s> without a start tag", string(x.qname)))
	}
	top := x.open[len(x.open)-1]
	start := 0
	if len(x.open) > 1 {
		start = x.open[len(x.open)-2].name
	}
	if !bytes.Equal(x.names[start:top.name], x.qname) {
		return x.syntax(msg.New("end tag </%s> does not match <%s>", string(x.qname), string(x.names[start:top.name])))
	}
	x.main = top.main
	x.names, x.open = x.names[:start], x.open[:len(x.open)-1]
	x.unbind()
	return nil
}

// declare adds the namespace declarations of the start tag just read.
func (x *xmlScanner) declare() error {
	if err := x.parseAttrs(); err != nil {
		return err
	}
	for _, a := range x.kv {
		var prefix string
		switch {
		case !a.prefixed && string(a.name) == "xmlns":
		case a.prefixed && string(a.prefix) == "xmlns":
			prefix = string(a.name)
		default:
			continue
		}
		x.bindings = append(x.bindings, nsBinding{prefix, string(a.value), len(x.open) + 1})
	}
	x.defaultMain = x.lookup("") == nsMain || x.lookup("") == nsMainStrict
	return nil
}

// unbind drops the declarations of elements no longer open.
func (x *xmlScanner) unbind() {
	n := len(x.bindings)
	for n > 0 && x.bindings[n-1].depth > len(x.open) {
		n--
	}
	if n < len(x.bindings) {
		x.bindings = x.bindings[:n]
		x.defaultMain = x.lookup("") == nsMain || x.lookup("") == nsMainStrict
	}
}

// lookup returns the namespace of prefix in scope, "" if none.
func (x *xmlScanner) lookup(prefix string) string {
	for i := len(x.bindings) - 1; i >= 0; i-- {
		if x.bindings[i].prefix == prefix {
			return x.bindings[i].uri
		}
	}
	if prefix == "xml" {
		return nsXML
	}
	return ""
}

// inMain says whether the element or attribute of the qualified name is
// in SpreadsheetML's namespace: by the namespace its prefix, or the
// default namespace, stands for, not by the prefix.
func (x *xmlScanner) inMain(qname []byte) bool {
	i := bytes.IndexByte(qname, ':')
	if i <= 0 || i == len(qname)-1 {
		return x.defaultMain
	}
	uri := x.lookup(string(qname[:i]))
	return uri == nsMain || uri == nsMainStrict
}

// foreign is the error for an element that the reader would take for
// one of SpreadsheetML's, which it is not: <foo:c> of another namespace
// is no cell.
func (x *xmlScanner) foreign() error {
	uri := ""
	if i := bytes.IndexByte(x.qname, ':'); i > 0 {
		uri = x.lookup(string(x.qname[:i]))
	} else {
		uri = x.lookup("")
	}
	if uri == "" {
		return badSheet("element <%s> is in no namespace, not in SpreadsheetML's", string(x.qname))
	}
	return badSheet("element <%s> is in namespace %s, not in SpreadsheetML's", string(x.qname), msg.Quoted(uri))
}

// tagEnd returns the offset from pos of the '>' that ends the tag at pos,
// past quoted attribute values.
func (x *xmlScanner) tagEnd() (int, error) {
	var quote byte
	i := 1
	for {
		b := x.buf[x.pos:x.end]
		for i < len(b) {
			c := b[i]
			if !tagSpecial[c] {
				i++
				continue
			}
			switch {
			case c == '<':
				return 0, x.syntax(msg.New("'<' in a tag"))
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return i, nil
			}
			i++
		}
		if !x.fill() {
			return 0, x.cut(msg.New("the part ends in a tag"))
		}
	}
}

// tagSpecial marks the bytes that tagEnd looks at.
var tagSpecial = [256]bool{'<': true, '>': true, '"': true, '\'': true}

func (x *xmlScanner) hasPrefix(p string) bool {
	return x.need(len(p)) && string(x.buf[x.pos:x.pos+len(p)]) == p
}

// skipPast skips to the end of term, searching from offset from.
func (x *xmlScanner) skipPast(term string, from int) error {
	t := []byte(term)
	for {
		if j := bytes.Index(x.buf[x.pos+from:x.end], t); j >= 0 {
			x.pos += from + j + len(t)
			return nil
		}
		if keep := len(t) - 1; x.end-x.pos-from > keep {
			x.pos, from = x.end-keep, 0
		}
		if !x.fill() {
			return x.cut(msg.New("the part ends in markup"))
		}
	}
}

// cdata appends a CDATA section to *text, or skips it.
func (x *xmlScanner) cdata(text *[]byte) error {
	const start = len("<![CDATA[")
	if text == nil {
		return x.skipPast("]]>", start)
	}
	x.pos += start
	for {
		seg := x.buf[x.pos:x.end]
		if j := bytes.Index(seg, []byte("]]>")); j >= 0 {
			*text = appendLines(*text, seg[:j])
			x.pos += j + 3
			return nil
		}
		keep := min(len(seg), 2) // "]]" may go on
		if keep < len(seg) && seg[len(seg)-keep-1] == '\r' {
			keep++ // and "\r\n" must stay whole
		}
		*text = appendLines(*text, seg[:len(seg)-keep])
		x.pos = x.end - keep
		if !x.fill() {
			return x.cut(msg.New("the part ends in a CDATA section"))
		}
	}
}

// directive skips a declaration such as <!DOCTYPE ...>, which may hold
// others in angle brackets, quoted strings and comments.
func (x *xmlScanner) directive() error {
	x.pos += 2
	depth, quote := 0, byte(0)
	for {
		if x.pos == x.end && !x.fill() {
			return x.cut(msg.New("the part ends in a declaration"))
		}
		switch c := x.buf[x.pos]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			if x.hasPrefix("<!--") {
				if err := x.skipPast("-->", 4); err != nil {
					return err
				}
				continue
			}
			depth++
		case c == '>':
			if depth == 0 {
				x.pos++
				return nil
			}
			depth--
		}
		x.pos++
	}
}

// declaration reads the processing instruction at pos, which begins
// "<?xml". If that is the XML declaration and names an encoding other than
// UTF-8, the rest of the part is decoded from it, as encoding/xml does for
// excelize. Excel writes UTF-8.
func (x *xmlScanner) declaration() error {
	n, from := 0, 0
	for n = bytes.Index(x.buf[x.pos:x.end], []byte("?>")); n < 0; n = bytes.Index(x.buf[x.pos+from:x.end], []byte("?>")) {
		from = max(0, x.end-x.pos-1)
		if !x.fill() {
			return x.cut(msg.New("the part ends in a processing instruction"))
		}
	}
	n += from
	pi := x.buf[x.pos+len("<?xml") : x.pos+n]
	x.pos += n + 2
	if len(pi) > 0 && isNameByte(pi[0]) {
		return nil // another target, such as xml-stylesheet
	}
	label := piParam(string(pi), "encoding")
	if label == "" || strings.EqualFold(label, "utf-8") {
		return nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return x.syntax(msg.New("unknown encoding %q", label))
	}
	// The bytes read so far were checked as UTF-8, which they need not be.
	rest := bytes.Clone(x.buf[x.pos:x.raw])
	var tail io.Reader = x.r
	if x.rerr != nil {
		tail = errReader{x.rerr}
	}
	x.r = transform.NewReader(io.MultiReader(bytes.NewReader(rest), tail), enc.NewDecoder())
	x.pos, x.end, x.raw, x.rerr, x.bad = 0, 0, 0, nil, false
	return nil
}

// errReader returns its error, as the reader that returned it would.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// piParam returns the value of param="value" in the content of a
// processing instruction, as encoding/xml finds it: without spaces around
// the "=".
func piParam(s, param string) string {
	param += "="
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], param)
		if k < 0 || i+k+len(param) >= len(s) {
			return ""
		}
		i += k + len(param)
		if q := s[i]; q == '"' || q == '\'' {
			if j := strings.IndexByte(s[i+1:], q); j >= 0 {
				return s[i+1 : i+1+j]
			}
			return ""
		}
		i++
	}
	return ""
}

// parseAttrs splits the attributes of the last start tag into x.kv.
func (x *xmlScanner) parseAttrs() error {
	x.kv, x.scratch = x.kv[:0], x.scratch[:0]
	a := x.attrs
	for i := 0; ; {
		for i < len(a) && isXMLSpace(a[i]) {
			i++
		}
		if i == len(a) {
			return nil
		}
		start := i
		for i < len(a) && a[i] != '=' {
			i++
		}
		name := trimXMLSpace(a[start:i])
		if i == len(a) || len(name) == 0 {
			return x.syntax(msg.New("an attribute without a value"))
		}
		for i++; i < len(a) && isXMLSpace(a[i]); i++ {
		}
		if i == len(a) || a[i] != '"' && a[i] != '\'' {
			return x.syntax(msg.New("an attribute value without quotes"))
		}
		q := a[i]
		start, i = i+1, i+1
		plain := true
		for i < len(a) && a[i] != q {
			if a[i] == '&' || a[i] == '\r' {
				plain = false
			}
			i++
		}
		if i == len(a) {
			return x.syntax(msg.New("an attribute value without its closing quote"))
		}
		v := a[start:i]
		i++
		if !plain {
			n := len(x.scratch)
			var err error
			if x.scratch, err = x.decode(x.scratch, v); err != nil {
				return err
			}
			v = x.scratch[n:len(x.scratch):len(x.scratch)]
		}
		local := localName(name)
		prefixed := len(local) < len(name)
		var prefix []byte
		if prefixed {
			prefix = name[:len(name)-len(local)-1]
		}
		x.kv = append(x.kv, xmlAttr{local, v, prefixed, prefix})
	}
}

// attr returns the value of the attribute with the local name, from the
// last parseAttrs; the last one if there are several, as excelize takes it.
// An attribute without a prefix counts, and one whose prefix stands for
// SpreadsheetML's namespace; one of another namespace is not the same.
// An attribute of the name in another namespace may mean something else:
// it is an error rather than a guess.
func (x *xmlScanner) attr(name string) ([]byte, bool, error) {
	var v []byte
	found := false
	for _, a := range x.kv {
		if string(a.name) != name {
			continue
		}
		if a.prefixed && !x.mainPrefix(a.prefix) {
			return nil, false, badSheet("attribute %s:%s of <%s> is not in SpreadsheetML's namespace", string(a.prefix), string(a.name), string(x.qname))
		}
		v, found = a.value, true
	}
	return v, found, nil
}

func (x *xmlScanner) mainPrefix(prefix []byte) bool {
	uri := x.lookup(string(prefix))
	return uri == nsMain || uri == nsMainStrict
}

// skip skips the element whose start tag was just read, with what it
// holds.
func (x *xmlScanner) skip() error {
	if x.empty {
		return nil
	}
	for depth := 1; ; {
		k, err := x.next()
		if err != nil {
			return eofInElement(x, err)
		}
		switch {
		case k == tagEnd:
			if depth--; depth == 0 {
				return nil
			}
		case !x.empty:
			depth++
		}
	}
}

// elementText appends to dst the text of the element whose start tag was
// just read, without the text of elements in it, as encoding/xml reads it
// into a string.
func (x *xmlScanner) elementText(dst []byte) ([]byte, error) {
	if x.empty {
		return dst, nil
	}
	for {
		var k int
		var err error
		if dst, k, err = x.text(dst); err != nil {
			return dst, err
		}
		if k == tagEnd {
			return dst, nil
		}
		if err := x.skip(); err != nil {
			return dst, err
		}
	}
}

// quick reads the rest of an element of the usual form, such as a cell's
// <v>123</v></c>: open, plain text and close, if the buffer holds it. It
// returns the text, valid until the next read, and whether it did; else it
// has read nothing.
func (x *xmlScanner) quick(open, close string) ([]byte, bool) {
	if !x.defaultMain || len(x.open) == 0 {
		return nil, false
	}
	b := x.buf[x.pos:x.end]
	if len(b) < len(open) || string(b[:len(open)]) != open {
		return nil, false
	}
	b = b[len(open):]
	i := bytes.IndexByte(b, '<')
	if i < 0 || len(b)-i < len(close) || string(b[i:i+len(close)]) != close {
		return nil, false
	}
	text := b[:i]
	if indexAmpCR(text) >= 0 {
		return nil, false
	}
	x.pos += len(open) + i + len(close)
	// The close ends the element whose start tag was read last.
	top := x.open[len(x.open)-1]
	start := 0
	if len(x.open) > 1 {
		start = x.open[len(x.open)-2].name
	}
	x.names, x.open = x.names[:start], x.open[:len(x.open)-1]
	x.main = top.main
	x.unbind()
	return text, true
}

func eofInElement(x *xmlScanner, err error) error {
	if err == io.EOF {
		return x.cut(msg.New("the part ends inside an element"))
	}
	return err
}

// decode appends text to dst with its entities replaced and its line ends
// made "\n".
func (x *xmlScanner) decode(dst, s []byte) ([]byte, error) {
	for len(s) > 0 {
		i := indexAmpCR(s)
		if i < 0 {
			return append(dst, s...), nil
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		if s[0] == '\r' {
			dst = append(dst, '\n')
			s = s[1:]
			if len(s) > 0 && s[0] == '\n' {
				s = s[1:]
			}
			continue
		}
		semi := 1
		for semi < len(s) && isEntityByte(s[semi]) {
			semi++
		}
		if semi == len(s) || s[semi] != ';' {
			return dst, x.syntax(msg.New("'&' without an entity"))
		}
		r, ok := entity(s[1:semi])
		if !ok {
			return dst, x.syntax(msg.New("unknown entity %q", string(s[:semi+1])))
		}
		dst = utf8.AppendRune(dst, r)
		s = s[semi+1:]
	}
	return dst, nil
}

// entity returns the character of a named entity or character reference,
// without '&' and ';'.
func entity(e []byte) (rune, bool) {
	switch string(e) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	base, digits := 10, e[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || n > unicode.MaxRune {
		return 0, false
	}
	return rune(n), true
}

// isNameByte says whether c may be part of a name.
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80
}

// isEntityByte says whether c may be part of an entity's name or number,
// between '&' and ';'.
func isEntityByte(c byte) bool {
	return isNameByte(c) || c == '#'
}

func entityBytes(b []byte) bool {
	for _, c := range b {
		if !isEntityByte(c) {
			return false
		}
	}
	return true
}

func indexAmpCR(s []byte) int {
	for i, c := range s {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

// appendLines appends s with its line ends made "\n".
func appendLines(dst, s []byte) []byte {
	for {
		i := bytes.IndexByte(s, '\r')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(append(dst, s[:i]...), '\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
	}
}

// localName drops a namespace prefix, as encoding/xml does: "x:c" is c.
func localName(name []byte) []byte {
	for i, c := range name {
		if c == ':' {
			if i > 0 && i < len(name)-1 {
				return name[i+1:]
			}
			break
		}
	}
	return name
}

// trimXMLSpace drops the white space at the end of b.
func trimXMLSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isXMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}
