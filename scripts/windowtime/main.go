// Command windowtime times a program from exec until the X server maps its
// window, for scripts/bench-windows. It listens for MapNotify on the root
// window instead of polling, so the figure carries no polling interval.
//
//	windowtime -title "microrest settings" -runs 5 -- microrest settings
//
// It prints a line per run: the seconds from exec to mapped, and the CPU
// seconds the program's threads had used by then (from schedstat), which
// other work on a busy machine changes far less than the wall time. Every
// run is ended (SIGTERM to its process group) once its window is mapped.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

func main() {
	title := flag.String("title", "", "the WM_NAME of the window to wait for")
	runs := flag.Int("runs", 5, "timed runs")
	warmup := flag.Int("warmup", 1, "untimed runs first, so every program starts from a warm page cache")
	timeout := flag.Duration("timeout", 20*time.Second, "how long one run may take to map its window")
	logPath := flag.String("log", os.DevNull, "where the program's output goes")
	flag.Parse()
	if *title == "" || flag.NArg() == 0 {
		log.Fatal("usage: windowtime -title NAME [-runs N] -- command [args...]")
	}
	out, err := os.OpenFile(*logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		log.Fatal(err)
	}
	w, err := newWatcher(out)
	if err != nil {
		log.Fatal(err)
	}
	for i := range *warmup + *runs {
		wall, cpu, err := w.time(*title, *timeout, flag.Args())
		if err != nil {
			log.Fatalf("run %d: %v", i+1, err)
		}
		if i >= *warmup {
			fmt.Printf("%.3f %.3f\n", wall.Seconds(), cpu.Seconds())
		}
	}
}

// watcher holds a connection that receives every top-level window's
// MapNotify: there is no window manager under Xvfb, so top-level windows
// are the root's children.
type watcher struct {
	conn   *xgb.Conn
	events chan xgb.Event
	// out takes the timed program's output.
	out *os.File
}

func newWatcher(out *os.File) (*watcher, error) {
	// xgb logs that it found no .Xauthority, which Xvfb does not need.
	xgb.Logger = log.New(io.Discard, "", 0)
	conn, err := xgb.NewConn()
	if err != nil {
		return nil, fmt.Errorf("connect to the X server: %w", err)
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	mask := []uint32{xproto.EventMaskSubstructureNotify}
	if err := xproto.ChangeWindowAttributesChecked(conn, root, xproto.CwEventMask, mask).Check(); err != nil {
		return nil, fmt.Errorf("watch the root window: %w", err)
	}
	w := &watcher{conn: conn, events: make(chan xgb.Event, 64), out: out}
	go w.read()
	return w, nil
}

func (w *watcher) read() {
	for {
		ev, err := w.conn.WaitForEvent()
		if ev == nil && err == nil {
			close(w.events)
			return
		}
		if ev != nil {
			w.events <- ev
		}
	}
}

// time starts the command and returns how long until a window named title
// was mapped, and the CPU time its threads had used by then; the command
// is then ended.
func (w *watcher) time(title string, timeout time.Duration, argv []string) (wall, cpu time.Duration, err error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = w.out, w.out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer end(cmd)
	deadline := time.After(timeout)
	for {
		select {
		case ev, ok := <-w.events:
			if !ok {
				return 0, 0, errors.New("the X connection closed")
			}
			at := time.Now()
			if m, isMap := ev.(xproto.MapNotifyEvent); isMap && w.name(m.Window) == title {
				return at.Sub(start), threadsCPU(cmd.Process.Pid), nil
			}
		case <-deadline:
			return 0, 0, fmt.Errorf("no window %q mapped within %v", title, timeout)
		}
	}
}

func (w *watcher) name(win xproto.Window) string {
	reply, err := xproto.GetProperty(w.conn, false, win, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, 256).Reply()
	if err != nil || reply == nil {
		return ""
	}
	return string(reply.Value)
}

// threadsCPU sums the time every thread of a process has run, from
// schedstat's nanoseconds: the stat file's clock ticks are 10 ms, too
// coarse for a start-up of a few hundred.
func threadsCPU(pid int) time.Duration {
	paths, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var total time.Duration
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if ns, err := strconv.ParseInt(strings.Fields(string(data))[0], 10, 64); err == nil {
			total += time.Duration(ns)
		}
	}
	return total
}

// end stops the program and whatever it started, and reaps it.
func end(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}
