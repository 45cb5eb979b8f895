package indicators

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// two is the schema of most tests: two indicators, spending if present.
var two = Schema{Indicators: []string{"youth_0_18", "sgb_recipients"}, AllowSpending: true}

func readString(name, content string, s Schema) (*Table, error) {
	return Read(strings.NewReader(content), name, s, Options{})
}

// dump shows a table compactly: one line per unit, values as exact
// fractions.
func dump(t *Table) string {
	var b strings.Builder
	for _, u := range t.Units {
		fmt.Fprintf(&b, "%s@%d×%d:", u.Name, u.Line, u.Rows)
		for _, v := range u.Values {
			b.WriteString(" " + v.RatString())
		}
		if u.Spending != nil {
			b.WriteString(" S=" + u.Spending.RatString())
		}
		b.WriteString("\n")
	}
	return b.String()
}

// wantError checks that err is an *Error with exactly the message want.
func wantError(t *testing.T, err error, want string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *Error %q", err, err, want)
	}
	if got := err.Error(); got != want {
		t.Errorf("error =\n\t%s\nwant\n\t%s", got, want)
	}
	return e
}

// mustRead returns a function that fails the test on an error, so that it
// can take Read's two results: mustRead(t)(Read(...)).
func mustRead(t *testing.T) func(*Table, error) *Table {
	t.Helper()
	return func(tb *Table, err error) *Table {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return tb
	}
}
