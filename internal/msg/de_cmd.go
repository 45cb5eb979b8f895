package msg

// The command line itself: cobra's and the flag parser's errors in the
// tool's words, suggestions, warnings, notes, files written, values read,
// and the supervisor's word on a crash.
func init() {
	add(map[string]string{
		// flags, arguments, commands
		" – did you mean %s?":                        " – meinten Sie %s?",
		"%s\nRun '%s --help' for usage.":             "%s\n„%s --help“ zeigt, wie der Befehl aufgerufen wird.",
		"unknown flag: --%s%s":                       "unbekannte Option: --%s%s",
		"unknown shorthand flag: %s in %s":           "unbekannte Kurzoption: %s in %s",
		"flag needs an argument: %s":                 "Option ohne Wert: %s",
		"invalid value %s for %s: %s":                "ungültiger Wert %s für %s: %s",
		"not a whole number":                         "keine ganze Zahl",
		"not true or false":                          "weder true noch false",
		"too large":                                  "zu groß",
		"takes %d argument(s), got %d":               "erwartet %d Argument(e), erhielt %d",
		"takes at most %d argument(s), got %d":       "erwartet höchstens %d Argument(e), erhielt %d",
		"takes at least %d argument(s), got %d":      "erwartet mindestens %d Argument(e), erhielt %d",
		"required flag(s) %s not given":              "notwendige Option(en) %s fehlen",
		"unknown command %s for %s%s (commands: %s)": "unbekannter Befehl %s für %s%s (Befehle: %s)",
		"raumbudget: warning: the environment variable %s is no setting and is ignored%s": "raumbudget: Warnung: die Umgebungsvariable %s ist keine Einstellung und wird nicht beachtet%s",

		// warnings about tables
		"raumbudget: warning: %s": "raumbudget: Warnung: %s",

		// values
		"%q is not an amount in euros: write digits, e.g. 12000000 or 12.000.000,00":      "„%s“ ist kein Betrag in Euro: Ziffern schreiben, etwa 12000000 oder 12.000.000,00",
		"%q is ambiguous: it reads as %s or as %s; write it without thousands separators": "„%s“ ist mehrdeutig: es liest sich als %s oder als %s; ohne Tausenderpunkte schreiben",
		"%q is below 0":          "„%s“ ist kleiner als 0",
		"%q is too large":        "„%s“ ist zu groß",
		"%q is not a number":     "„%s“ ist keine Zahl",
		"%q has %w":              "„%s“ hat %v",
		"more than two decimals": "mehr als zwei Nachkommastellen",
		"%q is not a share: more than %d characters": "„%s“ ist kein Anteil: mehr als %d Zeichen",
		"%s: write key=value, e.g. youth_0_18=0.25":  "%s: SCHLÜSSEL=WERT schreiben, etwa „SGB II/XII=0.25“",
		"%s is given twice":                          "%s steht zweimal da",
		"expected key=value pairs or a map, got %v":  "erwartet Paare SCHLÜSSEL=WERT oder eine Zuordnung, nicht %v",

		// files
		"%s exists: use --force to replace it":               "%s gibt es schon: --force ersetzt die Datei",
		"%s is a folder":                                     "%s ist ein Ordner",
		"%s is not a regular file (%s): choose another file": "%s ist keine gewöhnliche Datei (%s): eine andere Datei wählen",
		"cannot write %s: %v":                                "%s kann nicht geschrieben werden: %v",
		"%s is not a folder":                                 "%s ist kein Ordner",
		"cannot create %s: %v":                               "%s kann nicht angelegt werden: %v",
		"%s exists; init never replaces files":               "%s gibt es schon; init ersetzt nie Dateien",
		"cannot check %s: %v":                                "%s kann nicht geprüft werden: %v",
		"wrote %s (example figures, not official: replace them with your own) and %s":                         "%s geschrieben (Beispielzahlen, nicht amtlich: durch die eigenen ersetzen) und %s",
		"next: raumbudget check %s\n      raumbudget allocate --config %s\n      raumbudget plan --config %s": "weiter: raumbudget check %s\n        raumbudget allocate --config %s\n        raumbudget plan --config %s",

		// the run
		"reading %s": "lese %s",
		"raumbudget: internal error: %v (please report this)":                                                                    "raumbudget: interner Fehler: %v (bitte melden)",
		"raumbudget: the tool failed (out of memory, or a bug: see above); this is not an error in the input. Please report it.": "raumbudget: das Programm ist abgebrochen (zu wenig Speicher oder ein Fehler im Programm: siehe oben); das ist kein Fehler in der Eingabe. Bitte melden.",
		"raumbudget: the run was killed (SIGKILL; out of memory?)":                                                               "raumbudget: der Lauf wurde beendet (SIGKILL; zu wenig Speicher?)",
		"raumbudget: interrupted (%v)":                                                                                           "raumbudget: abgebrochen (%v)",
		"explain writes table, markdown or json, not %q":                                                                         "explain schreibt table, markdown oder json, nicht „%s“",
		"unknown output format %q":                                                                                               "unbekanntes Ausgabeformat „%s“",
		"%q: write +10%%, -5%%, +500, -200 or =1234":                                                                             "„%s“: +10%%, -5%%, +500, -200 oder =1234 schreiben",
		"%s is larger than %d KiB: that is no config file":                                                                       "%s ist größer als %d KiB: das ist keine Konfigurationsdatei",
		"not whole cents":          "keine ganzen Cent",
		"errors: %s, warnings: %s": "Fehler: %s, Warnungen: %s",
		"warnings: %s":             "Warnungen: %s",
		"sweeping %s":              "Durchlauf %s",
	})
}
