package cmd

import (
	"testing"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// The language of a command line not parsed yet: its --lang wins over
// RAUMBUDGET_LANG, a value after "--" is an argument, German by default.
func TestArgsLang(t *testing.T) {
	t.Setenv(envPrefix+"_LANG", "")
	tests := []struct {
		env  string
		args []string
		want msg.Lang
	}{
		{"", []string{"allocate", "--demo"}, msg.DE},
		{"", []string{"allocate", "--lang", "en"}, msg.EN},
		{"", []string{"allocate", "--lang=en"}, msg.EN},
		{"en", []string{"allocate"}, msg.EN},
		{"en", []string{"allocate", "--lang", "de"}, msg.DE},
		{"", []string{"book", "--", "--lang", "en"}, msg.DE},
	}
	for _, tt := range tests {
		t.Setenv(envPrefix+"_LANG", tt.env)
		if got := argsLang(tt.args); got != tt.want {
			t.Errorf("RAUMBUDGET_LANG=%q %v: %v, want %v", tt.env, tt.args, got, tt.want)
		}
	}
}

// A name in quotes: German quotes, escapes for what nobody sees.
func TestQuoted(t *testing.T) {
	q := quoted("Bezirksstelle\u200bSüd")
	if got, want := q.In(msg.DE), `„Bezirksstelle\u200bSüd“`; got != want {
		t.Errorf("DE %s, want %s", got, want)
	}
	if got, want := q.In(msg.EN), `"Bezirksstelle\u200bSüd"`; got != want {
		t.Errorf("EN %s, want %s", got, want)
	}
}
