package report

import "strings"

// markdownEscaper makes text from the input (unit names, headings, file
// names) plain text in Markdown: no raw HTML (<b>, <script>), no links or
// images ([x](javascript:…): with the brackets escaped, the parentheses
// are plain text), no emphasis, code or table cells of its own.
// Backslash escapes are CommonMark's for punctuation; < > & become
// entities, which every renderer reads as text.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`, "[", `\[`, "]", `\]`, "|", `\|`, "#", `\#`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;",
)

// escapeMarkdown returns s as plain text for a Markdown document.
func escapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}

// textLine is s for a text line of the output: escaped in Markdown.
func textLine(markdown bool, s string) string {
	if markdown {
		return escapeMarkdown(s)
	}
	return s
}

// escapeCells escapes every cell of a Markdown table.
func escapeCells(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = make([]string, len(row))
		for j, c := range row {
			out[i][j] = escapeMarkdown(c)
		}
	}
	return out
}
