package cmd

// version is set by the build (-ldflags "-X .../cmd.version=...").
var version = "dev"
