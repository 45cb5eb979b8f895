package cmd

import "github.com/spf13/cobra"

// newHelpCmd is "help [command]" as cobra's, except that a command that
// does not exist is an error (exit 2) rather than the root's help.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long: `Show the help of a command, e.g. "raumbudget help scenario compare".
In German with --lang de or RAUMBUDGET_LANG=de.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 {
				return unknownSubcommand(target, rest[0])
			}
			askHelpLanguage(c)
			return target.Help()
		},
	}
}
