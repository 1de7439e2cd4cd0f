// Command gloss is the Gloss desktop app: it opens a project file or a
// project on a PostgreSQL server (the one named on the command line, else
// the last one, else a default project with the sample article) in the
// annotation window.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"gloss/app"
	"gloss/store"
	"gloss/store/pgstore"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "dev"

// appID names Gloss to Fyne: where its preferences are kept.
const appID = "org.gloss.Gloss"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gloss [--version] [PROJECT.gloss | postgres://USER@HOST:PORT/DATABASE]\n\n"+
			"Opens PROJECT.gloss (created when missing) or the project in a PostgreSQL\n"+
			"database (made by gloss-cli init; the password comes from PGPASSWORD or\n"+
			"~/.pgpass), else the project opened last, else a default project with a\n"+
			"sample article.\n")
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
		if pgstore.IsURL(path) {
			return openServer(path, app.AnnotatorName(a.Preferences()))
		}
		s, err := store.Open(path, store.Options{Annotator: app.AnnotatorName(a.Preferences())})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	connect := func(ctx context.Context, url string) (app.Project, error) {
		s, err := pgstore.Open(ctx, url, pgstore.Options{Annotator: app.AnnotatorName(a.Preferences())})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	g, err := app.StartWith(a, flag.Arg(0), app.StartOptions{Open: openStore, Connect: connect, Backups: store.Keeper})
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

// openTimeout bounds connecting to a server project, so that an unreachable
// server is reported instead of freezing the window.
const openTimeout = 15 * time.Second

// openServer opens the project in the PostgreSQL database at url.
func openServer(url, annotator string) (app.Project, error) {
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	s, err := pgstore.Open(ctx, url, pgstore.Options{Annotator: annotator})
	if err != nil {
		return nil, err
	}
	return s, nil
}
