package msg

// What check says about the tables it reads: the layout it recognised
// (heading row, total row, notes), the plausibility findings and the
// tables it cannot check together.
func init() {
	add(map[string]string{
		"%q": "„%s“",
		"the heading row; the text above it (a title, notes) is left out: %s":                   "die Kopfzeile; der Text darüber (Titel, Anmerkungen) wird übergangen: %s",
		"a total row: its values are the sums of the rows above, so it is left out of the data": "eine Summenzeile: ihre Werte sind die Summen der Zeilen darüber, sie wird deshalb nicht als Bezirksstelle gelesen",
		"a note below the table, left out: %q":                                                  "eine Anmerkung unter der Tabelle, übergangen: „%s“",
		"%s → %s (%s)":                                                                          "%s → %s (%s)",
		"no indicator table is checked with it":                                                 "es wird keine Indikatorentabelle mit ihr geprüft",
		"%s; no indicator table is checked with it":                                             "%s; es wird keine Indikatorentabelle mit ihr geprüft",
		"%s; give the spending table too, or an indicator share of 1":                           "%s; auch die Tabelle des Mittelabflusses angeben oder einen Indikatoranteil von 1",
		"%s; allocate reads this sheet unless --sheet names another":                            "%s; allocate liest dieses Blatt, wenn --sheet kein anderes nennt",
	})
}
