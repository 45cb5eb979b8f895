// Command raumbudget splits a youth office's budget for educational help
// among its district offices by social indicators and prior-year spending.
package main

import (
	"os"

	"github.com/raumbudget/raumbudget/cmd"
)

func main() {
	os.Exit(cmd.Main())
}
