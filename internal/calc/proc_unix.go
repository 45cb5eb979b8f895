//go:build unix

package calc

import (
	"os/exec"
	"syscall"
)

// killGroup makes soffice the leader of its own process group and has a
// timeout kill the whole group: soffice is a script that starts
// soffice.bin, which would otherwise outlive it.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
