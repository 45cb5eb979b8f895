package indicators

import (
	"errors"
	"fmt"
	"strings"
)

// HeadingHint adds to a missing column's error the headings the table has
// and the one probably meant:
//
//	data.csv:1: column "migrant_youth_0_18" is missing (expected a heading like "Migranten 0-18");
//	headings found: "Bezirksstelle", "Migrnaten 0-18"; "Migrnaten 0-18" – did you mean "Migranten 0-18"?
//
// (one line), as an *Error whose Found is spent. Other errors pass
// unchanged.
func HeadingHint(err error) error {
	var e *Error
	if !errors.As(err, &e) || e.Found == nil {
		return err
	}
	hinted := *e
	hinted.Found = nil // hinted once
	quoted := make([]string, len(e.Found))
	for i, h := range e.Found {
		quoted[i] = quote(h)
	}
	if len(quoted) == 0 {
		quoted = []string{"none"}
	}
	hinted.Msg += "; headings found: " + strings.Join(quoted, ", ")
	if e.Near != "" {
		hinted.Msg += fmt.Sprintf("; %s – did you mean %q?", quote(e.Near), e.Meant)
	}
	return &hinted
}
