//go:build !linux

package cmd

import "syscall"

// diesWithParent has no portable equivalent outside Linux; there the
// child may outlive a supervisor killed with kill -9.
func diesWithParent() *syscall.SysProcAttr { return nil }
