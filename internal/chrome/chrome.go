// Package chrome prints HTML to PDF with headless Chromium through the
// DevTools protocol (github.com/chromedp/chromedp), and lets tests open a
// page the way a reader's browser would.
package chrome

//lint:file-ignore ST1005 the messages begin with a proper noun, Chromium

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// InstallHint says how to get Chromium.
const InstallHint = "install it with apt-get install chromium"

// Timeout bounds one print.
const Timeout = 120 * time.Second

// Fallback is where Chromium is looked for when the PATH has none (a
// variable so that tests can take it away).
var Fallback = "/usr/bin/chromium"

// Path is the Chromium executable: chromium or chromium-browser on the
// PATH, else Fallback; "" when there is none.
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat(Fallback); err == nil {
		return Fallback
	}
	return ""
}

// Require skips the test when Chromium is missing, and fails it instead
// when the environment variable CI is set.
func Require(t testing.TB) {
	t.Helper()
	if Path() != "" {
		return
	}
	msg := "Chromium not found; " + InstallHint
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (CI is set, so this test may not be skipped)")
	}
	t.Skip(msg)
}

// Browser starts headless Chromium with a profile of its own, which is
// removed when the returned cancel is called.
func Browser(ctx context.Context) (context.Context, context.CancelFunc, error) {
	bin := Path()
	if bin == "" {
		return nil, nil, fmt.Errorf("Chromium not found: %s", InstallHint)
	}
	profile, err := os.MkdirTemp("", "raumbudget-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true), chromedp.Flag("disable-extensions", true),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	cancel := func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(browserCtx); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("Chromium (%s) does not start: %v", bin, err)
	}
	return browserCtx, cancel, nil
}

// Load puts html into the browser's page as its document, with no
// address to fetch anything relative from.
func Load(html []byte) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Navigate("about:blank")(ctx, t); err != nil {
			return err
		}
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(html)})
		return err
	})
}

// PrintPDF prints html on A4 (the page size its CSS sets wins).
func PrintPDF(ctx context.Context, html []byte) ([]byte, error) {
	browser, cancel, err := Browser(ctx)
	if err != nil {
		return nil, err
	}
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(browser, Timeout)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, Load(html)); err != nil {
		return nil, fmt.Errorf("Chromium could not open the report: %v", err)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground()))
	if err != nil {
		return nil, fmt.Errorf("Chromium could not print the report: %v", err)
	}
	return pdf, nil
}
