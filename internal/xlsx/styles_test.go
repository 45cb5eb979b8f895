package xlsx

import "testing"

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"dd.mm.yyyy": true, "DD.MM.YYYY": true, "[$-407]d. mmmm yyyy": true, "hh:mm": true, "[h]:mm:ss": true,
		"TT.MM.JJJJ": true, "m/d/yy h:mm": true, "yyyy-mm-dd;@": true, "[mm]": true,
		"General": false, "0.00": false, "#,##0.00 \"€\"": false, "[Red]0.00": false, "0.00 \"Tage\"": false,
		"#,##0 \\m\\²": false, "[$€-407] #,##0.00": false, "0%": false, "@": false, "0.00_ ;[Red]-0.00": false, "": false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v", code, got)
		}
	}
}
