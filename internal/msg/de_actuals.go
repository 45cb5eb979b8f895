package msg

// Reading the actuals (package actuals): the Ist exported from the
// finance system, and the Soll from plan's output.
func init() {
	add(map[string]string{
		// the Ist table
		"appears twice (also column %d)":   "kommt zweimal vor (auch Spalte %d)",
		"no column %q or %q in the header": "keine Spalte „%s“ oder „%s“ in der Kopfzeile",
		"no column %q in the header":       "keine Spalte „%s“ in der Kopfzeile",
		"is a cost centre, but the config maps none to a district office (cost-centers)": "ist eine Kostenstelle, aber die Konfiguration ordnet keine einer Bezirksstelle zu (cost-centers)",
		"%q is not one line (Alt+Enter in Excel?)":                                       "„%s“ passt nicht in eine Zeile (Alt+Eingabe in Excel?)",
		"%q looks like a total row; remove it":                                           "„%s“ sieht aus wie eine Summenzeile; entfernen",
		"cost centre %q has no district office in the config (cost-centers)":             "Kostenstelle „%s“ hat in der Konfiguration keine Bezirksstelle (cost-centers)",
		"negative value": "negativer Wert",
		"%q has more than two decimals or is too large":            "„%s“ hat mehr als zwei Nachkommastellen oder ist zu groß",
		"the sum of the month is too large":                        "die Summe des Monats ist zu groß",
		"%q is not a month like 2026-01, 01.2026 or Januar 2026%s": "„%s“ ist kein Monat wie 2026-01, 01.2026 oder Januar 2026%s",
		"%q is not a date like 15.01.2026%s":                       "„%s“ ist kein Datum wie 15.01.2026%s",
		"write the year with four digits":                          "das Jahr vierstellig schreiben",
		"the number %s is not an Excel date":                       "die Zahl %s ist kein Excel-Datum",

		// the Soll: plan's output
		"no amounts for %d; give the output of a plan that covers the year":                                 "keine Beträge für %d; die Ausgabe eines Plans angeben, der das Jahr abdeckt",
		"no amount of %q for %s; give the output of a plan that covers %d":                                  "kein Betrag von „%s“ für %s; die Ausgabe eines Plans angeben, der %d abdeckt",
		"%q has a second amount for %s":                                                                     "„%s“ hat einen zweiten Betrag für %s",
		"not the JSON output of plan: %v":                                                                   "nicht die JSON-Ausgabe von plan: %v",
		"period %d: %s":                                                                                     "Zeitraum %d: %s",
		"unit %q: amount %q is not an amount in euros":                                                      "Bezirksstelle „%s“: Betrag „%s“ ist kein Betrag in Euro",
		"no column %q in the header; is it an output of plan?":                                              "keine Spalte „%s“ in der Kopfzeile; ist das eine Ausgabe von plan?",
		"neither a column %q with %q nor columns headed by quarters like 2026-Q1; is it an output of plan?": "weder eine Spalte „%s“ mit „%s“ noch Spalten mit Quartalen wie 2026-Q1 als Überschrift; ist das eine Ausgabe von plan?",
	})
}
