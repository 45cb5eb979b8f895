package indicators

import (
	"math/big"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		d    Dialect
		want string // RatString, or "" for an error
		err  string
	}{
		// German
		{in: "0", d: German, want: "0"},
		{in: "1234", d: German, want: "1234"},
		{in: "1234,5", d: German, want: "2469/2"},
		{in: "1.234.567,89", d: German, want: "123456789/100"},
		{in: "1.500", d: German, want: "1500"},
		{in: "  12,25  ", d: German, want: "49/4"},
		{in: "1 234,5", d: German, want: "2469/2"},
		{in: "1\u00a0234\u00a0567", d: German, want: "1234567"},
		{in: "1\u202f234,5", d: German, want: "2469/2"},
		{in: "1.234,56 €", d: German, want: "30864/25"},
		{in: "€ 1.234,56", d: German, want: "30864/25"},
		{in: "1.234,56 EUR", d: German, want: "30864/25"},
		{in: "-1.234,5 €", d: German, want: "-2469/2"},
		{in: "-€5", d: German, want: "-5"},
		{in: "-5", d: German, want: "-5"},
		{in: "-0,00", d: German, want: "0"},
		{in: "0,1", d: German, want: "1/10"},
		{in: "123456789012345678901234567890", d: German, want: "123456789012345678901234567890"},
		{in: "1.5", d: German, err: `"1.5" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{in: "1.234.5", d: German, err: `"1.234.5" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{in: "1234.567", d: German, err: `"1234.567" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{in: "1.234 567", d: German, err: `"1.234 567" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{in: "1,234.5", d: German, err: `"1,234.5" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{in: "1,2,3", d: German, err: `"1,2,3" is not a number`},
		{in: "1e5", d: German, err: `"1e5" is not a number`},
		{in: "abc", d: German, err: `"abc" is not a number`},
		{in: "", d: German, err: `"" is not a number`},
		{in: "€", d: German, err: `"€" is not a number`},
		{in: "5,", d: German, err: `"5," is not a number`},
		{in: ",5", d: German, err: `",5" is not a number`},
		{in: "--5", d: German, err: `"--5" is not a number`},
		{in: "+5", d: German, err: `"+5" is not a number`},
		{in: "- 5", d: German, err: `"- 5" is not a number`},
		{in: "€ 5 €", d: German, err: `"€ 5 €" is not a number`},
		{in: ".500", d: German, err: `".500" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		{in: "1234.500", d: German, err: `"1234.500" is not a number (German numbers use a decimal comma; "." only separates thousands)`},
		// English
		{in: "1,234,567.89", d: English, want: "123456789/100"},
		{in: "1234567.89", d: English, want: "123456789/100"},
		{in: "1,500", d: English, want: "1500"},
		{in: "$5", d: English, err: `"$5" is not a number`},
		{in: "€1,234.50", d: English, want: "2469/2"},
		{in: "-€1,234.50", d: English, want: "-2469/2"},
		{in: "1 234.5", d: English, want: "2469/2"},
		{in: "1,5", d: English, err: `"1,5" is not a number (a decimal point is expected; "," only separates thousands)`},
		{in: "1.234,5", d: English, err: `"1.234,5" is not a number (a decimal point is expected; "," only separates thousands)`},
		{in: "1.2.3", d: English, err: `"1.2.3" is not a number`},
		{in: "1E5", d: English, err: `"1E5" is not a number`},
		// Machine
		{in: "1234.5", d: Machine, want: "2469/2"},
		{in: "-0.5", d: Machine, want: "-1/2"},
		{in: "1.2345E+5", d: Machine, want: "123450"},
		{in: "1.5e-3", d: Machine, want: "3/2000"},
		{in: "1E3", d: Machine, want: "1000"},
		{in: "0.000", d: Machine, want: "0"},
		{in: "0.001", d: Machine, want: "1/1000"},
		{in: "00120.0340", d: Machine, want: "60017/500"},
		{in: "0.000012345678901234567", d: Machine, want: "61728394506173/5000000000000000000"},
		{in: "2345.6799999999998", d: Machine, want: "58642/25"},
		{in: "0.30000000000000004", d: Machine, want: "3/10"},
		{in: "0.1000000000000000055511151231257827", d: Machine, want: "1/10"},
		{in: "12345678901234567", d: Machine, want: "12345678901234600"},
		{in: "1234567890123455", d: Machine, want: "1234567890123460"}, // half to even: up from 5
		{in: "1234567890123445", d: Machine, want: "1234567890123440"}, // half to even: stays at 4
		{in: "1234567890123445.0001", d: Machine, want: "1234567890123450"},
		{in: "9999999999999999", d: Machine, want: "10000000000000000"},
		{in: "0.99999999999999999", d: Machine, want: "1"},
		{in: "1.7976931348623157E+308", d: Machine, want: "179769313486232" + zeros(294)},
		{in: "1,5", d: Machine, err: `"1,5" is not a number`},
		{in: "1.234,5", d: Machine, err: `"1.234,5" is not a number`},
		{in: "1.", d: Machine, err: `"1." is not a number`},
		{in: ".5", d: Machine, err: `".5" is not a number`},
		{in: "1e", d: Machine, err: `"1e" is not a number`},
		{in: "1e+-5", d: Machine, err: `"1e+-5" is not a number`},
		{in: "1E999999999", d: Machine, err: `"1E999999999" is not a number (exponent out of range)`},
		{in: "1 234", d: Machine, err: `"1 234" is not a number`},
		{in: "5", d: Dialect(7), err: "unknown number dialect 7"},
		// Digits are bounded: a number of millions would take minutes.
		{in: "1234567890123456789012345678901", d: German, err: `"1234567890123456789012345678901" is not a number (more than 30 digits)`},
		{in: "0,0000000000000000000000000000001", d: German, err: `"0,0000000000000000000000000000001" is not a number (more than 30 digits)`},
		{in: "0,000000000000000000000000000001", d: German, want: "1/1000000000000000000000000000000"},
		{in: "000000000000000000000000000000000001,5000000000000000000000000000000000", d: German, want: "3/2"},
		{in: "123.456.789.012.345.678.901.234.567.890.123", d: German, err: `"123.456.789.012.345.678.901.234.567.890."… is not a number (more than 30 digits)`},
		{in: "1234567890123456789012345678901.5", d: English, err: `"1234567890123456789012345678901.5" is not a number (more than 30 digits)`},
		{in: "0.1000000000000000055511151231257827021181583404541015625", d: Machine, want: "1/10"},
		{in: "1." + zeros(800), d: Machine, err: `"1.` + zeros(38) + `"… is not a number (more than 800 digits)`},
		{in: "0." + zeros(800) + "1E+390", d: Machine, want: "1/" + "1" + zeros(411)},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in, tt.d)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseNumber(%q, %d) = %v, %v; want error %s", tt.in, tt.d, got, err, tt.err)
			}
			continue
		}
		if err != nil || got.RatString() != tt.want {
			t.Errorf("ParseNumber(%q, %d) = %v, %v; want %s", tt.in, tt.d, got, err, tt.want)
		}
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

// TestParseNumberQuoteLong keeps messages short when a cell holds a novel.
func TestParseNumberQuoteLong(t *testing.T) {
	_, err := ParseNumber(zeros(30)+"x"+zeros(30), German)
	want := `"` + zeros(30) + "x" + zeros(9) + `"… is not a number`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestParseNumberReuse checks that the parser's reused buffers do not leak
// one value into the next.
func TestParseNumberReuse(t *testing.T) {
	var p numParser
	var r big.Rat
	for _, c := range []struct{ in, want string }{
		{"123456789012345678901234", "123456789012345678901234"},
		{"1,5", "3/2"},
		{"7", "7"},
	} {
		if err := p.parse(&r, c.in, German); err != nil || r.RatString() != c.want {
			t.Errorf("parse(%q) = %s, %v; want %s", c.in, r.RatString(), err, c.want)
		}
	}
}

// TestParseNumberHuge refuses numbers of millions of digits at once, which
// took minutes to make exact (issue 11, finding 12).
func TestParseNumberHuge(t *testing.T) {
	huge := strings.Repeat("9", 10_000_000)
	for _, tt := range []struct {
		in string
		d  Dialect
	}{
		{huge, German}, {huge + ",5", German}, {"0," + huge, German}, {huge, English}, {huge, Machine}, {"1." + huge + "E-5", Machine},
	} {
		_, err := ParseNumber(tt.in, tt.d)
		if err == nil || !strings.Contains(err.Error(), "is not a number (more than") {
			t.Errorf("dialect %d: %v", tt.d, err)
		}
	}
}
