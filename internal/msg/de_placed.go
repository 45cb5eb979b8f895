package msg

// Sentences of the commands that indicators places at a row or column of a
// table (Table.ErrorAt, ColumnError, actuals.Ist.UnitError, YearError):
// their callers in cmd give them as catalogue texts since those take one.
// (Written with the indicators conversion; the cmd conversion may move
// them to its own files.)
func init() {
	add(map[string]string{
		"unit %q is not in %s":                "Bezirksstelle „%s“ steht nicht in %s",
		"unit %q is not in the booking of %s": "Bezirksstelle „%s“ steht nicht in der Buchung von %s",

		"an amount must be whole cents":                                               "ein Betrag muss aus ganzen Cent bestehen",
		"unit %q looks like %q: the same office typed twice?":                         "Bezirksstelle „%s“ sieht aus wie „%s“: dieselbe Bezirksstelle zweimal eingetippt?",
		"unit %q: %s %s is above %s %s":                                               "Bezirksstelle „%s“: %s %s liegt über %s %s",
		"unit %q: %s against %s":                                                      "Bezirksstelle „%s“: %s gegenüber %s",
		"the row is hidden in Excel; its values are read":                             "die Zeile ist in Excel ausgeblendet; ihre Werte werden gelesen",
		"the sheet is hidden in Excel; it is not read unless --sheet names it":        "das Blatt ist in Excel ausgeblendet; es wird nur gelesen, wenn --sheet es nennt",
		"the workbook has no sheet to check":                                          "die Arbeitsmappe hat kein Blatt zu prüfen",
		"is missing; give the spending table too, or an indicator share of 1":         "fehlt; auch die Tabelle des Mittelabflusses angeben oder einen Indikatoranteil von 1",
		"district office %q is not in the plan %s":                                    "Bezirksstelle „%s“ steht nicht im Plan %s",
		"a booking of %d, after %d (--strict)":                                        "eine Buchung von %d, nach %d (--strict)",
		"a booking of %d, which is neither %d nor a complete earlier year (--strict)": "eine Buchung von %d, weder %d noch ein vollständiges früheres Jahr (--strict)",
	})
}
