package msg

// Reading workbooks (package internal/xlsx): what is wrong with a damaged
// or malformed workbook, its sheets, shared strings and styles, said after
// "die Arbeitsmappe kann nicht gelesen werden:" or "das Blatt kann nicht
// gelesen werden:". Text of the file comes as an argument that quotes
// itself in the language („abc“), hence %s where English shows "abc".
func init() {
	add(map[string]string{
		// the workbook and its parts
		"the workbook has more than %d sheets":          "die Arbeitsmappe hat mehr als %d Blätter",
		"sheet %s does not exist":                       "das Blatt %s fehlt in der Datei",
		"part %s unpacks to more than %d MiB":           "Teil %s ergibt entpackt mehr als %d MiB",
		"the shared strings unpack to more than %d MiB": "die gemeinsamen Zeichenfolgen ergeben entpackt mehr als %d MiB",
		"not a table of shared strings":                 "keine Tabelle gemeinsamer Zeichenfolgen",
		"the shared strings: %w":                        "die gemeinsamen Zeichenfolgen: %w",
		"more than %d shared strings":                   "mehr als %d gemeinsame Zeichenfolgen",
		"the styles: %w":                                "die Formatvorlagen: %w",
		"the styles: more than %d cell formats":         "die Formatvorlagen: mehr als %d Zellformate",

		// a sheet that is well-formed but cannot be read for sure
		"the sheet is damaged: %s":               "das Blatt ist beschädigt: %s",
		"row number %d is out of range":          "die Zeilennummer %d liegt außerhalb des Blatts",
		"invalid row number %s":                  "ungültige Zeilennummer %s",
		"invalid cell reference %s":              "ungültiger Zellbezug %s",
		"cell %s is beyond the last row":         "Zelle %s liegt hinter der letzten Zeile",
		"cell %s is beyond the last column":      "Zelle %s liegt hinter der letzten Spalte",
		"row %d comes after row %d":              "Zeile %d folgt auf Zeile %d",
		"cell %s comes after cell %s":            "Zelle %s folgt auf Zelle %s",
		"row %d has more than %d columns":        "Zeile %d hat mehr als %d Spalten",
		"shared string index %s is not a number": "der Index %s einer gemeinsamen Zeichenfolge ist keine Zahl",
		"shared string index %d is out of range (the workbook has %d shared strings)": "der Index %d einer gemeinsamen Zeichenfolge ist zu groß (die Arbeitsmappe hat %d gemeinsame Zeichenfolgen)",
		"boolean cell holds %s, not 0 or 1":                                           "eine Wahrheitswert-Zelle enthält %s statt 0 oder 1",
		"element <%s> is in no namespace, not in SpreadsheetML's":                     "das Element <%s> liegt in keinem Namensraum, nicht in dem von SpreadsheetML",
		"element <%s> is in namespace %s, not in SpreadsheetML's":                     "das Element <%s> liegt im Namensraum %s, nicht in dem von SpreadsheetML",
		"attribute %s:%s of <%s> is not in SpreadsheetML's namespace":                 "das Attribut %s:%s von <%s> liegt nicht im Namensraum von SpreadsheetML",

		// malformed XML
		"malformed XML: %s":           "fehlerhaftes XML: %s",
		"malformed XML in row %d: %s": "fehlerhaftes XML in Zeile %d: %s",
		"the part is UTF-16 text, which Excel does not write; open the workbook in Excel or LibreOffice and save it again": "der Teil ist UTF-16-Text, den Excel nicht schreibt; die Arbeitsmappe in Excel oder LibreOffice öffnen und neu speichern",
		"text that is not UTF-8":                       "Text, der kein UTF-8 ist",
		"a tag longer than 4 MiB":                      "ein Tag länger als 4 MiB",
		"a tag without a name":                         "ein Tag ohne Namen",
		"'<' in a tag":                                 "„<“ in einem Tag",
		"end tag </%s> without a start tag":            "End-Tag </%s> ohne Start-Tag",
		"end tag </%s> does not match <%s>":            "End-Tag </%s> passt nicht zu <%s>",
		"an attribute without a value":                 "ein Attribut ohne Wert",
		"an attribute value without quotes":            "ein Attributwert ohne Anführungszeichen",
		"an attribute value without its closing quote": "ein Attributwert ohne schließendes Anführungszeichen",
		"'&' without an entity":                        "„&“ ohne Entität",
		"unknown entity %q":                            "unbekannte Entität „%s“",
		"unknown encoding %q":                          "unbekannte Kodierung „%s“",
		"the part ends inside an element":              "der Teil endet mitten in einem Element",
		"the part ends in a tag":                       "der Teil endet mitten in einem Tag",
		"the part ends in markup":                      "der Teil endet mitten im Markup",
		"the part ends in a CDATA section":             "der Teil endet mitten in einem CDATA-Abschnitt",
		"the part ends in a declaration":               "der Teil endet mitten in einer Deklaration",
		"the part ends in a processing instruction":    "der Teil endet mitten in einer Verarbeitungsanweisung",
	})
}
