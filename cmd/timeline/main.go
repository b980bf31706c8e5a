// Command timeline builds a static event timeline from a folder of news
// articles.
//
//	timeline build [--source DIR] [--destination DIR] [--cleanDestinationDir] [--baseURL URL] [--strict]
//	timeline serve [--source DIR] [--watch] [--poll] [--port 1313] [--bind 127.0.0.1] [--write [--cleanDestinationDir]]
//	timeline extract [--json] [--out DIR] FILE...
//	timeline sources [--source DIR] [--json]
//	timeline init [DIR]
//	timeline version
//	timeline help [COMMAND]
//
// It parses flags and calls the library; all the work is in the packages
// under timeline/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	_ "time/tzdata" // IANA zones for the timezone setting, on any machine

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/timeline"
)

// Exit codes.
const (
	exitOK    = 0
	exitBuild = 1 // the build failed: bad input, or the output could not be written
	exitUsage = 2 // the command line was wrong
)

const usage = `timeline turns a folder of news articles into a static event timeline.

Usage:
  timeline build [--source DIR] [--destination DIR] [--cleanDestinationDir] [--baseURL URL] [--buildDrafts] [--strict]
  timeline serve [--source DIR] [--watch] [--poll] [--port 1313] [--bind 127.0.0.1] [--baseURL URL] [--write [--cleanDestinationDir]]
  timeline extract [--json] [--out DIR] FILE...   print the cleaned text of articles
  timeline sources [--source DIR] [--json]        explain sources: copies, metadata, cleaning
  timeline events [--source DIR] [--json]         explain events: sentences, similarities, dates, what was left out
  timeline init [DIR]                             create a new site, ready for GitHub Pages
  timeline version
  timeline help [COMMAND]

Run "timeline COMMAND -h" for a command's flags.
`

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal cancels the build, which then keeps the previous
	// site; from then on the signals are Go's again, so a second Ctrl-C
	// ends the process at once, whatever it is doing.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return build(ctx, rest, stdout, stderr)
	case "serve", "server":
		return serve(ctx, rest, stdout, stderr)
	case "extract":
		return extract(ctx, rest, stdout, stderr)
	case "sources":
		return sources(ctx, rest, stdout, stderr)
	case "events":
		return eventsCmd(ctx, rest, stdout, stderr)
	case "init":
		return initSite(ctx, rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "timeline %s\n", timeline.Version)
		return exitOK
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" {
			return run(ctx, []string{rest[0], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "timeline: unknown command %q%s\n\n%s", cmd, didYouMean(cmd, "", commands), usage)
	return exitUsage
}

// flags returns a flag set that prints its usage to w and does not exit.
func flags(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: timeline %s\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args and returns the exit code to use, or -1 to go on.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) int {
	if err := parseFlags(fs, args); err != nil {
		return parseError(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "timeline %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage
	}
	return -1
}

// parseError returns the exit code for an error from parsing flags: -h
// is not a failure.
func parseError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// parseInterspersed parses args allowing flags after positional
// arguments, as in "extract a.html --json", and returns the positional
// arguments, or the exit code to use (-1 to go on).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, int) {
	var positional []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, parseError(err)
		}
		if fs.NArg() == 0 {
			return positional, -1
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func build(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flags("build", "Builds the site from the articles in content/ into public/.", stderr)
	source := fs.String("source", ".", "site directory, holding site.toml and content/")
	dest := fs.String("destination", "", "directory to write the site to (default: publishDir of site.toml, \"public\")")
	clean := fs.Bool("cleanDestinationDir", false, cleanUsage)
	baseURL := fs.String("baseURL", "", "URL the site is published at, overriding site.toml")
	drafts := fs.Bool("buildDrafts", false, "include articles marked draft = true")
	strict := fs.Bool("strict", false, "fail the build, publishing nothing, if it has any warning (as strict = true in site.toml)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a profile of the build's memory allocations to this file")
	if code := parse(fs, args, stdout); code >= 0 {
		return code
	}
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "timeline build: %v\n", err)
		return exitUsage
	}
	defer stop()
	sum, err := timeline.Build(ctx, timeline.Options{SiteDir: *source, Destination: *dest, CleanDestinationDir: *clean, BaseURL: *baseURL, Drafts: *drafts, Strict: *strict})
	var strictErr *timeline.StrictError
	if errors.As(err, &strictErr) {
		// The error lists the warnings.
		fmt.Fprintf(stderr, "ERROR %s\n", err)
		return exitBuild
	}
	printWarnings(stderr, sum.Warnings)
	if errors.Is(err, context.Canceled) {
		// A build cancelled (Ctrl-C, SIGTERM) stops before it moves
		// anything into the destination.
		fmt.Fprintln(stderr, "interrupted: the previous site is unchanged")
		return exitBuild
	}
	if err != nil {
		printError(stderr, err)
		return exitBuild
	}
	printSummary(stdout, sum)
	return exitOK
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flags("serve", "Builds the site in memory and serves it locally, never writing public/ unless --write is\ngiven; with --watch, rebuilds when files change and reloads the browser.", stderr)
	source := fs.String("source", ".", "site directory, holding site.toml and content/")
	watch := fs.Bool("watch", false, "rebuild when content, theme or config files change, and reload the browser")
	poll := fs.Bool("poll", false, "with --watch, look for changes every 500ms instead of using file system notifications\n(for network mounts, containers, WSL)")
	write := fs.Bool("write", false, "also write each good build to the destination, as build does")
	dest := fs.String("destination", "", "with --write, directory to write the site to (default: publishDir of site.toml, \"public\")")
	clean := fs.Bool("cleanDestinationDir", false, "with --write, "+cleanUsage)
	port := fs.Int("port", 1313, "port to listen on (0: any free port)")
	bind := fs.String("bind", "127.0.0.1", "interface to listen on")
	baseURL := fs.String("baseURL", "", "URL the site is published at, overriding site.toml; its path is where the site is served")
	drafts := fs.Bool("buildDrafts", false, "include articles marked draft = true")
	if code := parse(fs, args, stdout); code >= 0 {
		return code
	}
	if *clean && !*write {
		fmt.Fprintln(stderr, "timeline serve: --cleanDestinationDir needs --write")
		return exitUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "timeline serve: --port %d: want 0 to 65535\n", *port)
		return exitUsage
	}
	err := timeline.Serve(ctx, timeline.ServeOptions{
		Options: timeline.Options{SiteDir: *source, Destination: *dest, CleanDestinationDir: *clean, BaseURL: *baseURL, Drafts: *drafts},
		Bind:    *bind,
		Port:    *port,
		Watch:   *watch,
		Poll:    *poll,
		Write:   *write,
		Stdout:  stdout,
		Stderr:  stderr,
	})
	if err != nil {
		printError(stderr, err)
		return exitBuild
	}
	return exitOK
}

// cleanUsage describes --cleanDestinationDir.
const cleanUsage = "replace everything in the destination, files no build wrote included\n(without it, only the files listed in its .timeline-manifest are replaced or removed,\nand other files in the way fail the build)"

func printWarnings(w io.Writer, ws []timeline.Diagnostic) {
	for _, d := range ws {
		if d.Warning {
			fmt.Fprintf(w, "WARN  %s\n", d.Error())
		}
	}
}

// printStageWarnings prints the warnings of the stages that the
// explaining commands run directly.
func printStageWarnings(w io.Writer, ws diag.List) {
	for _, d := range ws {
		if d.Severity == diag.Warning {
			fmt.Fprintf(w, "WARN  %s\n", d.Error())
		}
	}
}

// printError prints err, a build error one diagnostic a line.
func printError(w io.Writer, err error) {
	var be *timeline.BuildError
	var stageErr diag.BuildError
	switch {
	case errors.As(err, &be):
		for _, d := range be.Errors {
			fmt.Fprintf(w, "ERROR %s\n", d.Error())
		}
	case errors.As(err, &stageErr):
		for _, d := range stageErr.Errors {
			fmt.Fprintf(w, "ERROR %s\n", d.Error())
		}
	default:
		fmt.Fprintf(w, "ERROR %s\n", err)
	}
}

func printSummary(w io.Writer, s timeline.Summary) {
	rows := [][2]string{
		{"Articles", fmt.Sprint(s.Articles)},
		{"Copies merged", fmt.Sprint(s.Copies)},
		{"Sources", fmt.Sprint(s.Sources)},
		{"Events", fmt.Sprint(s.Events)},
		{"  dated", fmt.Sprint(s.Dated)},
		{"Pages", fmt.Sprint(s.Pages)},
		{"Files", fmt.Sprint(s.Files)},
		{"Warnings", fmt.Sprint(len(s.Warnings))},
	}
	fmt.Fprintf(w, "%-16s| %s\n%s+%s\n", "", "timeline", strings.Repeat("-", 16), strings.Repeat("-", 10))
	for _, r := range rows {
		fmt.Fprintf(w, "  %-14s| %6s\n", r[0], r[1])
	}
	var stages []string
	for _, st := range s.Stages {
		stages = append(stages, fmt.Sprintf("%s %s", st.Name, st.Duration.Round(100_000)))
	}
	fmt.Fprintf(w, "\nBuilt %s in %s (%s)\n", s.Destination, s.Duration.Round(100_000), strings.Join(stages, ", "))
}

// startProfiles starts a CPU profile into cpuFile, if named, and returns
// a function that stops it and writes the profile of all allocations
// made so far into memFile, if named.
func startProfiles(cpuFile, memFile string) (stop func(), err error) {
	var cpu *os.File
	if cpuFile != "" {
		if cpu, err = os.Create(cpuFile); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, err
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if memFile != "" {
			if f, err := os.Create(memFile); err == nil {
				runtime.GC()
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}
	}, nil
}

// Garbage collector settings, unless the environment sets GOGC or
// GOMEMLIMIT. A build allocates a great deal that lives only as long as
// one stage; collecting when the heap has grown by 300% rather than Go's
// default 100% spends about a third less time collecting (10,000
// articles: 3.9 s to 3.5 s wall) for about 1.7× the peak memory, and the
// limit makes the collector work harder instead of letting a large site
// grow past it.
const (
	gcPercent   = 300
	memoryLimit = 3 << 30 // bytes
)

// tuneGC applies gcPercent and memoryLimit where the environment does not
// choose otherwise.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
