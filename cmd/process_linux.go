package cmd

import "syscall"

// diesWithParent makes the kernel kill the child when the supervisor
// ends, even by kill -9: the work must never outlive the process a user
// or a script stopped (a booking would still be stored).
func diesWithParent() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
