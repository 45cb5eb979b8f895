package report

import "testing"

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"Bezirksstelle I":                "Bezirksstelle I",
		"<b>Nord</b>":                    "&lt;b&gt;Nord&lt;/b&gt;",
		"[x](javascript:alert(1))":       `\[x\](javascript:alert(1))`,
		"![img](http://x/y.png)":         `!\[img\](http://x/y.png)`,
		"a|b":                            `a\|b`,
		"*fett* _kursiv_ `code` ~~weg~~": "\\*fett\\* \\_kursiv\\_ \\`code\\` \\~\\~weg\\~\\~",
		`A & B \ C`:                      `A &amp; B \\ C`,
		"# Überschrift":                  `\# Überschrift`,
		"12.000.000,00 −4,83 % +0,00":    "12.000.000,00 −4,83 % +0,00",
	} {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
