package msg

// Bad usage (exit 2): flags, settings, the config file and its YAML, the
// scenario file. Several of these formats are written in files that other
// parts of the work restructure (adjust, config, data, plan, previous,
// schedule, scenario files); their German lives here all the same, so that
// usagef, a sink of the catalogue, has both languages.
func init() {
	add(map[string]string{
		// settings and flags
		"--budget is required (the period's budget in euros)":                                           "--budget fehlt (das Budget des Zeitraums in Euro)",
		"--annual-budget is required (the yearly budget in euros)":                                      "--annual-budget fehlt (das Jahresbudget in Euro)",
		"--data is required (or --demo for the built-in sample data)":                                   "--data fehlt (oder --demo für die eingebauten Beispieldaten)",
		"--demo uses the built-in data: leave out --data and --spending":                                "--demo nimmt die eingebauten Daten: --data und --spending weglassen",
		"--demo uses the built-in tables, which have no sheets: leave out --sheet and --spending-sheet": "--demo nimmt die eingebauten Tabellen, die keine Blätter haben: --sheet und --spending-sheet weglassen",
		"--unit is required: the district office to explain":                                            "--unit fehlt: die Bezirksstelle, die erklärt werden soll",
		"%q is not in %s; its units are %s":                                                             "„%s“ steht nicht in %s; dort stehen %s",
		"%s is before the plan's start %s":                                                              "%s liegt vor dem Beginn des Plans %s",
		"--unit %v":                                                                                     "--unit %v",
		"--period %v":                                                                                   "--period %v",
		"--period %s is not in the baseline's plan (%s to %s)":                                          "--period %s liegt nicht im Plan der Basis (%s bis %s)",
		"%s: %q is not true or false":                                                                   "%s: „%s“ ist weder true noch false",
		"%s: %q is not a whole number of 1 or more":                                                     "%s: „%s“ ist keine ganze Zahl ab 1",
		"%s: %d quarters are more than a plan may have (at most %d, a century)":                         "%s: %d Quartale sind mehr, als ein Plan haben darf (höchstens %d, ein Jahrhundert)",
		"%s: %q is not a date like 2026-11-22":                                                          "%s: „%s“ ist kein Datum wie 2026-11-22",
		"%s: %q is not a year":                                                                          "%s: „%s“ ist kein Jahr",
		"%s: %d: %v":                                                                                    "%s: %d: %v",
		"%s: %s is outside [0, 1]%s":                                                                    "%s: %s liegt nicht in [0, 1]%s",
		"%s: indicator share %s is outside [0, 1]%s":                                                    "%s: Indikatoranteil %s liegt nicht in [0, 1]%s",
		"%s: %s is below 0":                                                                             "%s: %s ist kleiner als 0",
		"%s: %w":                                                                                        "%s: %v",
		"%s: %v":                                                                                        "%s: %v",
		"%s: %s: %v":                                                                                    "%s: %s: %v",
		"%v":                                                                                            "%v",
		"%s: cannot open: %v":                                                                           "%s: kann nicht geöffnet werden: %v",
		"%s and %s both give the %s: give either %s or %s":                                              "%s und %s geben beide %s an: entweder %s oder %s angeben",
		"%s: --force replaces the --out file, but no --out is given":                                    "%s: --force ersetzt die Datei von --out, aber --out fehlt",
		"%s: %s is a CSV file, which has no sheets; --%s names a sheet of an xlsx workbook": "%s: %s ist eine CSV-Datei und hat keine Blätter; --%s nennt ein Blatt einer xlsx-Arbeitsmappe",
		"corridor: %v":                     "Korridor (corridor): %v",
		"schedule: %v":                     "Übergangskalender (schedule): %v",
		"config: %v":                       "Konfiguration: %v",
		"YEAR: %q is not a year like 2026": "JAHR: „%s“ ist kein Jahr wie 2026",

		// output
		"%s: unknown format %q (use %s)":                                                                     "%s: unbekanntes Format „%s“ (möglich: %s)",
		"-o xlsx needs --out FILE.xlsx":                                                                      "-o xlsx braucht --out DATEI.xlsx",
		"-o xlsx writes a workbook: name the --out file %s.xlsx":                                             "-o xlsx schreibt eine Arbeitsmappe: die Datei von --out %s.xlsx nennen",
		"--out %s is the input %s: choose another file":                                                      "--out %s ist die Eingabe %s: eine andere Datei wählen",
		"--out %s: no format has the extension %q: give -o (%s) or name the file .csv, .json, .md or .xlsx":  "--out %s: kein Format hat die Endung „%s“: -o (%s) angeben oder die Datei .csv, .json, .md oder .xlsx nennen",
		"%s %s and --out %s disagree: the file name says %s":                                                 "%s %s und --out %s passen nicht zusammen: der Dateiname sagt %s",
		"--out %s: this command writes %s, not %s: give -o and another file name":                            "--out %s: dieser Befehl schreibt %s, nicht %s: -o und einen anderen Dateinamen angeben",
		"-o pdf needs Chromium, which is not installed: install it with %s, or write -o html and print that": "-o pdf braucht Chromium, das nicht installiert ist: mit %s installieren oder -o html schreiben und das drucken",

		// check
		"name the tables as FILE... or with --data and --spending, not both":             "die Tabellen als DATEI... oder mit --data und --spending angeben, nicht beides",
		"name the tables to check (check FILE...), or give --data or a config with data": "die zu prüfenden Tabellen angeben (check DATEI...), oder --data oder eine Konfiguration mit data",

		// indicators, weights, columns
		"%s: %q is not among the weighted indicators %v":                                         "%s: „%s“ ist keiner der gewichteten Indikatoren %v",
		"%s: columns: %q maps to %q, which is no weighted indicator nor one of %s%s":             "%s: columns: „%s“ verweist auf „%s“, das weder ein gewichteter Indikator noch eines von %s ist%s",
		"%s: expected a map like {Kinder unter 18: youth_0_18}":                                  "%s: erwartet eine Zuordnung Überschrift → Indikator, etwa {Kinder unter 18: INDIKATOR}",
		"%s: unknown indicator %q (known: %v; map other headings under 'columns' in the config)": "%s: unbekannter Indikator „%s“ (bekannt: %v; andere Überschriften unter „columns“ in der Konfiguration zuordnen)",
		"%s: %q and %q both name %s":                                                             "%s: „%s“ und „%s“ meinen beide %s",
		"%s: weights sum to %s, not 1%s":                                                         "%s: die Gewichte ergeben zusammen %s, nicht 1%s",
		"%s: expected a map like {sgb_recipients: {Bezirksstelle V: +10%%}}":                     "%s: erwartet eine Zuordnung wie {INDIKATOR: {Bezirksstelle V: +10%%}}",
		"%s: adjust: %s: expected a map of units to changes":                                     "%s: adjust: %s: erwartet eine Zuordnung von Bezirksstellen zu Änderungen",
		"%s: %s: %s: %v":                       "%s: %s: %s: %v",
		"%s: unit %q is not in %s":             "%s: Bezirksstelle „%s“ steht nicht in %s",
		"%s: %s: the value would fall below 0": "%s: %s: der Wert fiele unter 0",
		"%q is not a weighted indicator or %s": "„%s“ ist weder ein gewichteter Indikator noch %s",
		"%s: a transition start applies to the rule (from, to, step, every); %s names its quarters itself": "%s: ein Übergangsbeginn gilt für die Regel (from, to, step, every); %s nennt seine Quartale selbst",
		"%s: expected a list like [{period: 2026-Q1, indicator-share: 0.6}]":                               "%s: erwartet eine Liste wie [{period: 2026-Q1, indicator-share: 0.6}]",
		"%s: each entry needs exactly period and indicator-share":                                          "%s: jeder Eintrag braucht genau period und indicator-share",
		"%s: expected a map like {2026: 48000000}":                                                         "%s: erwartet eine Zuordnung wie {2026: 48000000}",

		// previous quarter
		"%s needs --previous, the file to take the quarter from":                                                                   "%s braucht --previous, die Datei, aus der das Quartal genommen wird",
		"--previous-period %s: %s names no quarters (a table of units and amounts is taken as given; leave out --previous-period)": "--previous-period %s: %s nennt keine Quartale (eine Tabelle aus Bezirksstellen und Beträgen wird so genommen, wie sie ist; --previous-period weglassen)",
		"--previous %s: its last quarter is %s, not %s, the quarter before --start %s (pick a quarter with --previous-period)":     "--previous %s: das letzte Quartal darin ist %s, nicht %s, das Quartal vor --start %s (ein Quartal mit --previous-period wählen)",
		"--previous-period %s is not %s, the quarter before --start %s":                                                            "--previous-period %s ist nicht %s, das Quartal vor --start %s",

		// scenarios
		"%s: its units %v are not the baseline's %v":                                                       "%s: seine Bezirksstellen %v sind nicht die der Basis %v",
		"%s: the sums over each plan are for the table and the workbook; -o %s holds every quarter to sum": "%s: die Summen über jeden Plan gibt es in der Tabelle und der Arbeitsmappe; -o %s enthält jedes Quartal zum Summieren",
		"%s: the file is empty; 'raumbudget scenario init' writes an example":                              "%s: die Datei ist leer; „raumbudget scenario init“ schreibt ein Beispiel",
		"%s:%d: scenarios: expected a list of entries like {name: sofort-100, from: 1}":                    "%s:%d: scenarios: erwartet eine Liste von Einträgen wie {name: sofort-100, from: 1}",
		"%s:%d: scenarios: %d entries, more than %d":                                                       "%s:%d: scenarios: %d Einträge, mehr als %d",
		"%s:%d: scenarios: each entry needs a name":                                                        "%s:%d: scenarios: jeder Eintrag braucht einen Namen (name)",
		"%s:%d: scenarios: the name %q is taken":                                                           "%s:%d: scenarios: der Name „%s“ ist schon vergeben",
		"write --vary KEY=FROM:TO:STEP, e.g. sgb_recipients=0:0.6:0.05":                                    "--vary als INDIKATOR=VON:BIS:SCHRITT schreiben, etwa INDIKATOR=0:0.6:0.05",
		"--vary: %v": "bei --vary: %v",

		// the config file
		"a map":     "eine Zuordnung",
		"a list":    "eine Liste",
		"one value": "einen Wert",
		"%s or %s":  "%s oder %s",
		"%s:%d: expected keys like 'budget: 12000000'":                                            "%s:%d: erwartet Schlüssel wie „budget: 12000000“",
		"%s:%d: unknown key %q (known: %s)%s":                                                     "%s:%d: unbekannter Schlüssel „%s“ (bekannt: %s)%s",
		"%s:%d: %s takes one value, not a list or map":                                            "%s:%d: %s nimmt einen Wert, keine Liste oder Zuordnung",
		"%s:%d: %s: expected the settings of 'raumbudget %s', like 'budget: 12000000'":            "%s:%d: %s: erwartet die Einstellungen von „raumbudget %s“, etwa „budget: 12000000“",
		"%s:%d: %s: unknown key %q (known: %s)":                                                   "%s:%d: %s: unbekannter Schlüssel „%s“ (bekannt: %s)",
		"%s:%d: %s: %s is also given at line %d":                                                  "%s:%d: %s: %s steht auch in Zeile %d",
		"%s:%d: a second YAML document (after ---): a config is one document, put all keys in it": "%s:%d: ein zweites YAML-Dokument (nach ---): eine Konfiguration ist ein Dokument, alle Schlüssel hineinschreiben",
		"%s:%s: %s": "%s:%s: %s",
		"%s: %s":    "%s: %s",
		"%s:%d: %s: nested more than %d levels deep":                                                        "%s:%d: %s: mehr als %d Ebenen tief verschachtelt",
		"%s:%d: %s is given twice (first on line %d): remove one":                                           "%s:%d: %s steht zweimal da (zuerst in Zeile %d): einen entfernen",
		"%s:%d: %s: a key must be a plain word or number, not a list or map":                                "%s:%d: %s: ein Schlüssel ist ein einfaches Wort oder eine Zahl, keine Liste oder Zuordnung",
		"%s:%d: %s is empty (null): give it a value or leave the key out":                                   "%s:%d: %s ist leer (null): einen Wert angeben oder den Schlüssel weglassen",
		"%s:%d: %s: an empty (null) entry in the list":                                                      "%s:%d: %s: ein leerer Eintrag (null) in der Liste",
		"%s:%d: the file has more than %d values with its aliases (*name) expanded: too large for a config": "%s:%d: die Datei hat mit aufgelösten Aliassen (*name) mehr als %d Werte: zu groß für eine Konfiguration",
		"%s:%d: the alias *%s is inside its own anchor &%s":                                                 "%s:%d: der Alias *%s steht in seinem eigenen Anker &%s",
		"%s:%d: %s takes %s, not %s":                                                                        "%s:%d: %s nimmt %s, nicht %s",
		"%s:%d: inverse: each entry is an indicator key, not a list or map":                                 "%s:%d: inverse: jeder Eintrag ist ein Indikator, keine Liste oder Zuordnung",
		"%s:%d: %s: %s takes one value, not %s":                                                             "%s:%d: %s: %s nimmt einen Wert, nicht %s",
		"%s:%d: annual-budgets: %q is not a year (four digits, like 2027)":                                  "%s:%d: annual-budgets: „%s“ ist kein Jahr (vier Ziffern, etwa 2027)",
	})
}
