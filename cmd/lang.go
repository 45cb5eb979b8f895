package cmd

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/spf13/cobra"
)

// msgLangAnnotation on the root holds the language a command's settings
// resolved (flag, environment or config file), for the messages printed
// after the command returns.
const msgLangAnnotation = "msg-lang"

// rememberLang records the language of a run's messages once its settings
// are read; an unknown code is left to the setting's own check.
func rememberLang(c *cobra.Command, code string) {
	if _, ok := msg.Parse(code); !ok {
		return
	}
	root := c.Root()
	if root.Annotations == nil {
		root.Annotations = map[string]string{}
	}
	root.Annotations[msgLangAnnotation] = code
}

// messageLang is the language of the messages of a run of c: what its
// settings resolved, else its --lang flag as given, else RAUMBUDGET_LANG,
// else German.
func messageLang(c *cobra.Command) msg.Lang {
	code := os.Getenv(envPrefix + "_LANG")
	if c != nil {
		if f := c.Flags().Lookup("lang"); f != nil && f.Changed {
			code = f.Value.String()
		}
		if resolved, ok := c.Root().Annotations[msgLangAnnotation]; ok {
			code = resolved
		}
	}
	lang, _ := msg.Parse(code)
	return lang
}

// addMessageLangFlag gives a command that writes no report of its own
// the --lang of its messages.
func addMessageLangFlag(c *cobra.Command) {
	c.Flags().String("lang", "de", "language of the messages: de or en")
}

// argsLang is the language of a command line not parsed yet (args
// without the program's name): its --lang, else RAUMBUDGET_LANG, else
// German. The supervisor and the environment check speak before cobra
// has read the flags.
func argsLang(args []string) msg.Lang {
	code := os.Getenv(envPrefix + "_LANG")
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			code = v
		} else if a == "--lang" && i+1 < len(args) {
			code = args[i+1]
		}
	}
	lang, _ := msg.Parse(code)
	return lang
}

// quoted is a name in quotes: „Nord“ in German, "Nord" in English; in
// both, characters nobody sees are written as escapes (\u200b).
type quoted string

func (q quoted) In(l msg.Lang) string {
	s := strconv.Quote(string(q))
	if l == msg.DE {
		return "„" + s[1:len(s)-1] + "“"
	}
	return s
}

// langWriter is the standard error of a run: it knows the run's language,
// so that a warning written to it deep in a command (a table's warnings)
// is said in that language without being handed the command.
type langWriter struct {
	io.Writer
	root *cobra.Command
	args []string
}

// lang is what the settings resolved, else what the command line says.
func (w *langWriter) lang() msg.Lang {
	if _, resolved := w.root.Annotations[msgLangAnnotation]; resolved {
		return messageLang(w.root)
	}
	return argsLang(w.args)
}

// langOf is the language of the messages written to w: the run's, if w is
// its standard error, else that of the environment.
func langOf(w io.Writer) msg.Lang {
	if lw, ok := w.(*langWriter); ok {
		return lw.lang()
	}
	return messageLang(nil)
}
