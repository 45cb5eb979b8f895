// Package cmd holds raumbudget's commands: one file per command, each
// turning flags and config into the options of a plain run function.
package cmd

import (
	"fmt"
	"io"
	"os"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/spf13/cobra"
)

// NewRootCmd builds the command tree.
func NewRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "raumbudget",
		Short: "Split a youth office's budget among its district offices by social indicators",
		Long: `raumbudget splits the budget for educational help (Hilfen zur Erziehung) among
district offices (Bezirksstellen): a share by social indicators, the rest by each
office's spending in the previous year, exact to the cent.`,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newAllocateCmd(nil), newPlanCmd(nil), newExplainCmd(nil), newScenarioCmd())
	root.AddCommand(newInitCmd(nil), newCheckCmd(nil), newBookCmd(), newLedgerCmd(), newMonitorCmd(nil), newIstCmd(), newReportCmd())
	help := newHelpCmd()
	root.SetHelpCommand(help)
	addHelpLanguage(root, help)
	// Now, not at Execute: their help is in the German catalogue too.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	refuseUnknownSubcommands(root)
	registerCompletions(root)
	return root
}

// Run runs the command line args and returns the exit status, writing to
// stdout and stderr; tests call it in-process. No panic of the command
// gets past it: a bug is reported in one line with exit status 1.
func Run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, msg.New("raumbudget: internal error: %v (please report this)", r).In(argsLang(args)))
			code = exitError
		}
	}()
	root := NewRootCmd()
	// Warnings deep in a command learn the run's language from its stderr.
	errOut := &langWriter{Writer: stderr, root: root, args: args}
	warnUnknownEnv(root, os.Environ(), errOut)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(errOut)
	if _, err := root.ExecuteC(); err != nil {
		fmt.Fprintf(stderr, "raumbudget: %s\n", msg.Of(cobraError(err), errOut.lang()))
		return exitCode(err)
	}
	return exitOK
}
