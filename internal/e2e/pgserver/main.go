// Command pgserver runs a throwaway PostgreSQL server holding one Gloss
// project, for the real-window test of server projects (.ci/e2e-server.sh)
// and for trying the window by hand. It is not part of Gloss.
//
//	pgserver          start the server (internal/pgtest: a temporary folder,
//	                  127.0.0.1, a free port; initdb as nobody when root),
//	                  create a project with the default labels and the sample
//	                  article, print "url URL" and run until SIGINT or
//	                  SIGTERM, then stop the server and remove its folder
//	pgserver spans URL  print the project's spans, one line each:
//	                  DOCUMENT START END LABEL ANNOTATOR
//
// Without PostgreSQL's server programs it exits with status 3.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"gloss/annotate"
	"gloss/assets"
	"gloss/internal/pgtest"
	"gloss/store/pgstore"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 1:
		err = serve()
	case len(os.Args) == 3 && os.Args[1] == "spans":
		err = spans(os.Args[2])
	default:
		fmt.Fprintln(os.Stderr, "usage: pgserver | pgserver spans URL")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgserver:", err)
		if errors.Is(err, pgtest.ErrNoPostgres) {
			os.Exit(noPostgres)
		}
		os.Exit(1)
	}
}

// noPostgres is the exit status when PostgreSQL is not installed.
const noPostgres = 3

func serve() error {
	c, err := pgtest.Start()
	if err != nil {
		return err
	}
	defer func() {
		if err := c.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgserver:", err)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url, err := c.CreateDatabase(ctx)
	if err != nil {
		return err
	}
	s, err := pgstore.Init(ctx, url, pgstore.Options{Annotator: "pgserver"})
	if err != nil {
		return err
	}
	err = assets.Seed(s, true)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Println("url", url)
	done := make(chan os.Signal, 1)
	signal.Notify(done, syscall.SIGINT, syscall.SIGTERM)
	<-done
	return nil
}

func spans(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := pgstore.Open(ctx, url, pgstore.Options{Annotator: "pgserver", ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	labels, err := s.Labels()
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, l := range labels {
		names[l.ID] = l.Name
	}
	return s.EachDocument(func(doc *annotate.Document, spans []*annotate.Span) error {
		for _, sp := range spans {
			fmt.Println(doc.ID, sp.Start, sp.End, names[sp.LabelID], sp.Annotator)
		}
		return nil
	})
}
