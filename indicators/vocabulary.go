package indicators

import (
	"slices"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// IndicatorKey names the column key a heading stands for, as the table
// reader would match it: the key itself, a built-in German heading
// ("SGB II/XII") or one of the user's headings (heading → key, from the
// config's columns), which win. Case, spaces and the typography of "m²"
// or "0–18" do not count.
func IndicatorKey(heading string, headings map[string]string) (string, bool) {
	key, ok := headingKeys(Schema{Headings: headings})[normHeading(heading)]
	return key, ok
}

// KeyName names the column of key in a message: the bare key in English,
// as options and the config write it, and in German its usual heading,
// quoted, since a German message never shows an internal key.
func KeyName(key string) msg.Localizer {
	return bareKey(key)
}

type bareKey string

func (k bareKey) In(l msg.Lang) string {
	if l == msg.DE {
		return nameOfKey(string(k)).In(l)
	}
	return string(k)
}

// BuiltinHeadings are the German headings the reader knows for key, the
// usual one first; nil for a key without any.
func BuiltinHeadings(key string) []string {
	return slices.Clone(builtinHeadings[key])
}
