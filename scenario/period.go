package scenario

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Period is a quarter, written 2026-Q1.
type Period struct {
	Year    int
	Quarter int // 1 to 4
}

// ParsePeriod reads a quarter as people write it: "2026-Q1" (also
// "2026 Q1"), "Q1/2026", "1/2026", "I/2026" and "1. Quartal 2026". Case
// and spaces around the parts do not matter.
func ParsePeriod(s string) (Period, error) {
	text := strings.ToUpper(strings.TrimSpace(s))
	for _, form := range periodForms {
		m := form.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		q := quarterNumber(m[form.quarter])
		y, err := strconv.Atoi(m[form.year])
		if err != nil || q == 0 {
			break
		}
		return Period{Year: y, Quarter: q}, nil
	}
	return Period{}, msg.Errorf("%q is not a quarter like 2026-Q1", s)
}

// periodForms are the ways of writing a quarter, with the positions of
// the year and the quarter in each pattern.
var periodForms = []struct {
	re            *regexp.Regexp
	year, quarter int
}{
	{regexp.MustCompile(`^(\d{4})\s*[- ]\s*Q(\d)$`), 1, 2},             // 2026-Q1, 2026 Q1
	{regexp.MustCompile(`^Q(\d)\s*[/ ]\s*(\d{4})$`), 2, 1},             // Q1/2026, Q1 2026
	{regexp.MustCompile(`^(\d|I|II|III|IV)\s*/\s*(\d{4})$`), 2, 1},     // 1/2026, I/2026
	{regexp.MustCompile(`^(\d)\.\s*QUARTAL\s*[/ ]?\s*(\d{4})$`), 2, 1}, // 1. Quartal 2026
}

// quarterNumber reads a quarter's number, in digits or Roman; 0 if it is
// none of 1 to 4.
func quarterNumber(s string) int {
	if i := slices.Index([]string{"1", "2", "3", "4"}, s); i >= 0 {
		return i + 1
	}
	return slices.Index([]string{"I", "II", "III", "IV"}, s) + 1
}

func (p Period) String() string {
	return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
}

// Add returns the quarter n quarters later.
func (p Period) Add(n int) Period {
	i := p.Year*4 + p.Quarter - 1 + n
	return Period{Year: i / 4, Quarter: i%4 + 1}
}

// Before says whether p comes before q.
func (p Period) Before(q Period) bool {
	return p.Year < q.Year || p.Year == q.Year && p.Quarter < q.Quarter
}

// Sub is the number of quarters from q to p: p = q.Add(p.Sub(q)).
func (p Period) Sub(q Period) int {
	return (p.Year*4 + p.Quarter) - (q.Year*4 + q.Quarter)
}
