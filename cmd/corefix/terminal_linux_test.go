package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/charmbracelet/x/vt"
)

// The tests in this file run corefix as a user does: a process of its
// own, in a terminal (a pseudo-terminal whose screen a virtual terminal
// replays), stopped by signals or by the terminal closing.

// cliEnv makes the test binary run corefix's main instead of the tests:
// the child processes below are the real command, without a build step.
const cliEnv = "COREFIX_TEST_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(cliEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	code := m.Run()
	removeFrameFixtures()
	os.Exit(code)
}

// terminal is corefix running in a pseudo-terminal of w×h cells.
type terminal struct {
	cmd    *exec.Cmd
	master *os.File // the terminal's side: keys in, screen out
	stderr *bytes.Buffer
	exited chan struct{} // closed once the process ended; then err is set
	err    error
	drawn  chan struct{} // gets a token when corefix wrote to the screen

	mu  sync.Mutex
	emu *vt.Emulator
}

// startTerminal runs `corefix args...` in dir, in a new session whose
// controlling terminal is a fresh pseudo-terminal, as a shell would. Its
// standard error is kept apart (stderr) to read corefix's last word.
func startTerminal(t testing.TB, dir string, w, h int, args ...string) *terminal {
	t.Helper()
	master, slave, err := openPTY(w, h)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	tm := &terminal{master: master, stderr: new(bytes.Buffer), exited: make(chan struct{}), drawn: make(chan struct{}, 1), emu: vt.NewEmulator(w, h)}
	tm.cmd = exec.Command(os.Args[0], args...)
	tm.cmd.Dir = dir
	tm.cmd.Env = append(os.Environ(), cliEnv+"=1", "TERM=xterm-256color", "COLORTERM=", "NO_COLOR=")
	tm.cmd.Stdin, tm.cmd.Stdout, tm.cmd.Stderr = slave, slave, tm.stderr
	tm.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := tm.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	go func() { tm.err = tm.cmd.Wait(); close(tm.exited) }()
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := master.Read(buf)
			tm.mu.Lock()
			tm.emu.Write(buf[:n])
			tm.mu.Unlock()
			select {
			case tm.drawn <- struct{}{}:
			default: // a token is waiting already
			}
			if err != nil {
				return // EIO once the process and the terminal are gone
			}
		}
	}()
	go io.Copy(master, tm.emu) // the terminal's answers to corefix's queries
	t.Cleanup(func() {
		tm.cmd.Process.Kill()
		<-tm.exited
		master.Close()
	})
	return tm
}

// screen is what the terminal shows now.
func (tm *terminal) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// waitFor waits until the screen shows want, for at most d.
func (tm *terminal) waitFor(want string, d time.Duration) bool {
	return tm.waitUntil(func(screen string) bool { return strings.Contains(screen, want) }, d)
}

// waitUntil waits until ok holds of the screen, for at most d, looking
// again each time corefix writes to it.
func (tm *terminal) waitUntil(ok func(screen string) bool, d time.Duration) bool {
	timeout := time.After(d)
	for {
		if ok(tm.screen()) {
			return true
		}
		select {
		case <-tm.drawn:
		case <-timeout:
			return ok(tm.screen())
		}
	}
}

// typeKeys types s, as the user's keyboard would ("\r" is enter).
func (tm *terminal) typeKeys(s string) { tm.master.Write([]byte(s)) }

// hangUp closes the terminal, as closing its window or losing an ssh
// connection does: the kernel sends corefix SIGHUP.
func (tm *terminal) hangUp() { tm.master.Close() }

// repeat sends sig again every few milliseconds until corefix ends, as a
// shell that relays SIGHUP to its jobs, or tmux closing a pane, does: the
// repeats must not cut the last save short.
func (tm *terminal) repeat(sig syscall.Signal) {
	go func() {
		for {
			select {
			case <-tm.exited:
				return
			case <-time.After(3 * time.Millisecond):
				tm.cmd.Process.Signal(sig)
			}
		}
	}()
}

// wait waits at most d for corefix to end and returns its exit status,
// or -1 when a signal killed it; ok is false if it did not end in time.
func (tm *terminal) wait(d time.Duration) (status int, ok bool) {
	select {
	case <-tm.exited:
	case <-time.After(d):
		return 0, false
	}
	var ee *exec.ExitError
	if errors.As(tm.err, &ee) {
		return ee.ExitCode(), true
	}
	return 0, tm.err == nil
}

// openPTY opens a new pseudo-terminal pair of w×h cells (Linux). The
// master is non-blocking, so Go polls it: a Read waiting on it does not
// keep Close from closing it, which is what hangs the terminal up.
func openPTY(w, h int) (master, slave *os.File, err error) {
	fd, err := syscall.Open("/dev/ptmx", syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	var n uint32
	size := [4]uint16{uint16(h), uint16(w), 0, 0} // struct winsize
	for _, c := range []struct {
		req uintptr
		arg unsafe.Pointer
	}{{syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)}, {syscall.TIOCGPTN, unsafe.Pointer(&n)}, {syscall.TIOCSWINSZ, unsafe.Pointer(&size)}} {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), c.req, uintptr(c.arg)); e != 0 {
			syscall.Close(fd)
			return nil, nil, e
		}
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		syscall.Close(fd)
		return nil, nil, err
	}
	master = os.NewFile(uintptr(fd), "/dev/ptmx")
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	return master, slave, nil
}
