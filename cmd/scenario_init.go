package cmd

import (
	_ "embed"

	"github.com/spf13/cobra"
)

//go:embed templates/szenarien.yaml
var scenarioTemplate []byte

func newScenarioInitCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented example scenario file",
		Long: `Write a commented example scenario file (default szenarien.yaml) that runs as
it is against the built-in sample data. It never replaces a file unless --force.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			path := "szenarien.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			force, _ := c.Flags().GetBool("force")
			if err := writeFileAtomic(path, scenarioTemplate, force); err != nil {
				return &runError{err}
			}
			c.PrintErrf("wrote %s; try: raumbudget scenario compare %s\n", path, path)
			return nil
		},
	}
	c.Flags().Bool("force", false, "replace the file if it exists")
	return c
}
