package xlsx

import (
	"io"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// stylesPart is where excelize looks for the styles.
const stylesPart = "xl/styles.xml"

// maxCellFormats bounds the cell formats of a workbook: Excel allows
// about 64,000.
const maxCellFormats = 100_000

// dateStyles reads which cell formats (the s attribute of a cell, an index
// into <cellXfs>) show a number as a date or time: a number format built
// into Excel for dates (14-22, 45-47) or one of the workbook's own whose
// code holds d, m, y, h or s outside quotes and brackets. Excel stores a
// date as a number of days, so 15.03.2023 is 45000 in the file; read as a
// value, it would be a figure no one entered. nil if there is none.
func (p workbookParts) dateStyles() ([]bool, error) {
	f := p[stylesPart]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	custom := map[int]bool{} // custom number formats that are dates
	var styles []bool
	any := false
	inXfs := false
	for {
		k, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, msg.Errorf("the styles: %w", err)
		}
		name := string(x.name)
		switch {
		case !x.main:
		case name == "cellXfs":
			inXfs = k == tagStart && !x.empty
		case k != tagStart:
		case name == "numFmt":
			if err := x.parseAttrs(); err != nil {
				return nil, msg.Errorf("the styles: %w", err)
			}
			id, _, _ := x.attr("numFmtId")
			code, _, _ := x.attr("formatCode")
			if n, err := atoi(id); err == nil && isDateFormat(string(code)) {
				custom[n] = true
			}
		case name == "xf" && inXfs:
			if len(styles) == maxCellFormats {
				return nil, msg.Errorf("the styles: more than %d cell formats", maxCellFormats)
			}
			if err := x.parseAttrs(); err != nil {
				return nil, msg.Errorf("the styles: %w", err)
			}
			id, _, _ := x.attr("numFmtId")
			n, err := atoi(id)
			date := err == nil && (isBuiltinDate(n) || custom[n])
			styles = append(styles, date)
			any = any || date
		}
	}
	if !any {
		return nil, nil
	}
	return styles, nil
}

// isBuiltinDate says whether Excel's built-in number format id shows a
// date or time: 14-22 (dates, times, both) and 45-47 (mm:ss, [h]:mm:ss,
// mm:ss.0).
func isBuiltinDate(id int) bool {
	return 14 <= id && id <= 22 || 45 <= id && id <= 47
}

// isDateFormat says whether a number format code shows a date or time:
// whether it holds d, m, y, h or s (or the German T, J) outside quoted
// text, escaped characters and brackets such as [Red] or [$€-407]; [h]
// and [mm], elapsed time, count.
func isDateFormat(code string) bool {
	code, _, _ = strings.Cut(code, ";") // the format of positive numbers
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is text, or a width
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return false
			}
			if inner := strings.ToLower(code[i+1 : i+1+j]); strings.Trim(inner, "hms") == "" && inner != "" {
				return true // [h], [mm], [ss]
			}
			i += j + 1
		case 'd', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S', 't', 'T', 'j', 'J':
			return true
		}
	}
	return false
}
