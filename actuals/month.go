package actuals

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Month is a calendar month, counted from January of year 0, so that
// months compare and subtract as integers.
type Month int

// MonthOf returns the month m (1–12) of year.
func MonthOf(year, m int) Month {
	return Month(year*12 + m - 1)
}

// Year is the month's year.
func (m Month) Year() int { return int(m) / 12 }

// Num is the month's number in its year, 1–12.
func (m Month) Num() int { return int(m)%12 + 1 }

// String writes the month as 2026-01.
func (m Month) String() string {
	return fmt.Sprintf("%04d-%02d", m.Year(), m.Num())
}

// monthNames are the names finance systems write, German first, with the
// abbreviations (with or without a dot) of German and English Excel.
var monthNames = map[string]int{
	"januar": 1, "jänner": 1, "jan": 1, "january": 1,
	"februar": 2, "feber": 2, "feb": 2, "february": 2,
	"märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mai": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11,
	"dezember": 12, "dez": 12, "dec": 12, "december": 12,
}

var errMonth = errors.New("")

// ParseMonth reads a month as finance systems export it: 2026-01, 01.2026,
// 01/2026, Januar 2026, Jan. 2026, or a date within the month
// (15.01.2026, 2026-01-15), as a date-formatted month column shows.
func ParseMonth(s string) (Month, error) {
	t := indicators.TrimCell(s)
	if m, err := parseDate(t); err == nil {
		return m, nil
	}
	m, err := parseMonthText(t)
	if err != nil {
		return 0, msg.Errorf("%q is not a month like 2026-01, 01.2026 or Januar 2026%s", short(s), yearHint{err})
	}
	return m, nil
}

// ParseDate reads a booking date, 15.01.2026 or 2026-01-15, into its month.
func ParseDate(s string) (Month, error) {
	m, err := parseDate(indicators.TrimCell(s))
	if err != nil {
		return 0, msg.Errorf("%q is not a date like 15.01.2026%s", short(s), yearHint{err})
	}
	return m, nil
}

// errShortYear is a two-digit year, which reads two ways (Jan 26 is
// also the 26th of January).
var errShortYear = errors.New("write the year with four digits")

// yearHint ends the message about a month or date that cannot be read
// with what to do about a two-digit year.
type yearHint struct{ err error }

func (h yearHint) In(l msg.Lang) string {
	if h.err == errShortYear {
		return "; " + msg.New("write the year with four digits").In(l)
	}
	return ""
}

// short bounds cell text quoted in a message.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func parseMonthText(t string) (Month, error) {
	if y, m, ok := cut2(t, "-"); ok { // 2026-01
		return yearMonth(y, m)
	}
	for _, sep := range []string{".", "/"} { // 01.2026, 01/2026
		if m, y, ok := cut2(t, sep); ok && isDigitsOnly(m) {
			return yearMonth(y, m)
		}
	}
	return namedMonth(t)
}

func isDigitsOnly(s string) bool {
	_, ok := number(s, len(s))
	return ok
}

// namedMonth reads "Januar 2026", "Jan. 2026", "Jan 2026".
func namedMonth(t string) (Month, error) {
	fields := strings.Fields(strings.ReplaceAll(t, "\u00a0", " "))
	if len(fields) != 2 {
		return 0, errMonth
	}
	m, ok := monthNames[strings.TrimSuffix(strings.ToLower(fields[0]), ".")]
	if !ok {
		return 0, errMonth
	}
	return yearMonth(fields[1], strconv.Itoa(m))
}

// parseDate reads 15.01.2026 or 2026-01-15, checking the day.
func parseDate(t string) (Month, error) {
	var d, m, y string
	if a, b, c, ok := cut3(t, "."); ok {
		d, m, y = a, b, c
	} else if a, b, c, ok := cut3(t, "-"); ok {
		y, m, d = a, b, c
	} else {
		return 0, errMonth
	}
	month, err := yearMonth(y, m)
	if err != nil {
		return 0, err
	}
	day, ok := number(d, 2)
	if !ok || day < 1 || day > daysIn(month) {
		return 0, errMonth
	}
	return month, nil
}

// cut3 splits t at sep into exactly three parts, without allocating.
func cut3(t, sep string) (a, b, c string, ok bool) {
	a, rest, ok1 := strings.Cut(t, sep)
	b, c, ok2 := strings.Cut(rest, sep)
	return a, b, c, ok1 && ok2 && !strings.Contains(c, sep)
}

// cut2 splits t at sep into two parts, which must be there both.
func cut2(t, sep string) (string, string, bool) {
	a, b, ok := strings.Cut(t, sep)
	return a, b, ok && !strings.Contains(b, sep)
}

func yearMonth(y, m string) (Month, error) {
	month, ok := number(m, 2)
	if !ok || month < 1 || month > 12 {
		return 0, errMonth
	}
	year, ok := number(y, 4)
	switch {
	case ok && len(y) == 4 && year >= 1:
		return MonthOf(year, month), nil
	case ok && len(y) == 2:
		return 0, errShortYear
	}
	return 0, errMonth
}

// number reads 1 to max ASCII digits.
func number(s string, max int) (int, bool) {
	if s == "" || len(s) > max {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(m Month) int {
	switch m.Num() {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y := m.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// maxSerial is 31.12.9999, Excel's last date.
const maxSerial = 2958465

// SerialMonth reads an Excel date cell, the count of days as Excel keeps
// it: 1 is 01.01.1900, and a time of day is the fraction, which does not
// change the month. Excel counts a 29.02.1900 that did not exist (serial
// 60, read as February); the days before it are one day later than the
// count says.
func SerialMonth(raw string) (Month, error) {
	t := indicators.TrimCell(raw)
	whole, _, _ := strings.Cut(t, ".")
	n, err := strconv.Atoi(whole)
	if err != nil || strings.ContainsAny(t, "eE") || n < 1 || n > maxSerial {
		return 0, msg.Errorf("the number %s is not an Excel date", short(t))
	}
	if n < 60 {
		n++
	}
	return civilMonth(n - 2 - 25567), nil // days from 01.01.1970
}

// civilMonth is the month of the day that lies days after 01.01.1970 by
// the proleptic Gregorian calendar (Howard Hinnant's civil_from_days).
func civilMonth(days int) Month {
	z := days + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
		y++
	}
	return MonthOf(y, m)
}
