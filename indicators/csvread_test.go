package indicators

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/raumbudget/raumbudget/internal/gen"
)

// csvRecords is what a reader made of a text: its records, the line of
// each cell, and the error that ended it ("" at the end of the text).
type csvRecords struct {
	recs  [][]string
	lines [][]int
	err   string
}

// readOurs reads data with csvReader, with blocks of the given size (0:
// blockSize) from r, which reads data. The cells are kept as they were
// handed out, uncopied, to prove that later reads do not change them.
func readOurs(r io.Reader, comma byte, block int) csvRecords {
	c := newCSVReader(r, comma, "t.csv", 1)
	if block > 0 {
		c.block = block
	}
	var out csvRecords
	for {
		rec, err := c.read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out.err = err.Error()
			return out
		}
		lines := make([]int, len(rec))
		for i := range rec {
			lines[i] = c.lineOf(i)
		}
		out.recs = append(out.recs, append([]string(nil), rec...))
		out.lines = append(out.lines, lines)
	}
}

// readStd reads data with encoding/csv as the reader used to be set up.
func readStd(data []byte, comma byte) csvRecords {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = rune(comma)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out csvRecords
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out.err = err.Error()
			return out
		}
		lines := make([]int, len(rec))
		for i := range rec {
			lines[i], _ = r.FieldPos(i)
		}
		out.recs = append(out.recs, rec)
		out.lines = append(out.lines, lines)
	}
}

func (r csvRecords) String() string {
	var b strings.Builder
	for i, rec := range r.recs {
		fmt.Fprintf(&b, "%v %q\n", r.lines[i], rec)
	}
	if r.err != "" {
		fmt.Fprintf(&b, "error: %s\n", r.err)
	}
	return b.String()
}

// TestCSVReaderQuoting reads the edge cases of quoting and line ends as
// encoding/csv does with LazyQuotes, which the reader replaced.
func TestCSVReaderQuoting(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"plain", "a;b;c\nd;e;f\n", "[1 1 1] [\"a\" \"b\" \"c\"]\n[2 2 2] [\"d\" \"e\" \"f\"]\n"},
		{"crlf", "a;b\r\nc;d\r\n", "[1 1] [\"a\" \"b\"]\n[2 2] [\"c\" \"d\"]\n"},
		{"no line end at the end", "a;b\nc;d", "[1 1] [\"a\" \"b\"]\n[2 2] [\"c\" \"d\"]\n"},
		{"separator in quotes", "\"a;b\";c\n", "[1 1] [\"a;b\" \"c\"]\n"},
		{"doubled quote", "\"say \"\"hi\"\"\";x\n", "[1 1] [\"say \\\"hi\\\"\" \"x\"]\n"},
		{"empty quoted", "\"\";\"\"\n", "[1 1] [\"\" \"\"]\n"},
		{"line break in quotes", "\"a\nb\";c\nd;e\n", "[1 2] [\"a\\nb\" \"c\"]\n[3 3] [\"d\" \"e\"]\n"},
		{"crlf in quotes", "\"a\r\nb\";c\r\n", "[1 2] [\"a\\nb\" \"c\"]\n"},
		{"cr in quotes", "\"a\rb\";c\n", "[1 1] [\"a\\rb\" \"c\"]\n"},
		{"bare quote in a cell", "a\"b;c\"\n", "[1 1] [\"a\\\"b\" \"c\\\"\"]\n"},
		{"text after a closing quote", "\"a\"b;c\";d\n", "[1 1] [\"a\\\"b;c\" \"d\"]\n"},
		{"quote before cr", "\"a\"\rb\";c\n", "[1 1] [\"a\\\"\\rb\" \"c\"]\n"},
		{"space before a quote", " \"a;b\"\n", "[1 1] [\" \\\"a\" \"b\\\"\"]\n"},
		{"unclosed quote", "a;\"b\nc;d\n", "[1 1] [\"a\" \"b\\nc;d\\n\"]\n"},
		{"unclosed quote, cr at the end", "a;\"b\r", "[1 1] [\"a\" \"b\"]\n"},
		{"trailing separator", "a;b;\n;\n", "[1 1 1] [\"a\" \"b\" \"\"]\n[2 2] [\"\" \"\"]\n"},
		{"empty lines", "\n\r\na;b\n\n\nc\n\r\n", "[3 3] [\"a\" \"b\"]\n[6] [\"c\"]\n"},
		{"a blank line is a record", " \n", "[1] [\" \"]\n"},
		{"cr only", "a;b\rc;d\r", "[1 1 1] [\"a\" \"b\\rc\" \"d\"]\n"},
		{"cr at the end", "a\r", "[1] [\"a\"]\n"},
		{"lone cr", "\r", ""},
		{"cr cr lf", "a\r\r\n", "[1] [\"a\\r\"]\n"},
		{"quoted, cr at the end", "\"a\"\r", "[1] [\"a\"]\n"},
		{"quote at the end", "\"", "[1] [\"\"]\n"},
		{"lines after a multi-line cell", "x;\"1\n2\n3\";y\nz\n", "[1 1 3] [\"x\" \"1\\n2\\n3\" \"y\"]\n[4] [\"z\"]\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := readOurs(strings.NewReader(tt.in), ';', 0).String()
			if got != tt.want {
				t.Errorf("got\n%swant\n%s", got, tt.want)
			}
			if std := readStd([]byte(tt.in), ';').String(); std != tt.want {
				t.Errorf("encoding/csv reads\n%s", std)
			}
		})
	}
}

// TestCSVReaderBlocks reads records longer than a block, and a text that
// arrives a byte at a time, as it reads any other.
func TestCSVReaderBlocks(t *testing.T) {
	in := "a;\"" + strings.Repeat("x\"\"\r\n", 50) + "\";b\n" + strings.Repeat("cc;dd;\"e;e\"\r\n", 30) + "f;" + strings.Repeat("g", 100)
	want := readStd([]byte(in), ';').String()
	for _, block := range []int{0, 16, 64, 4096} {
		if got := readOurs(strings.NewReader(in), ';', block).String(); got != want {
			t.Errorf("blocks of %d: got\n%swant\n%s", block, got, want)
		}
		if got := readOurs(iotest.OneByteReader(strings.NewReader(in)), ';', block).String(); got != want {
			t.Errorf("blocks of %d, a byte a read: got\n%swant\n%s", block, got, want)
		}
	}
}

// TestCSVReaderErrors: a read error ends the record it falls in, after
// the records before it, as with encoding/csv; the zero byte as
// separator ("sep=" allows it) is encoding/csv's error.
func TestCSVReaderErrors(t *testing.T) {
	broken := errors.New("broken")
	for _, tt := range []struct {
		in, want string
	}{
		{"a;b\nc;d\n", "[1 1] [\"a\" \"b\"]\n[2 2] [\"c\" \"d\"]\nerror: broken\n"},
		{"a;b\nc;d", "[1 1] [\"a\" \"b\"]\nerror: broken\n"},
		{"a;\"b\n", "error: broken\n"},
		{"a;\"b\"", "error: broken\n"},
		{"a\r", "error: broken\n"},
	} {
		r := io.MultiReader(strings.NewReader(tt.in), iotest.ErrReader(broken))
		if got := readOurs(r, ';', 0).String(); got != tt.want {
			t.Errorf("%q: got\n%swant\n%s", tt.in, got, tt.want)
		}
	}
	if got := readOurs(strings.NewReader("a\n"), 0, 0).err; got != errInvalidDelim.Error() {
		t.Errorf("separator 0: got %q", got)
	}
}

// TestCSVReaderCellsStay: the cells handed out stay as they are while the
// reader reads on into new blocks and unquotes cells in place.
func TestCSVReaderCellsStay(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "r%d;\"q\"\"%d\";\"m\n%d\"\n", i, i, i)
	}
	c := newCSVReader(strings.NewReader(b.String()), ';', "t.csv", 1)
	c.block = 256
	var kept [][]string
	for {
		rec, err := c.read()
		if err != nil {
			break
		}
		kept = append(kept, append([]string(nil), rec...))
	}
	if len(kept) != 2000 {
		t.Fatalf("%d records", len(kept))
	}
	for i, rec := range kept {
		if want := []string{fmt.Sprintf("r%d", i), fmt.Sprintf("q\"%d", i), fmt.Sprintf("m\n%d", i)}; fmt.Sprint(rec) != fmt.Sprint(want) {
			t.Fatalf("record %d: %q, want %q", i, rec, want)
		}
	}
}

// FuzzCSVReader compares the reader with encoding/csv, set up as the
// tables were read before: the same records, the same line of each cell,
// with any separator "sep=" allows, from blocks of any size and a text
// that arrives a byte at a time.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{
		"a;b\r\nc;\"d;e\"\r\n", "\"a\"\"b\";\"c\nd\"\n", "a\"b;\"c\"d\";e\r", "\n\r\n\r", "\"\"\"", "a;\"b\r\r\nc\";\n",
		"x\ty\n\"1\t2\"\t3", "\"a\"\r\nb", "\"a\"\rb", ";;\n;", "\xef\xbb\xbfa;b\n",
	} {
		f.Add([]byte(s), byte(';'), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, comma byte, block uint8) {
		if comma == 0 || comma == '"' || comma == '\r' || comma == '\n' || comma >= 0x80 {
			comma = ';'
		}
		if len(data) > maxFieldSize || bytes.Count(data, []byte{comma}) >= maxFields {
			return // within the bounds, which encoding/csv has not
		}
		want := readStd(data, comma).String()
		if got := readOurs(bytes.NewReader(data), comma, 0).String(); got != want {
			t.Fatalf("got\n%swant\n%s", got, want)
		}
		size := 16 + int(block)
		if got := readOurs(iotest.OneByteReader(bytes.NewReader(data)), comma, size).String(); got != want {
			t.Fatalf("blocks of %d, a byte a read: got\n%swant\n%s", size, got, want)
		}
	})
}

// BenchmarkCSVReader reads the German CSV of `make bench-pipeline`
// (rbgen's million rows) with the reader alone: the cost of a row, and
// no allocation a row.
func BenchmarkCSVReader(b *testing.B) {
	var buf bytes.Buffer
	must(b, gen.WriteCSV(&buf, gen.Rows(1_000_000, 50, 1), true))
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c := newCSVReader(bytes.NewReader(data), ';', "in.csv", 1)
		rows := 0
		for {
			if _, err := c.read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			rows++
		}
		if rows != 1_000_001 {
			b.Fatal(rows)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1_000_001, "ns/row")
}

// readAhead reads with every CSV file read by a goroutine ahead of the
// builder (see csvSource.async), or with none.
func readAhead(ahead bool, data []byte, s Schema) string {
	defer func(old int64) { asyncSize = old }(asyncSize)
	asyncSize = math.MaxInt64
	if ahead {
		asyncSize = 0
	}
	return readAll("data.csv", data, s)
}

// TestCSVReadAhead: a table read by a goroutine ahead of the builder is
// the table read in the builder's steps: the same sums, problems, lines
// and errors; with hashes that collide too, where the builder reads the
// file again from its start while the goroutine waits.
func TestCSVReadAhead(t *testing.T) {
	const ha = "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\n"
	gen := genCSV(genRows(3000, 7))
	dup := append(bytes.Clone(gen), "Bezirksstelle 1;Stadtteil 2000;1;2;3;4;5\r\nBezirksstelle 2;Stadtteil 7;1;2;3;4;5\r\n"...)
	bad := append(bytes.Clone(gen), "Bezirksstelle 1;Stadtteil x;1;-2;3;4;5\r\n\"Bezirksstelle 9\";\"Stadtteil\ny\";1;2;3;4;5\r\n"...)
	inputs := []struct {
		data   []byte
		schema Schema
	}{
		{gen, genSchema}, {dup, genSchema}, {bad, genSchema},
		{[]byte(ha + "A;a;1;2\nB;b;1;2\n\"C\";\"c\n2\";3;4\nA;b;5;6\n"), two},
		{[]byte(ha + "A;a;1;2\nSumme;;1;2\n"), two},
		{[]byte("Titel\n" + ha + "A;a;1;x\n\nQuelle: X\n"), two},
		{[]byte(ha + "A;a;1;2\n" + strings.Repeat(";", maxFields) + "\n"), two},
	}
	for i, in := range inputs {
		for _, all := range []bool{false, true} {
			s := in.schema
			s.AllProblems = all
			want := readAhead(false, in.data, s)
			if got := readAhead(true, in.data, s); got != want {
				t.Errorf("input %d, all problems %v: read ahead\n%s\nwant\n%s", i, all, got, want)
			}
			collide(t, byLength)
			if got := readAhead(true, in.data, s); got != want {
				t.Errorf("input %d, all problems %v: read ahead, with colliding hashes\n%s\nwant\n%s", i, all, got, want)
			}
			collide(t, maphash.String)
		}
	}
}

// FuzzCSVReadAhead: any text reads the same with a goroutine reading
// ahead as without, with and without AllProblems.
func FuzzCSVReadAhead(f *testing.F) {
	for _, s := range []string{
		"Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\nA;a;1;2\nB;b;1;2\n\"C\";\"c\n2\";3;4\nA;b;5;6\n",
		"Bezirksstelle;Stadtteil;youth_0_18;sgb_recipients\nA;a;x;-1\n;b;1;2\nA;c;1;2\nB;a;1;2\nC;d;1;2;3\n",
		"Titel\n\nBezirksstelle;youth_0_18;sgb_recipients\nA;1;2\nSumme;1;2\n\nQuelle: X\n",
		"sep=;\r\nBezirksstelle;youth_0_18;sgb_recipients\r\nS\xfcd;1;2\r\n",
	} {
		f.Add([]byte(s))
	}
	all := Schema{Indicators: two.Indicators, AllowSpending: true, AllProblems: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, s := range []Schema{two, all} {
			if got, want := readAhead(true, data, s), readAhead(false, data, s); got != want {
				t.Fatalf("all problems %v: read ahead\n%s\nwant\n%s", s.AllProblems, got, want)
			}
		}
	})
}

// panicSeeker panics where the builder reads the file again.
type panicSeeker struct{ io.ReadSeeker }

func (p panicSeeker) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekCurrent {
		panic("seek")
	}
	return p.ReadSeeker.Seek(off, whence)
}

// TestCSVReadAheadPanic: a panic while the builder reads the file again,
// with the goroutine ahead waiting for the file, ends the read with the
// panic, as it would end the program, and does not wait for ever.
func TestCSVReadAheadPanic(t *testing.T) {
	defer func(old int64) { asyncSize = old }(asyncSize)
	asyncSize = 0
	collide(t, sameHash) // the second row makes the builder read the file again
	data := genCSV(genRows(20_000, 7))
	got := make(chan any, 1)
	go func() {
		defer func() { got <- recover() }()
		Read(panicSeeker{bytes.NewReader(data)}, "data.csv", genSchema, Options{})
	}()
	select {
	case v := <-got:
		if v != "seek" {
			t.Errorf("recovered %v", v)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the read waits for ever")
	}
}
