package msg

// Reading the input tables (package indicators): the place, column and
// sentence of a bad cell, row or file, and the warnings about a table. A
// cell's text, a heading or a sheet name comes as an argument that quotes
// itself in the language („abc“), hence %s where English shows "abc".
func init() {
	add(map[string]string{
		// composing an *indicators.Error: the column, then the sentence
		"column %s: %s":                "Spalte %s: %s",
		"column %s %s":                 "Spalte %s %s",
		"is missing%s":                 "fehlt%s",
		"(expected a heading like %s)": "(erwartet wird eine Überschrift wie %s)",
		"%s; headings found: %s":       "%s; gefundene Überschriften: %s",
		"none":                         "keine",
		"%s; %s – did you mean %s?":    "%s; %s – gemeint ist wohl %s?",

		// the header row and the columns
		"means %s like column %s; remove one of them": "steht wie Spalte %[2]s für %[1]s; eine der beiden entfernen",
		"cell %d has no heading":                      "Zelle %d hat keine Überschrift",
		"cell %d has no heading; is a number written with a decimal comma in a ','-separated file?": "Zelle %d hat keine Überschrift; steht eine Zahl mit Dezimalkomma in einer durch „,“ getrennten Datei?",
		"cell has no heading":                       "Zelle hat keine Überschrift",
		"in rows 1–%d":                              "(gesucht in den Zeilen 1–%d)",
		"(expected a heading like %s in rows 1–%d)": "(erwartet wird eine Überschrift wie %s in den Zeilen 1–%d)",
		"rows 1–%d are empty; the heading row (with a heading like %s) must be one of them":                      "die Zeilen 1–%d sind leer; die Kopfzeile (mit einer Überschrift wie %s) muss eine von ihnen sein",
		"%s is a number above the heading row (%s); only a title and notes may stand above it":                   "%s ist eine Zahl über der Kopfzeile (%s); darüber dürfen nur ein Titel und Anmerkungen stehen",
		"%s has no values, but rows of data follow it; fill in its values, or move it below the table as a note": "%s hat keine Werte, aber es folgen Datenzeilen; die Werte eintragen oder die Zeile als Anmerkung unter die Tabelle setzen",
		"cannot read the table again to look for an earlier row of area %s: %v":                                  "die Tabelle kann nicht noch einmal gelesen werden, um eine frühere Zeile des Gebiets %s zu finden: %v",
		"part %s is damaged (%v)":                                       "Teil %s ist beschädigt (%v)",
		"no header row; the table is empty":                             "keine Kopfzeile; die Tabelle ist leer",
		"no data rows below the header":                                 "keine Datenzeilen unter der Kopfzeile",
		"no rows of the quarter %s":                                     "keine Zeilen des Quartals %s",
		"schema: empty indicator key":                                   "Schema: leerer Indikatorschlüssel",
		"schema: %s is not an indicator key":                            "Schema: %s ist kein Indikatorschlüssel",
		"schema: indicator %s is listed twice":                          "Schema: Indikator %s steht zweimal in der Liste",
		"JoinSpending: missing table":                                   "JoinSpending: Tabelle fehlt",
		"%s has a spending column and %s is given too; use one of them": "%s hat eine Spalte Mittelabfluss und %s ist auch angegeben; nur eines von beiden verwenden",

		// names of units and areas
		"empty unit name":         "leerer Name der Bezirksstelle",
		"empty area name":         "leerer Name des Gebiets",
		"empty period":            "leerer Zeitraum",
		"empty value":             "leerer Wert",
		"a name must be one line": "ein Name muss in eine Zeile passen",
		"a name holds a tab; replace it by a space":                               "ein Name enthält einen Tabulator; durch ein Leerzeichen ersetzen",
		"a name holds the control character U+%04X, which no one sees; remove it": "ein Name enthält das unsichtbare Steuerzeichen U+%04X; entfernen",
		"a name of %s characters is longer than the %s an Excel cell holds":       "ein Name aus %s Zeichen ist länger als die %s, die eine Excel-Zelle fasst",
		"%s looks like a total row; remove it":                                    "%s sieht aus wie eine Summenzeile; entfernen",
		"area %s appears again (first %s)":                                        "Gebiet %s kommt noch einmal vor (zuerst %s)",
		"unit %s appears again (first %s)":                                        "Bezirksstelle %s kommt noch einmal vor (zuerst %s)",
		"in row %d":                                                               "in Zeile %d",
		"on line %d":                                                              "in Zeile %d",
		"%s looks like a total row, but it does not add up: %s here, the rows above sum to %s; correct or remove it": "%s sieht aus wie eine Summenzeile, stimmt aber nicht: hier %s, die Zeilen darüber ergeben %s; korrigieren oder entfernen",
		"… and more problems; fix these first": "… und weitere Probleme; zuerst diese beheben",

		// values
		"negative value %s":       "negativer Wert %s",
		"%s is not a number":      "%s ist keine Zahl",
		"%s is not a number (%v)": "%s ist keine Zahl (%v)",
		"more than %d digits":     "mehr als %d Stellen",
		"exponent out of range":   "Exponent außerhalb des Bereichs",
		"German numbers use a decimal comma; \".\" only separates thousands":                                      "deutsche Zahlen haben ein Dezimalkomma; „.“ trennt nur Tausender",
		"a decimal point is expected; \",\" only separates thousands":                                             "erwartet wird ein Dezimalpunkt; „,“ trennt nur Tausender",
		"%s is a date in Excel (its cell has a date or time format), not a number; give the cell a number format": "%s ist in Excel ein Datum (die Zelle hat ein Datums- oder Zeitformat), keine Zahl; der Zelle ein Zahlenformat geben",
		"%s is text that reads two ways; enter it as a number":                                                    "%s ist Text, der sich zweifach lesen lässt; als Zahl eingeben",
		"formula without a calculated value; open the file in Excel or LibreOffice and save it":                   "Formel ohne berechneten Wert; die Datei in Excel oder LibreOffice öffnen und speichern",
		"%s (its formula's result is empty)":                                                                      "%s (das Ergebnis der Formel ist leer)",
		"%s in merged cells %s; unmerge them and fill in every row":                                               "%s in verbundenen Zellen %s; die Verbindung aufheben und jede Zeile ausfüllen",

		// the file
		"cannot open: %s":           "kann nicht geöffnet werden: %s",
		"cannot read: %s":           "kann nicht gelesen werden: %s",
		"cannot read: %v":           "kann nicht gelesen werden: %v",
		"no such file or directory": "Datei oder Verzeichnis nicht gefunden",
		"permission denied":         "keine Berechtigung",
		"is a directory":            "ist ein Verzeichnis",
		"the file is larger than %s MiB; is it really an indicator table?":                                                         "die Datei ist größer als %s MiB; ist das wirklich eine Indikatorentabelle?",
		"the line has more than %s cells, more than Excel has columns; is it a table?":                                             "die Zeile hat mehr als %s Zellen, mehr als Excel Spalten hat; ist das eine Tabelle?",
		"a cell longer than %s KiB; is it a table? (an unclosed quote makes one cell of the rest of the file)":                     "eine Zelle länger als %s KiB; ist das eine Tabelle? (ein nicht geschlossenes Anführungszeichen macht aus dem Rest der Datei eine Zelle)",
		"this line is UTF-8 and line %d is not (Windows-1252?): the file mixes two encodings; save it again as CSV UTF-8":          "diese Zeile ist UTF-8 und Zeile %d nicht (Windows-1252?): die Datei mischt zwei Kodierungen; erneut als CSV UTF-8 speichern",
		"this line is not UTF-8 (Windows-1252?) and line %d is: the file mixes two encodings; save it again as CSV UTF-8":          "diese Zeile ist nicht UTF-8 (Windows-1252?) und Zeile %d schon: die Datei mischt zwei Kodierungen; erneut als CSV UTF-8 speichern",
		"text that is not UTF-8, though the file starts with a UTF-8 byte order mark (Windows-1252?); save it again as CSV UTF-8":  "Text, der nicht UTF-8 ist, obwohl die Datei mit einer UTF-8-Bytereihenfolgemarke beginnt (Windows-1252?); erneut als CSV UTF-8 speichern",
		"text that is not UTF-16 (half of a surrogate pair, or a character that cannot be read); save the file again":              "Text, der nicht UTF-16 ist (ein halbes Surrogatpaar oder ein unlesbares Zeichen); die Datei erneut speichern",
		"an old Excel 97-2003 workbook (.xls) or an encrypted one; save it in Excel as .xlsx (Excel workbook), without a password": "eine alte Excel-97-2003-Arbeitsmappe (.xls) oder eine verschlüsselte; in Excel als .xlsx (Excel-Arbeitsmappe) ohne Kennwort speichern",
		"not an xlsx workbook (not a zip archive); is it CSV text named .xlsx?":                                                    "keine xlsx-Arbeitsmappe (kein Zip-Archiv); ist es CSV-Text mit der Endung .xlsx?",
		"not CSV text but a zip archive (an xlsx workbook?); name it .xlsx":                                                        "kein CSV-Text, sondern ein Zip-Archiv (eine xlsx-Arbeitsmappe?); die Datei auf .xlsx umbenennen",
		"an OpenDocument spreadsheet (.ods), not an xlsx workbook; save it in LibreOffice as Excel 2007-365 (.xlsx)":               "eine OpenDocument-Tabelle (.ods), keine xlsx-Arbeitsmappe; in LibreOffice als Excel 2007-365 (.xlsx) speichern",

		// workbooks and sheets
		"cannot read the workbook: %v":                      "die Arbeitsmappe kann nicht gelesen werden: %v",
		"cannot read the workbook: part %s is damaged (%v)": "die Arbeitsmappe kann nicht gelesen werden: Teil %s ist beschädigt (%v)",
		"cannot read the sheet: %v":                         "das Blatt kann nicht gelesen werden: %v",
		"the workbook's zip holds two entries named %s; which one is the workbook's is unknown": "das Zip der Arbeitsmappe enthält zwei Einträge namens %s; welcher zur Arbeitsmappe gehört, ist unbekannt",
		"part %s unpacks to over %s times its size; is it really an indicator table?":           "Teil %s entpackt sich auf über das %s-Fache seiner Größe; ist das wirklich eine Indikatorentabelle?",
		"the workbook unpacks to more than %s GiB; is it really an indicator table?":            "die Arbeitsmappe entpackt sich auf mehr als %s GiB; ist das wirklich eine Indikatorentabelle?",
		"the workbook has no sheets": "die Arbeitsmappe hat keine Blätter",
		"every sheet of the workbook is hidden in Excel; name the one to read (--sheet)": "jedes Blatt der Arbeitsmappe ist in Excel ausgeblendet; das zu lesende Blatt nennen (--sheet)",
		"no sheet %s; the workbook has %s":                                               "kein Blatt %s; die Arbeitsmappe hat %s",
		"%s (hidden)":                                                                    "%s (ausgeblendet)",
		"the sheet is hidden in Excel; it is read because it was asked for by name":      "das Blatt ist in Excel ausgeblendet; es wird gelesen, weil es mit Namen verlangt wurde",

		// the output of allocate or plan, read as the previous allocation
		"no quarters to pick %s from":                                      "keine Quartale, aus denen %s gewählt werden könnte",
		"no quarter %s (its quarters: %s)":                                 "kein Quartal %s (vorhanden: %s)",
		"unit %s is also in line %d":                                       "Bezirksstelle %s steht auch in Zeile %d",
		"not the JSON output of allocate or plan: %v":                      "nicht die JSON-Ausgabe von allocate oder plan: %v",
		"not the JSON output of allocate or plan: it ends too early":       "nicht die JSON-Ausgabe von allocate oder plan: sie endet zu früh",
		"no units: not the JSON output of allocate or plan":                "keine Bezirksstellen: nicht die JSON-Ausgabe von allocate oder plan",
		"the key %s appears twice in one object":                           "der Schlüssel %s steht zweimal in einem Objekt",
		"a second JSON document follows the first; the file must hold one": "auf das erste JSON-Dokument folgt ein zweites; die Datei darf nur eines enthalten",
		"unit %d has no name":                                              "Bezirksstelle %d hat keinen Namen",
		"unit %d (%s): amount %v":                                          "Bezirksstelle %d (%s): Betrag %v",
		"unit %d (%s): negative amount %s":                                 "Bezirksstelle %d (%s): negativer Betrag %s",
		"unit %d (%s): appears twice (also unit %d)":                       "Bezirksstelle %d (%s): kommt zweimal vor (auch Bezirksstelle %d)",

		// matching the units of two tables
		"unit %s has no row in %s":    "Bezirksstelle %s hat keine Zeile in %s",
		"unit %s has no amount in %s": "Bezirksstelle %s hat keinen Betrag in %s",
		"unit %s is not in %s":        "Bezirksstelle %s steht nicht in %s",
	})
}
