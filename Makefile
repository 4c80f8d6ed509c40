# Makefile: build, test, package and install microrest.
#
#   make build                     the binary ./microrest
#   make test                      what CI runs (scripts/dev test)
#   make e2e                       the end-to-end test on Xvfb, dunst and xfce4-panel (with the soak)
#   make soak                      only the socket soak on the real tray host
#   make bench                     the footprint benchmark (prints figures)
#   make install PREFIX=/usr/local binary, desktop entry and icons (DESTDIR honoured)
#   make uninstall PREFIX=…        remove them again
#   make dist                      dist/microrest-VERSION-linux-amd64.tar.gz
#   make deb                       dist/microrest_VERSION_ARCH.deb (dpkg-deb; MAINTAINER=… to sign it)
#   make deb-check                 build the .deb, lintian it, install, run, remove (root; CI)
#   make windows                   dist/microrest.exe, cross-compiled with mingw-w64
#   make wine                      run dist/microrest.exe under Wine on Xvfb (scripts/wine-test)
#   make darwin-vet                vet and build for macOS what needs no cgo
#   make desktop-validate          desktop-file-validate the .desktop entry
#
# System packages come from scripts/dev (run as root, or it prints the
# apt-get line). The version is read from FyneApp.toml, the one place it
# is written.

PREFIX ?= /usr/local
DESTDIR ?=
GO ?= go

APP_ID := io.github.microrest
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
BUILD_NO := $(shell sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\)/\1/p' FyneApp.toml)
GOARCH := $(shell $(GO) env GOARCH)
DIST_NAME := microrest-$(VERSION)-linux-$(GOARCH)
# Intermediate files live under dist/, which git already ignores.
BUILD := dist/build
STAGE := $(BUILD)/linux
SYSO := rsrc_windows_amd64.syso
MINGW_CC ?= x86_64-w64-mingw32-gcc
WINDRES ?= x86_64-w64-mingw32-windres
comma := ,
# Release builds drop the symbol table and DWARF (a third of the size);
# -trimpath is left out because it would rebuild Fyne's cgo from cold.
RELEASE_LDFLAGS := -s -w
# The Debian package's Maintainer field and changelog signature.
MAINTAINER ?= microrest developers <maintainers@microrest.invalid>

.PHONY: build test e2e soak bench icons stage install uninstall dist deb deb-check windows wine darwin-vet desktop-validate clean

build:
	$(GO) build -o microrest .

test:
	scripts/dev test

e2e:
	scripts/dev e2e

soak:
	scripts/dev soak

bench:
	scripts/bench

icons:
	$(GO) run ./packaging/icons -src assets/icon.png -out $(BUILD)

# stage lays out exactly what the tarball holds; install copies from it.
stage: icons
	rm -rf $(STAGE)
	mkdir -p $(STAGE)
	$(GO) build -ldflags '$(RELEASE_LDFLAGS)' -o $(STAGE)/microrest .
	cp packaging/$(APP_ID).desktop packaging/install.sh README.md $(STAGE)/
	cp -r $(BUILD)/icons $(STAGE)/icons
	if [ -f LICENSE ]; then cp LICENSE $(STAGE)/; fi

install: stage
	SRC=$(STAGE) DESTDIR=$(DESTDIR) $(STAGE)/install.sh $(PREFIX)

uninstall:
	DESTDIR=$(DESTDIR) packaging/install.sh --uninstall $(PREFIX)

dist: stage
	mkdir -p dist
	rm -rf $(BUILD)/$(DIST_NAME)
	cp -r $(STAGE) $(BUILD)/$(DIST_NAME)
	tar -C $(BUILD) --owner=0 --group=0 -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "dist/$(DIST_NAME).tar.gz"

# deb packages the staged release binary for /usr; packaging/deb/build.sh
# says how each part is made.
deb: stage
	MAINTAINER='$(MAINTAINER)' packaging/deb/build.sh $(STAGE) dist

deb-check: deb
	scripts/deb-check

# windows links the icon, manifest and version into the .exe through a
# .syso in the main package's directory, removed again after the build so
# it never reaches a commit.
windows: icons
	mkdir -p $(BUILD)/windows
	sed -e 's|@ICO@|$(CURDIR)/$(BUILD)/windows/microrest.ico|' \
		-e 's|@MANIFEST@|$(CURDIR)/packaging/windows/microrest.exe.manifest|' \
		-e 's|@VERSION@|$(VERSION)|g' \
		-e 's|@FILEVERSION@|$(subst .,$(comma),$(VERSION))$(comma)$(BUILD_NO)|g' \
		packaging/windows/microrest.rc.in > $(BUILD)/windows/microrest.rc
	$(WINDRES) -O coff -F pe-x86-64 -i $(BUILD)/windows/microrest.rc -o $(SYSO)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW_CC) \
		$(GO) build -ldflags '-H=windowsgui $(RELEASE_LDFLAGS)' -o dist/microrest.exe . ; \
		status=$$?; rm -f $(SYSO); exit $$status
	@echo "dist/microrest.exe"

# wine builds the .exe (make windows) and runs it under Wine in a fresh
# prefix with a test-only bcryptprimitives.dll; see scripts/wine-test.
wine:
	scripts/wine-test

# darwin-vet vets and builds for macOS every package that needs no cgo;
# Fyne's driver and fyne.io/systray (so main, cli, ui, tray, daemon) need
# cgo and a Mac. scripts/dev works out the list from go list.
darwin-vet:
	scripts/dev darwin

desktop-validate:
	desktop-file-validate packaging/$(APP_ID).desktop

clean:
	rm -rf dist microrest $(SYSO)
