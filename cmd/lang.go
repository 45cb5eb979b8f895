package cmd

import (
	"os"

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
