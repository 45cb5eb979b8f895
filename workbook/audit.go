package workbook

import "strings"

// auditSheet records how the report was made: program version, command
// line, effective settings, each input file with its SHA-256, and the
// rules applied, one line each.
func (b *book) auditSheet(m model) error {
	return b.writeAudit(b.rules(m))
}

// writeAudit writes the Protokoll sheet of every report: the program,
// the settings, the inputs with their SHA-256 and the given rules, a
// block each.
func (b *book) writeAudit(rules [][2]string) error {
	sheet, err := b.sheet("sheet_audit")
	if err != nil {
		return err
	}
	r := 1
	line := func(a, v string, style int) error {
		if err := b.set(sheet, 1, r, a, style); err != nil {
			return err
		}
		err := b.set(sheet, 2, r, v, 0)
		r++
		return err
	}
	head := [][2]string{
		{b.word("version"), "raumbudget " + b.meta.Version},
		{b.word("command"), strings.Join(b.meta.Command, " ")},
		{b.word("report_date"), b.date()},
	}
	inputs := make([][2]string, len(b.meta.Inputs))
	for i, in := range b.meta.Inputs {
		inputs[i] = [2]string{in.Name, "SHA-256 " + in.SHA256}
		if in.SHA256 == "" {
			inputs[i][1] = b.word("no_checksum")
		}
	}
	for _, blk := range []struct {
		title string
		rows  [][2]string
	}{{b.word("sheet_audit"), head}, {b.word("settings"), b.meta.Settings}, {b.word("inputs"), inputs}, {b.word("rules"), rules}} {
		r++
		if err := line(blk.title, "", b.styles.header); err != nil {
			return err
		}
		for _, row := range blk.rows {
			if err := line(row[0], row[1], 0); err != nil {
				return err
			}
		}
	}
	return b.widths(sheet, 2, 28, 100)
}

// rules are the model's rules that the figures follow, numbered.
func (b *book) rules(m model) [][2]string {
	texts := rulesText[b.lang.Code]
	keys := []string{"shares", "composite", "history", "target", "exact", "rounding"}
	if m.plan != nil {
		keys = append(keys, "quarters", "schedule")
		if m.corridor != nil {
			keys = append(keys, "corridor")
		}
	}
	out := make([][2]string, len(keys))
	for i, k := range keys {
		out[i] = [2]string{string(rune('1'+i)) + ".", texts[k]}
	}
	return out
}

var rulesText = map[string]map[string]string{
	"de": {
		"shares":    "Anteil je Indikator s_k(u) = I_k(u) / Σ I_k; bei inversen Indikatoren (1/I_k(u)) / Σ (1/I_k).",
		"composite": "Anteil Indikatoren c(u) = Σ w_k · s_k(u), die Gewichte w_k ergeben zusammen 1.",
		"history":   "Anteil Mittelabfluss h(u) = S(u) / Σ S (Mittelabfluss des Vorjahres).",
		"target":    "Zielanteil p(u) = α · c(u) + (1 − α) · h(u), α ist der Indikatoranteil.",
		"exact":     "Betrag exakt E(u) = B · p(u), mit exakten Brüchen gerechnet, ohne Gleitkomma.",
		"rounding":  "Rundung auf Cent nach größtem Rest (Hare–Niemeyer): jede Einheit erhält ⌊E(u)⌋, die fehlenden Cent gehen an die größten Reste, bei Gleichstand an die zuerst genannte Einheit. Die Summe ist das Budget.",
		"quarters":  "Quartalsbudget = Jahresbudget / 4; Cent, die nicht aufgehen, gehen an die frühesten Quartale.",
		"schedule":  "Indikatoranteil im Quartal Q: α = min(bis, von + Schritt · ⌊i / alle⌋) mit i = Q − Q0, Q0 = Übergang ab (transition-start); vor Q0 gilt α = von. Oder nach der Liste.",
		"corridor":  "Korridor: p'(u) = clamp(λ · p(u), p_vor(u) · (1 − d), p_vor(u) · (1 + g)) mit λ so, dass Σ p' = 1; p_vor ist, was die Einheit im Quartal davor erhielt: Betrag / Budget jenes Quartals.",
	},
	"en": {
		"shares":    "Share per indicator s_k(u) = I_k(u) / Σ I_k; for inverse indicators (1/I_k(u)) / Σ (1/I_k).",
		"composite": "Composite share c(u) = Σ w_k · s_k(u); the weights w_k sum to 1.",
		"history":   "Spending share h(u) = S(u) / Σ S (prior-year spending).",
		"target":    "Target share p(u) = α · c(u) + (1 − α) · h(u), α being the indicator share.",
		"exact":     "Exact amount E(u) = B · p(u), computed with exact fractions, no floating point.",
		"rounding":  "Rounded to the cent by largest remainder (Hamilton): each unit gets ⌊E(u)⌋, the missing cents go to the largest remainders, ties to the unit listed first. The sum is the budget.",
		"quarters":  "Quarterly budget = yearly budget / 4; cents that do not divide go to the earliest quarters.",
		"schedule":  "Indicator share of quarter Q: α = min(to, from + step · ⌊i / every⌋) with i = Q − Q0, Q0 the transition start (transition-start); before Q0 α = from. Or as listed.",
		"corridor":  "Corridor: p'(u) = clamp(λ · p(u), p_prev(u) · (1 − d), p_prev(u) · (1 + g)) with λ such that Σ p' = 1; p_prev is what the unit got in the quarter before: its amount / that quarter's budget.",
	},
}
