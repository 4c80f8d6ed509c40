// Command barewindow is the yardstick for scripts/bench-windows: a Fyne
// window with one label and nothing else, built with the same toolchain
// and Fyne as microrest, so a window's start-up can be read as a ratio to
// what Fyne itself costs on the same machine.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.microrest.barewindow")
	w := a.NewWindow("barewindow")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.ShowAndRun()
}
