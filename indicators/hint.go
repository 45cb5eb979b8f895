package indicators

import (
	"errors"
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
	return e.Hinted()
}
