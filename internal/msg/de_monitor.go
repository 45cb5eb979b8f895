package msg

// monitor: Soll against Ist during the year, and its settings.
func init() {
	add(map[string]string{
		"%s: %q is not a share like 5%%":                                                                          "%s: „%s“ ist kein Anteil wie 5%%",
		"%s: %s is not in %d":                                                                                     "%s: %s liegt nicht in %d",
		"%s: expected a map like {\"51010\": Bezirksstelle I}":                                                    "%s: erwartet eine Zuordnung Kostenstelle → Bezirksstelle, etwa {\"51010\": Bezirksstelle I}",
		"%s: unknown method %q (use linear or seasonal)":                                                          "%s: unbekannte Methode „%s“ (linear oder seasonal)",
		"--ist %s is given twice (as %s): its payments would count twice":                                         "--ist %s ist zweimal angegeben (als %s): seine Zahlungen zählten doppelt",
		"the Ist files hold no booking of %d":                                                                     "die Ist-Dateien enthalten keine Buchung von %d",
		"no ledger at %s and no --soll: give the plan with --soll PLAN or the ledger with --ledger DSN":           "kein Hauptbuch in %s und kein --soll: den Plan mit --soll PLAN oder das Hauptbuch mit --ledger DSN angeben",
		"the reporting month must be 1 to 12, not %d":                                                             "der Berichtsmonat muss 1 bis 12 sein, nicht %d",
		"the seasonal method needs the Ist of an earlier complete year; use the linear method":                    "die saisonale Methode braucht das Ist eines früheren vollständigen Jahres; die lineare Methode verwenden",
		"the earlier years' Ist to month %d is not above 0, so no seasonal factor follows; use the linear method": "das Ist der früheren Jahre bis Monat %d ist nicht größer als 0, daraus folgt kein Saisonfaktor; die lineare Methode verwenden",
	})
}
