package msg

// The model and its plans: the engine's checks of its input (allocate),
// plans, schedules and sweeps (scenario), and the reports built from them.
func init() {
	add(map[string]string{
		// allocate
		"budget %s is below 0":                                              "das Budget %s ist kleiner als 0",
		"indicator share must lie in [0, 1]":                                "der Indikatoranteil muss in [0, 1] liegen",
		"there are no units":                                                "es gibt keine Bezirksstellen",
		"the weight must be ≥ 0":                                            "das Gewicht muss ≥ 0 sein",
		"weights sum to %s, not 1":                                          "die Gewichte ergeben zusammen %s, nicht 1",
		"unit %q has %d values for %d indicators":                           "Bezirksstelle „%s“ hat %d Werte für %d Indikatoren",
		"unit %q: the value must be a number ≥ 0":                           "Bezirksstelle „%s“: der Wert muss eine Zahl ≥ 0 sein",
		"unit %q: the value of an inverse indicator is 0":                   "Bezirksstelle „%s“: der Wert eines umgekehrten Indikators ist 0",
		"unit %q: spending is below 0":                                      "Bezirksstelle „%s“: der Mittelabfluss ist kleiner als 0",
		"total is 0 but its weight is %s":                                   "die Summe ist 0, das Gewicht aber %s",
		"total prior-year spending is 0 but the indicator share is below 1": "der Mittelabfluss des Vorjahres ist insgesamt 0, der Indikatoranteil aber kleiner als 1",
		"the two periods must have the same units and indicators":           "die beiden Zeiträume müssen dieselben Bezirksstellen und Indikatoren haben",
		"unit %q is not where %q was":                                       "Bezirksstelle „%s“ steht nicht dort, wo „%s“ stand",
		"the corridor's bounds cannot add up to 100 %%: widen it":           "die Grenzen des Korridors können nicht 100 %% ergeben: ihn weiter fassen",
		"the maximum decrease must lie in [0, 1]":                           "die größte Senkung muss in [0, 1] liegen",
		"the maximum increase must be 0 or more":                            "die größte Steigerung muss 0 oder mehr sein",

		// scenario: plans, schedules, sweeps
		"no budget for %d":                                                                             "kein Budget für %d",
		"the budget of %d is below 0":                                                                  "das Budget von %d ist kleiner als 0",
		"%q is not a quarter like 2026-Q1":                                                             "„%s“ ist kein Quartal wie 2026-Q1",
		"a plan needs at least one quarter":                                                            "ein Plan braucht mindestens ein Quartal",
		"the previous allocation must have one amount per unit":                                        "die vorige Zuteilung muss einen Betrag je Bezirksstelle haben",
		"%s pays nothing; the corridor has nothing to start from":                                      "%s zahlt nichts aus; der Korridor hat keinen Ausgangspunkt",
		"the previous allocation adds up to 0; the corridor has nothing to start from":                 "die vorige Zuteilung ergibt 0; der Korridor hat keinen Ausgangspunkt",
		"the corridor needs the previous allocation (--previous) or prior-year spending to start from": "der Korridor braucht die vorige Zuteilung (--previous) oder den Mittelabfluss des Vorjahres als Ausgangspunkt",
		"from and to must lie in [0, 1]":                                                               "from und to müssen in [0, 1] liegen",
		"from %s is above to %s":                                                                       "from %s ist größer als to %s",
		"step must be 0 or more":                                                                       "step muss 0 oder mehr sein",
		"every must be 1 or more":                                                                      "every muss 1 oder mehr sein",
		"%s: indicator share must lie in [0, 1]":                                                       "%s: der Indikatoranteil muss in [0, 1] liegen",
		"%s: periods must be listed in order, each once":                                               "%s: die Quartale müssen der Reihe nach stehen, jedes einmal",
		"the schedule starts at %s, after %s":                                                          "der Übergangskalender beginnt mit %s, nach %s",
		"%s is not among the weighted indicators":                                                      "%s ist keiner der gewichteten Indikatoren",
		"all weight is on %s: there are no other weights to rescale":                                   "das ganze Gewicht liegt auf %s: es gibt keine anderen Gewichte zum Umskalieren",
		"the range must lie in [0, 1], from ≤ to":                                                      "der Bereich muss in [0, 1] liegen, von ≤ bis",
		"the step must be above 0":                                                                     "die Schrittweite muss größer als 0 sein",
		"more than %d steps":                                                                           "mehr als %d Schritte",

		// reports and workbooks
		"unknown language %q (use de or en)":                                         "unbekannte Sprache „%s“ (de oder en)",
		"%s!%s: a text of %s characters does not fit in a cell (at most %s): %.40q…": "%s!%s: ein Text aus %s Zeichen passt in keine Zelle (höchstens %s): „%.40s“…",
		"the recomputed %s does not match its booking":                               "das nachgerechnete %s passt nicht zu seiner Buchung",
	})
}
