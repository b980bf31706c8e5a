package site

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/timeline-ssg/timeline/timeline/clean"
	"github.com/timeline-ssg/timeline/timeline/config"
	"github.com/timeline-ssg/timeline/timeline/content"
	"github.com/timeline-ssg/timeline/timeline/dedup"
	"github.com/timeline-ssg/timeline/timeline/diag"
	"github.com/timeline-ssg/timeline/timeline/parallel"
)

// Extract reads and cleans the given files as one set, the way a build
// cleans the articles of a site (lines repeated across the files count as
// site chrome), so that cleaning can be checked file by file. Paths are
// used as given, in messages too. Datetimes without an offset are read in
// loc, or UTC if loc is nil. A file that cannot be read or is skipped
// (empty, binary) or has an error (bad front matter) is reported in the
// diagnostics and left out of the result; the others are still cleaned.
// What is not a regular file (a named pipe, a device) is skipped with a
// warning without being opened, as is a file larger than the default
// maxArticleSize; reading stops when ctx is done.
func Extract(ctx context.Context, files []string, loc *time.Location) ([]clean.Article, diag.List, error) {
	if loc == nil {
		loc = time.UTC
	}
	maxSize := config.Default().MaxArticleSize
	type result struct {
		article content.Article
		diags   []diag.Diagnostic
		keep    bool
	}
	results := make([]result, len(files))
	err := parallel.For(ctx, len(files), func(i int) {
		name := filepath.ToSlash(files[i])
		data, err := content.ReadFile(ctx, files[i], maxSize)
		var skip *content.SkipError
		switch {
		case errors.As(err, &skip):
			results[i].diags = []diag.Diagnostic{diag.Warnf(name, 0, "skipped: %v", skip)}
			return
		case err != nil:
			results[i].diags = []diag.Diagnostic{diag.Errorf(name, 0, "cannot read: %v", unwrapPath(err))}
			return
		}
		a, ds := content.Parse(name, data, loc)
		results[i] = result{a, ds, len(a.Blocks) > 0 && len(diag.List(ds).Errors()) == 0}
	})
	if err != nil {
		return nil, nil, err
	}
	var articles []content.Article
	var diags diag.List
	for _, r := range results {
		diags = append(diags, r.diags...)
		if r.keep {
			articles = append(articles, r.article)
		}
	}
	cleaned, err := cleanAll(ctx, articles, nil)
	return cleaned, diags, err
}

// Sources runs the stages that turn a site's files into sources (read,
// clean, dedup) and returns the sources with the diagnostics, so that
// cleaning and duplicate detection can be explained source by source.
func Sources(ctx context.Context, opt Options) ([]dedup.Source, diag.List, error) {
	cfg, err := config.Load(opt.SiteDir)
	if err != nil {
		return nil, nil, err
	}
	_, sources, diags, err := ingest(ctx, cfg, opt, func(string) {})
	return sources, diags, err
}

// unwrapPath returns the cause of a path error, whose path would repeat
// the file name the message starts with.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
