package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pages is the settings window's column of page names beside the page
// shown: a sidebar of plain buttons, the chosen one highlighted. Fyne's
// AppTabs did this before, but each of its tab buttons builds a close
// button whose icon is an SVG parsed and recoloured before the window can
// map: with nine pages that was a third of the settings window's start-up
// (issue 13). Buttons also take the keyboard focus, so the pages can be
// walked with Tab and chosen with Space, which AppTabs did not allow.
//
// The pages are container.TabItems, used only as records of a title, an
// icon (set while the page has a problem, shown in the error colour) and
// the content.
type pages struct {
	Items []*container.TabItem
	// OnSelected runs when another page is chosen, after it is shown.
	OnSelected func(*container.TabItem)
	buttons    []*widget.Button
	selected   int
	shown      *fyne.Container // holds the chosen page's content
	view       fyne.CanvasObject
}

// newPages shows items[0] beside the column of all items' titles.
func newPages(items []*container.TabItem) *pages {
	p := &pages{Items: items, shown: container.NewStack(items[0].Content)}
	var column []fyne.CanvasObject
	for i, item := range items {
		b := widget.NewButtonWithIcon(item.Text, mark(item.Icon), func() { p.Select(item) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if i == 0 {
			b.Importance = widget.MediumImportance
		}
		p.buttons = append(p.buttons, b)
		column = append(column, b)
	}
	// The column comes first among the objects, so Tab walks the pages
	// before the fields of the one shown. It scrolls, so at a large scale
	// on a small screen the window can still shrink below the height of
	// every name.
	side := container.NewHBox(container.NewVScroll(container.NewVBox(column...)), widget.NewSeparator())
	p.view = container.New(layout.NewBorderLayout(nil, nil, side, nil), side, p.shown)
	return p
}

// Selected is the page shown.
func (p *pages) Selected() *container.TabItem { return p.Items[p.selected] }

// Select shows item; an item not in the list changes nothing.
func (p *pages) Select(item *container.TabItem) {
	for i, it := range p.Items {
		if it != item || i == p.selected {
			continue
		}
		p.buttons[p.selected].Importance = widget.LowImportance
		p.buttons[p.selected].Refresh()
		p.selected = i
		p.buttons[i].Importance = widget.MediumImportance
		p.buttons[i].Refresh()
		p.shown.Objects = []fyne.CanvasObject{item.Content}
		p.shown.Refresh()
		if p.OnSelected != nil {
			p.OnSelected(item)
		}
		return
	}
}

// Refresh shows each item's title and icon as they are now.
func (p *pages) Refresh() {
	for i, item := range p.Items {
		b := p.buttons[i]
		if icon := mark(item.Icon); b.Text != item.Text || !sameIcon(b.Icon, icon) {
			b.Text, b.Icon = item.Text, icon
			b.Refresh()
		}
	}
}

// mark is a page's icon as its button shows it: in the error colour, as
// the page's icon only ever marks a problem on it.
func mark(icon fyne.Resource) fyne.Resource {
	if icon == nil {
		return nil
	}
	return theme.NewErrorThemedResource(icon)
}

// sameIcon compares two icons by name, as mark makes a new resource each
// time.
func sameIcon(a, b fyne.Resource) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Name() == b.Name()
}
