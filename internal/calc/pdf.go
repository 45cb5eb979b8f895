package calc

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfFilter prints every sheet as the workbook's print setup says.
const pdfFilter = "pdf:calc_pdf_Export"

// PopplerHint says how to get pdftotext.
const PopplerHint = "apt-get install poppler-utils"

// RequirePDF is Require for tests that print: it needs LibreOffice and
// pdftotext.
func RequirePDF(t testing.TB) {
	t.Helper()
	Require(t)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		return
	}
	msg := "pdftotext not found; install it with: " + PopplerHint
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (CI is set, so this test may not be skipped)")
	}
	t.Skip(msg)
}

// Pages prints the workbook at path to PDF in LibreOffice headless, as a
// reader would print it, and returns the text of each printed page
// (pdftotext -layout), in order.
func Pages(path string) ([]string, error) {
	bin := soffice()
	if bin == "" {
		return nil, fmt.Errorf("calc: LibreOffice (soffice) not found; install it with: %s", InstallHint)
	}
	tmp, err := os.MkdirTemp("", "calc-")
	if err != nil {
		return nil, fmt.Errorf("calc: %w", err)
	}
	defer os.RemoveAll(tmp)
	outdir, command, out, err := convert(bin, path, tmp, registry, pdfFilter)
	if err != nil {
		return nil, err
	}
	pdf := filepath.Join(outdir, base+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		return nil, fmt.Errorf("calc: %s: soffice wrote no PDF (files: %s)\n%s\noutput:\n%s", path, listDir(outdir), command, out.String())
	}
	return pdfPages(pdf)
}

// pdfPages is the text of each page of a PDF file.
func pdfPages(pdf string) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("calc: pdftotext %s: %v: %s", pdf, err, stderr.String())
	}
	// pdftotext ends every page with a form feed.
	pages := strings.Split(stdout.String(), "\f")
	return pages[:len(pages)-1], nil
}

// PagesOf are the pages of one sheet: those with a line that holds the
// report's title and ends with the sheet's name, as the reports print
// their page header ("&L title &R sheet").
func PagesOf(pages []string, title, sheet string) []string {
	var out []string
	for _, p := range pages {
		for _, line := range strings.Split(p, "\n") {
			line = strings.TrimSpace(line)
			if strings.Contains(line, title) && strings.HasSuffix(line, sheet) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
