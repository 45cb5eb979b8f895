package cmd

import (
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpDE is the German help of every command, keyed by command path: the
// Short line of the command lists and the Long text of its help. The
// English help is the commands' own; TestHelpCatalogue fails when a
// command has help in one language only.
var helpDE = map[string]helpText{
	"raumbudget": {
		Short: "Das Budget eines Jugendamts nach Sozialindikatoren auf seine Bezirksstellen verteilen",
		Long: `raumbudget verteilt das Budget für Hilfen zur Erziehung auf die Bezirksstellen:
einen Anteil nach Sozialindikatoren, den Rest nach dem Mittelabfluss jeder
Bezirksstelle im Vorjahr, auf den Cent genau.`,
	},
	"raumbudget allocate": {
		Short: "Das Budget eines Zeitraums auf die Bezirksstellen verteilen",
		Long: `Das Budget eines Zeitraums auf die Bezirksstellen (Einheiten) verteilen: den
Indikatoranteil α des Budgets nach den gewichteten Anteilen an den Indikatoren,
den Rest nach dem Anteil jeder Einheit am Mittelabfluss des Vorjahres, auf den
Cent gerundet nach größtem Rest.`,
	},
	"raumbudget book": {
		Short: "Die Zuteilung eines Quartals im Hauptbuch buchen",
		Long: `Ein Quartal mit den Einstellungen des Plans berechnen und im Hauptbuch ablegen:
α aus dem Übergangskalender (festgelegt bei der ersten Buchung), das Budget des
Quartals und, mit einem Korridor, die für das Quartal davor gebuchten Beträge als
Bezug. Quartale werden der Reihe nach ohne Lücke gebucht; ein gebuchtes Quartal
ändert nur eine Berichtigung (--correct --reason), solange es das letzte ist.`,
	},
	"raumbudget check": {
		Short: "Indikator- und Mittelabflusstabellen prüfen, ohne Geld zu berechnen",
		Long: `Indikator- und Mittelabflusstabellen prüfen, ohne Geld zu berechnen. Für jede
Tabelle (jedes Blatt einer Arbeitsmappe mit einer Spalte Bezirksstelle, oder
--sheet) zeigt check die Einheiten, die Zeilen (Stadtteile), die in jede
eingehen, und die Summen je Spalte, dann alle Fehler auf einmal, jeden mit
Datei, Zeile oder Zelle und Spalte, und Warnungen zu Werten, die gültig, aber
wahrscheinlich falsch sind: ein Wert, der sich gegenüber einer älteren Tabelle
(--against) um mehr als --threshold bewegt hat, mehr junge Migranten als junge
Einwohner, mehr junge Einwohner oder SGB-Empfänger als Einwohner (mit einer
Spalte „Einwohner"), Namen von Einheiten, die sich nur in Groß- und
Kleinschreibung, Leerzeichen oder ähnlich aussehenden Buchstaben unterscheiden
(„Bezirksstelle lV" und „Bezirksstelle IV"), in Excel ausgeblendete Zeilen,
Einheiten, die in einer Tabelle stehen, in einer anderen nicht. Hinweise sagen,
was check in einer Tabelle erkannt hat: eine Summenzeile an ihrem Ende, die
nicht zu den Daten zählt.

check lehnt ab, was allocate ablehnt, mit denselben Einstellungen (--config,
--weights, --inverse, --indicator-share, die columns der Konfiguration): eine
gewichtete Spalte, die fehlt, eine Mittelabflusstabelle mit anderen Einheiten
als die Indikatortabelle, eine fehlende Mittelabflussspalte bei einem
Indikatoranteil unter 1, Daten, die das Modell ablehnt (etwa eine gewichtete
Spalte mit der Summe 0). Ohne DATEI liest check --data und --spending oder
data und spending der Konfiguration, mit ihren Blättern, wie allocate.`,
	},
	"raumbudget completion": {
		Short: "Das Vervollständigungsskript für eine Shell ausgeben",
		Long: `Das Skript zur Vervollständigung von raumbudget für die angegebene Shell ausgeben.
Die Hilfe jedes Unterbefehls sagt, wie man das Skript einrichtet.`,
	},
	"raumbudget completion bash": {
		Short: "Das Vervollständigungsskript für bash ausgeben",
		Long: `Das Vervollständigungsskript für die Shell bash ausgeben.

Es braucht das Paket bash-completion; ist es nicht installiert, installieren Sie
es mit der Paketverwaltung des Betriebssystems.

Für die laufende Sitzung:

	source <(raumbudget completion bash)

Für jede neue Sitzung einmal ausführen:

#### Linux:

	raumbudget completion bash > /etc/bash_completion.d/raumbudget

#### macOS:

	raumbudget completion bash > $(brew --prefix)/etc/bash_completion.d/raumbudget

Die Einrichtung wirkt in einer neu gestarteten Shell.`,
	},
	"raumbudget completion fish": {
		Short: "Das Vervollständigungsskript für fish ausgeben",
		Long: `Das Vervollständigungsskript für die Shell fish ausgeben.

Für die laufende Sitzung:

	raumbudget completion fish | source

Für jede neue Sitzung einmal ausführen:

	raumbudget completion fish > ~/.config/fish/completions/raumbudget.fish

Die Einrichtung wirkt in einer neu gestarteten Shell.`,
	},
	"raumbudget completion powershell": {
		Short: "Das Vervollständigungsskript für PowerShell ausgeben",
		Long: `Das Vervollständigungsskript für PowerShell ausgeben.

Für die laufende Sitzung:

	raumbudget completion powershell | Out-String | Invoke-Expression

Für jede neue Sitzung die Ausgabe des Befehls oben in das PowerShell-Profil
aufnehmen.`,
	},
	"raumbudget completion zsh": {
		Short: "Das Vervollständigungsskript für zsh ausgeben",
		Long: `Das Vervollständigungsskript für die Shell zsh ausgeben.

Ist die Vervollständigung in der Umgebung noch nicht eingeschaltet, einmal
ausführen:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

Für die laufende Sitzung:

	source <(raumbudget completion zsh)

Für jede neue Sitzung einmal ausführen:

#### Linux:

	raumbudget completion zsh > "${fpath[1]}/_raumbudget"

#### macOS:

	raumbudget completion zsh > $(brew --prefix)/share/zsh/site-functions/_raumbudget

Die Einrichtung wirkt in einer neu gestarteten Shell.`,
	},
	"raumbudget explain": {
		Short: "Den Betrag einer Bezirksstelle und seine Änderung erklären",
		Long: `Erklären, wie der Betrag einer Bezirksstelle zustande kommt: Wert, Stadtsumme,
Anteil, Gewicht und Euro jedes Indikators; der Teil nach dem Mittelabfluss des
Vorjahres; der Korridor; die Rundung auf den Cent.

Mit --period wird das Quartal der Einheit in einem Plan erklärt (mit den
Einstellungen des Plans), zusammen mit der Änderung gegenüber dem Quartal davor:
wie viel davon das Budget, der Schritt des Indikatoranteils, der Korridor und
die Rundung bewirken. Mit --against ALT wird die Änderung gegenüber einer
Verteilung auf einem früheren Datenjahr zerlegt in Budget, Indikatoranteil, die
Daten jedes Indikators und den Mittelabfluss. Die Teile ergeben die Änderung auf
den Cent.`,
	},
	"raumbudget help": {
		Short: "Hilfe zu einem Befehl",
		Long: `Die Hilfe zu einem Befehl zeigen, etwa „raumbudget help scenario compare".
Auf Deutsch mit --lang de oder RAUMBUDGET_LANG=de.`,
	},
	"raumbudget init": {
		Short: "Eine Vorlage-Arbeitsmappe und eine passende Konfiguration schreiben",
		Long: `In VERZEICHNIS (Vorgabe: der aktuelle Ordner, angelegt, wenn er fehlt) zwei
Dateien zum Anfangen schreiben:

  indikatoren.xlsx  die auszufüllenden Tabellen: Blatt Indikatoren (eine Zeile je
                    Stadtteil), Blatt Mittelabfluss (eine Zeile je Bezirksstelle)
                    und Blatt Hinweise, das jede Spalte erklärt und sagt, woher
                    ihre Zahlen meist kommen. Die Zeilen enthalten die
                    eingebauten Beispieldaten: zur Veranschaulichung, nicht amtlich.
  raumbudget.yaml   eine kommentierte Konfiguration, die die Arbeitsmappe so liest,
                    wie sie geschrieben ist, für allocate, plan, explain und
                    scenario compare gleichermaßen: gemeinsame Schlüssel oben, die
                    eigenen jedes Befehls unter 'allocate:' und 'plan:'.

init ersetzt nie eine Datei: gibt es eine der beiden schon, schreibt es keine.`,
	},
	"raumbudget ist": {
		Short: "Den Mittelabfluss (Ist) im Hauptbuch ablegen und das Abgelegte auflisten",
		Long: `import liest Ist-Tabellen wie monitor und legt jede im Hauptbuch ab: die Datei mit
Namen, SHA-256 und Inhalt und ihre Summen je Bezirksstelle und Monat. Ein
späterer Import eines Monats ersetzt dessen frühere Zahlen als neue Revision;
der frühere Import bleibt, und list zeigt ihn. monitor ohne --ist nimmt das Ist
aus dem Hauptbuch.`,
	},
	"raumbudget ist import": {Short: "Ist-Tabellen im Hauptbuch ablegen"},
	"raumbudget ist list":   {Short: "Die Ist-Importe des Hauptbuchs auflisten"},
	"raumbudget ledger": {
		Short: "Die gebuchten Quartale zeigen, prüfen und exportieren",
		Long: `Das Hauptbuch bewahrt jedes gebuchte Quartal: was gezahlt wurde, wann, von wem,
warum und auf welchen Daten. list zeigt die Buchungen, show eine davon, verify
berechnet jede Buchung aus ihren gespeicherten Eingaben neu und prüft die
Hash-Kette, export schreibt alles, was eine Prüferin braucht, in einen Ordner.`,
	},
	"raumbudget ledger export": {Short: "Jede Buchung als JSON und CSV und jede gespeicherte Eingabedatei in einen Ordner schreiben"},
	"raumbudget ledger list":   {Short: "Alle Buchungen in Buchungsreihenfolge auflisten"},
	"raumbudget ledger show":   {Short: "Eine Buchung zeigen (die aktive Revision, außer mit --revision)"},
	"raumbudget ledger verify": {Short: "Jede Buchung aus ihren gespeicherten Eingaben neu berechnen und die Hash-Kette prüfen"},
	"raumbudget report": {
		Short: "Den Jahresbericht für den Jugendhilfeausschuss aus dem Hauptbuch schreiben",
		Long: `Den Jahresbericht der gebuchten Quartale schreiben: jedes gebuchte Quartal des
JAHRES mit α, Budget und dem Betrag jeder Bezirksstelle, die Jahressumme jeder
Bezirksstelle und ihre Veränderung gegenüber dem Vorjahr, Soll und Ist mit der
Hochrechnung aus den angegebenen Ist-Dateien (--ist) oder sonst dem mit ist
import gespeicherten Ist, die Veränderung jeder Bezirksstelle
vom ersten zum letzten gebuchten Quartal, zerlegt wie bei explain, die
verwendeten Indikatordaten und das Prüfprotokoll mit dem Ergebnis von ledger
verify. -o html ist eine in sich geschlossene Datei, die auf A4 druckt; -o pdf
druckt sie mit Chromium ohne Fenster.`,
	},
	"raumbudget monitor": {
		Short: "Mittelabfluss (Ist) mit dem Plan (Soll) vergleichen und das Jahresende hochrechnen",
		Long: `Vergleichen, was jede Bezirksstelle ausgegeben hat (Ist), mit dem, was der Plan ihr
gibt (Soll): Soll und Ist bis zum Berichtsmonat, die Hochrechnung zum Jahresende
(linear oder saisonal aus früheren vollständigen Jahren), die Abweichung vom
Jahres-Soll in Euro und Prozent und ein Status: grün innerhalb des Solls, gelb
bis zur Toleranz darüber, rot darüber hinaus. Mit Fallzahlen (Fälle) wird die
Änderung gegenüber denselben Monaten des Vorjahres in einen Fall- und einen
Kosteneffekt zerlegt.`,
	},
	"raumbudget plan": {
		Short: "Den vierteljährlichen Übergang zu 100 % Indikatoren planen",
		Long: `Den Übergang Quartal für Quartal planen: der Indikatoranteil α jedes Quartals
folgt dem Zeitplan (von 0,6 bis 1,0 in Schritten von 0,1 je Quartal als
Vorgabe, oder eine Liste in der Konfiguration), jedes Quartal erhält ein Viertel
des Jahresbudgets, und ein Korridor kann begrenzen, wie weit sich der Anteil
einer Einheit in einem Quartal bewegen darf.`,
	},
	"raumbudget scenario": {
		Short: "Alternativen mit einem Basisplan vergleichen und ein Gewicht variieren",
		Long: `Eine Szenariodatei (YAML) enthält einen Basisplan unter den Einstellungen des
Plans und eine Liste benannter Szenarien, die jeweils einige davon ändern:

  data: indikatoren.csv
  annual-budget: 48000000
  start: 2026-Q1
  scenarios:
    - {name: sofort-100, from: 1}
    - {name: prognose-2027, data: prognose.csv}

'raumbudget scenario init' schreibt ein kommentiertes Beispiel, das so läuft.`,
	},
	"raumbudget scenario compare": {
		Short: "Basisplan und jedes Szenario rechnen, nebeneinander",
		Long: `Den Basisplan und jedes Szenario der Datei rechnen. Die Tabelle zeigt die
Bezirksstellen als Zeilen und Basisplan und Szenarien als Spalten, mit dem
Unterschied jedes Szenarios zum Basisplan in Euro und Prozent, für ein Quartal
(--period, Vorgabe: das letzte des Basisplans) oder summiert über jeden Plan
(--total). JSON und CSV enthalten jedes Quartal.`,
	},
	"raumbudget scenario init": {
		Short: "Eine kommentierte Beispiel-Szenariodatei schreiben",
		Long: `Eine kommentierte Beispiel-Szenariodatei schreiben (Vorgabe szenarien.yaml), die so
mit den eingebauten Beispieldaten läuft. Sie ersetzt nie eine Datei, außer mit --force.`,
	},
	"raumbudget scenario sweep": {
		Short: "Das Gewicht eines Indikators variieren und den Betrag jeder Bezirksstelle sehen",
		Long: `Das Gewicht eines Indikators über einen Bereich variieren, im Quartal des
Basisplans (--period, Vorgabe: sein letztes); die anderen Gewichte behalten ihr
Verhältnis und schrumpfen oder wachsen, sodass alle zusammen 1 ergeben. Für
jeden Schritt zeigt die Tabelle den Betrag jeder Bezirksstelle; darunter das
Gewicht, bei dem der genaue Betrag jeder Bezirksstelle ihrem Bezugsbetrag
gleicht: dem, was sie im ersten Quartal des Basisplans erhält (oder den
gebuchten 'previous'-Beträgen, wenn der Basisplan sie hat), oder in
--reference QUARTAL. Der Korridor gilt für einen Sweep nicht.`,
	},
}

// helpText is one command's help in one language.
type helpText struct{ Short, Long string }

// The help is English unless German is asked for with --lang de (on the
// command, on raumbudget itself or on help) or RAUMBUDGET_LANG=de: English
// help stays what scripts, search engines and bug reports quote, while the
// --lang default of the reports is German.

// addHelpLanguage makes the help of every command follow --lang and
// RAUMBUDGET_LANG, and gives raumbudget itself and help a --lang flag for
// it ("raumbudget --lang de --help", "raumbudget help plan --lang de").
func addHelpLanguage(root, help *cobra.Command) {
	root.Flags().String("lang", "", "language of the help: de or en (default en)")
	help.Flags().String("lang", "", "language of the help: de or en (default en)")
	english := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if helpLanguage(c) == "de" {
			germanHelp(c.Root())
		}
		english(c, args)
	})
}

// helpLanguage is the language asked for by c's --lang, else by help's,
// else by the environment.
func helpLanguage(c *cobra.Command) string {
	if f := c.Flags().Lookup("lang"); f != nil && f.Changed {
		return f.Value.String()
	}
	if lang, ok := c.Root().Annotations[helpLangAnnotation]; ok {
		return lang
	}
	return os.Getenv(envPrefix + "_LANG")
}

// helpLangAnnotation on the root holds the --lang given to help, for the
// help of the command it shows.
const helpLangAnnotation = "help-lang"

// askHelpLanguage passes help's --lang on to the help it shows.
func askHelpLanguage(help *cobra.Command) {
	if f := help.Flags().Lookup("lang"); f != nil && f.Changed {
		root := help.Root()
		if root.Annotations == nil {
			root.Annotations = map[string]string{}
		}
		root.Annotations[helpLangAnnotation] = f.Value.String()
	}
}

// germanHelp puts the German help, flag descriptions and usage headings
// into every command.
func germanHelp(c *cobra.Command) {
	if t, ok := helpDE[c.CommandPath()]; ok {
		c.Short, c.Long = t.Short, t.Long
	}
	c.SetUsageTemplate(germanUsage.Replace(c.UsageTemplate()))
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if de, ok := flagUsageDE[f.Usage]; ok {
			f.Usage = de
		}
	})
	if f := c.Flags().Lookup("help"); f != nil {
		f.Usage = "Hilfe zu " + c.Name()
	}
	if f := c.Flags().Lookup("version"); f != nil {
		f.Usage = "Version von " + c.Name()
	}
	for _, sub := range c.Commands() {
		germanHelp(sub)
	}
}

// germanUsage translates the headings of cobra's usage template and the
// exit status the commands add to it.
var germanUsage = strings.NewReplacer(
	"Usage:", "Aufruf:",
	"[command]", "[Befehl]",
	"Aliases:", "Andere Namen:",
	"Examples:", "Beispiele:",
	"Available Commands:", "Befehle:",
	"Additional Commands:", "Weitere Befehle:",
	"Global Flags:", "Globale Optionen:",
	"Flags:", "Optionen:",
	"Additional help topics:", "Weitere Hilfethemen:",
	`for more information about a command.`, `zeigt die Hilfe eines Befehls.`,
	`Use "{{.CommandPath}}`, `"{{.CommandPath}}`,
	exitStatusHelp, exitStatusHelpDE,
	checkStatusHelp, checkStatusHelpDE,
)

const exitStatusHelpDE = `
Exit-Status:
  0  erledigt
  1  alles andere (eine Datei ließ sich nicht schreiben, eine Ausgabedatei besteht
     ohne --force, dem Programm ging der Speicher aus oder es stürzte ab, ein Fehler
     im Programm)
  2  falscher Aufruf oder falsche Eingabe (die Meldung nennt Datei, Zeile oder Zelle
     und Spalte)
  130, 143  unterbrochen (Strg-C, kill); temporäre Dateien werden entfernt
`

const checkStatusHelpDE = `
Exit-Status:
  0  die Tabellen sind sauber
  1  alles andere (eine Datei ließ sich gar nicht lesen, dem Programm ging der
     Speicher aus, ein Fehler im Programm)
  2  Fehler: falsche Eingabe, die allocate ablehnen würde
  3  nur Warnungen: die Tabellen sind verwendbar, aber sehen Sie sich die Warnungen an
`
