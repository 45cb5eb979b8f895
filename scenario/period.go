package scenario

import (
	"fmt"
	"strconv"
	"strings"
)

// Period is a quarter, written 2026-Q1.
type Period struct {
	Year    int
	Quarter int // 1 to 4
}

// ParsePeriod reads "2026-Q1"; case and a space for the dash do not matter.
func ParsePeriod(s string) (Period, error) {
	text := strings.ToUpper(strings.TrimSpace(s))
	year, quarter, ok := strings.Cut(strings.Replace(text, " ", "-", 1), "-Q")
	y, errY := strconv.Atoi(year)
	q, errQ := strconv.Atoi(quarter)
	if !ok || errY != nil || errQ != nil || len(year) != 4 || q < 1 || q > 4 {
		return Period{}, fmt.Errorf("%q is not a quarter like 2026-Q1", s)
	}
	return Period{Year: y, Quarter: q}, nil
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
