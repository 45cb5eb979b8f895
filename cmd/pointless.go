package cmd

import "github.com/raumbudget/raumbudget/indicators"

// A setting that cannot apply to the run is an error when the user gave
// it for this run — as a flag or in the config file — and not silently
// ignored. The environment may hold settings for other commands and
// other runs, so it stays quiet there.

// givenForThisRun says whether key was set by a flag or the config file.
func givenForThisRun(s *settings, key string) bool {
	l := s.levelOf(key)
	return l == levelFlag || l == levelConfig || l == levelBaseline
}

// checkOutputSettings refuses --force without --out. (--report-date for
// a format without a date is let pass: a script gives the same flags for
// each format it writes.)
func checkOutputSettings(s *settings, o outputOptions) error {
	if o.Force && o.Out == "" && givenForThisRun(s, "force") {
		return usagef("%s: --force replaces the --out file, but no --out is given", s.where("force"))
	}
	return nil
}

// checkSheetSettings refuses --sheet and --spending-sheet for a CSV file,
// which has no sheets.
func checkSheetSettings(s *settings, o dataOptions) error {
	for _, c := range []struct{ sheetKey, sheet, file string }{
		{"sheet", o.Sheet, o.Data},
		{"spending-sheet", o.SpendingSheet, o.Spending},
	} {
		if c.sheet != "" && c.file != "" && !indicators.IsWorkbook(c.file) && givenForThisRun(s, c.sheetKey) {
			return usagef("%s: %s is a CSV file, which has no sheets; --%s names a sheet of an xlsx workbook", s.where(c.sheetKey), c.file, c.sheetKey)
		}
	}
	if o.Demo && (o.Sheet != "" || o.SpendingSheet != "") && (givenForThisRun(s, "sheet") || givenForThisRun(s, "spending-sheet")) {
		return usagef("--demo uses the built-in tables, which have no sheets: leave out --sheet and --spending-sheet")
	}
	return nil
}
