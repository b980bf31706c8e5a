package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/timeline-ssg/timeline/internal/scaffold"
)

// initSite runs "timeline init [DIR]": it writes a new site into DIR
// (default: the current directory), never overwriting a file.
func initSite(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flags("init [DIR]", "Creates a new site in DIR (default: the current directory): site.toml, an example\narticle in content/, and .github/workflows/pages.yml, which publishes the site on\nGitHub Pages. Existing files are never overwritten.", stderr)
	dirs, code := parseInterspersed(fs, args)
	if code >= 0 {
		return code
	}
	if len(dirs) > 1 {
		fmt.Fprintf(stderr, "timeline init: unexpected argument %q\n", dirs[1])
		return exitUsage
	}
	dir := "."
	if len(dirs) == 1 {
		dir = dirs[0]
	}
	written, err := scaffold.Write(dir)
	if err != nil {
		var ee *scaffold.ExistsError
		if errors.As(err, &ee) {
			fmt.Fprintf(stderr, "ERROR timeline init: %v\n", err)
		} else {
			printError(stderr, err)
		}
		return exitBuild
	}
	for _, name := range written {
		fmt.Fprintf(stdout, "created %s\n", filepath.Join(dir, filepath.FromSlash(name)))
	}
	build := "timeline build"
	if dir != "." {
		build = "cd " + dir + " && " + build
	}
	fmt.Fprintf(stdout, "\nNext: put your articles in content/, then run\n\n  %s\n\nand open public/index.html, or preview with timeline serve. Push the site to GitHub\nand set Settings → Pages → Source to \"GitHub Actions\" to publish it.\n", build)
	return exitOK
}
