// Command snwatcher is a minimal StatusNotifierWatcher for the footprint
// benchmark on machines without xfce4-panel: it owns
// org.kde.StatusNotifierWatcher on the session bus, accepts registrations
// and prints one line per registration ("registered SERVICE"), so a tray
// item has a host to register with and the script can time it. It serves
// the same watcher the integration tests use.
package main

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/internal/testdesk"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return fmt.Errorf("connect to the session bus: %w", err)
	}
	defer conn.Close()
	w, err := testdesk.ServeWatcher(conn)
	if err != nil {
		return err
	}
	fmt.Println("watching")
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	for {
		select {
		case it := <-w.Registered():
			fmt.Println("registered", it.Sender+string(it.Path))
		case <-sig:
			return nil
		}
	}
}
