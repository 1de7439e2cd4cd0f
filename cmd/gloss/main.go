// Command gloss is the Gloss desktop app: it opens a project file (the one
// named on the command line, else the last one, else a default project with
// the sample article) in the annotation window.
package main

import (
	"flag"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"gloss/app"
	"gloss/store"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "dev"

// appID names Gloss to Fyne: where its preferences are kept.
const appID = "org.gloss.Gloss"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gloss [--version] [PROJECT.gloss]\n\n"+
			"Opens PROJECT.gloss (created when missing), else the project opened last,\n"+
			"else a default project with a sample article.\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *showVersion {
		fmt.Println("gloss", Version)
		return
	}
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	app.Version = Version
	a := fyneapp.NewWithID(appID)
	openStore := func(path string) (app.Project, error) {
		s, err := store.Open(path, store.Options{Annotator: app.AnnotatorName(a.Preferences())})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	g, err := app.Start(a, flag.Arg(0), openStore, store.Keeper)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gloss:", err)
		os.Exit(1)
	}
	g.Window().Show()
	g.AskAnnotator()
	g.Window().ShowAndRun()
	if err := g.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gloss: close project:", err)
		os.Exit(1)
	}
}
