// Package config reads a site's configuration, site.toml, strictly: a key
// the program does not know, or a value of the wrong type, is an error that
// names the file and line.
package config

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/sitefs"
)

// FileName is the name of the configuration file at the site root.
const FileName = "site.toml"

// Config is a site's configuration. The zero value is not useful; use
// Default or Load.
type Config struct {
	// Title of the site, shown on every page. Default "Timeline".
	Title string `toml:"title"`
	// Description is shown under the title on the timeline page.
	Description string `toml:"description"`
	// BaseURL is the absolute URL the site is published at, for example
	// "https://user.github.io/repo/". Default "/".
	BaseURL string `toml:"baseURL"`
	// RelativeURLs, Hugo's key, makes the links between pages name the
	// file they lead to, "../../events/ID/index.html" rather than
	// "../../events/ID/", so that the site works opened from disk
	// (file://), where no server turns a directory into its index.html.
	// Unset (nil), it is true for a site whose baseURL has no path ("/",
	// "https://example.org/") and false for one under a path
	// ("https://user.github.io/repo/"), which is published on a server
	// and keeps its directory addresses: see Relative.
	RelativeURLs *bool `toml:"relativeURLs"`
	// Theme names a directory themes/NAME at the site root whose files
	// override the built-in theme file by file. Default "" (built-in only).
	Theme string `toml:"theme"`
	// ContentDir is the directory of articles. Default "content".
	ContentDir string `toml:"contentDir"`
	// PublishDir is where the site is written. Default "public".
	PublishDir string `toml:"publishDir"`
	// Timezone is the IANA zone that datetimes without an offset are read
	// in. Default "UTC".
	Timezone string `toml:"timezone"`
	// MaxArticleSize is the largest article file read, in bytes; larger
	// files are skipped with a warning. Default 5 MiB.
	MaxArticleSize int64 `toml:"maxArticleSize"`
	// Order is the order of the timeline page: "oldest" puts the earliest
	// event first, "newest" the latest. Default "oldest".
	Order string `toml:"order"`
	// Strict makes timeline build fail, publishing nothing, when the build
	// has any warning (an article skipped, or left with no text), as the
	// --strict flag does: for CI. Default false.
	Strict bool `toml:"strict"`
	// Events tunes how sentences are grouped into events.
	Events Events `toml:"events"`
}

// Events tunes the events stage (events.Options); the defaults here are the
// only ones. Similarities are cosine similarities of the term vectors of
// passages (runs of sentences of one source that tell one event), from 0
// to 1, weighed by time: the same day raises them, different days lower
// them.
type Events struct {
	// Link is the least average similarity at which two groups of
	// passages are taken to report the same event. Sentences of one event
	// seldom share more than a few rare words, so it is low.
	Link float64 `toml:"link"`
	// SameSource scales the similarity of two passages of one source
	// before it counts.
	SameSource float64 `toml:"same_source"`
}

// Default returns the configuration used where site.toml says nothing.
func Default() Config {
	return Config{
		Title:          "Timeline",
		BaseURL:        "/",
		ContentDir:     "content",
		PublishDir:     "public",
		Timezone:       "UTC",
		Order:          "oldest",
		MaxArticleSize: 5 << 20,
		Events:         Events{Link: 0.10, SameSource: 0.45},
	}
}

// Load reads site.toml from the site's files fsys (a *sitefs.Dir on the
// site directory in a build). A missing file gives the defaults; any
// other problem is a diag.Diagnostic naming the file and line. What is
// not a regular file (a named pipe) is an error, never waited on, as is
// a symbolic link that leads outside the site directory. When ctx is done
// before the file is read, the error is ctx's.
func Load(ctx context.Context, fsys fs.FS) (Config, error) {
	data, _, err := sitefs.ReadFile(ctx, fsys, FileName, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return Config{}, ctxErr // a cancelled build, not a problem with the file
	}
	if err != nil {
		return Config{}, diag.Errorf(FileName, 0, "cannot read: %v", sitefs.Cause(err, "the site directory"))
	}
	return Parse(FileName, data)
}

// Parse decodes configuration data read from file (used in messages) over
// the defaults and checks the values.
func Parse(file string, data []byte) (Config, error) {
	cfg := Default()
	if err := DecodeStrict(file, data, 1, &cfg); err != nil {
		return Config{}, err
	}
	if err := cfg.check(file, data); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// check validates values that decode but make no sense.
func (c *Config) check(file string, data []byte) error {
	bad := func(key, format string, args ...any) error {
		line := keyLineString(data, key)
		return diag.Errorf(file, line, "%s: %s", key, fmt.Sprintf(format, args...))
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if err := checkBaseURL(c.BaseURL); err != "" {
		return bad("baseURL", "%q %s: give an absolute http(s) URL, such as \"https://user.github.io/repo/\", a path that starts with /, such as \"/repo/\", or nothing", c.BaseURL, err)
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if c.Theme != "" && (strings.ContainsAny(c.Theme, `/\`) || strings.HasPrefix(c.Theme, ".")) {
		return bad("theme", "%q: a theme is a directory name under themes/", c.Theme)
	}
	if c.ContentDir == "" {
		return bad("contentDir", "must not be empty")
	}
	if c.PublishDir == "" {
		return bad("publishDir", "must not be empty")
	}
	if c.Order != "oldest" && c.Order != "newest" {
		return bad("order", "%q: want \"oldest\" or \"newest\"", c.Order)
	}
	if c.MaxArticleSize <= 0 {
		return bad("maxArticleSize", "%d: want a size in bytes above 0", c.MaxArticleSize)
	}
	if _, err := time.LoadLocation(c.Timezone); err != nil {
		return bad("timezone", "unknown time zone %q (want an IANA name such as \"Europe/Paris\")", c.Timezone)
	}
	for _, t := range []struct {
		key string
		v   float64
	}{{"events.link", c.Events.Link}, {"events.same_source", c.Events.SameSource}} {
		if t.v <= 0 || t.v > 1 {
			return bad(t.key, "%v: want a number above 0 and at most 1", t.v)
		}
	}
	return nil
}

// checkBaseURL says what is wrong with a base URL, or "" if nothing is:
// it must be an absolute http or https URL with a host, or a path that
// starts with "/", without a query, a fragment or white space.
func checkBaseURL(base string) string {
	u, err := url.Parse(base)
	switch {
	case err != nil:
		return "is not a URL"
	case u.Scheme == "" && !strings.HasPrefix(base, "/"):
		return "is neither an absolute URL nor a path that starts with /"
	case strings.ContainsFunc(base, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return "has white space in it (write a space as %20)"
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("has the scheme %q, not http or https", u.Scheme)
	case u.Scheme != "" && u.Host == "":
		return "has no host after " + u.Scheme + "://"
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(base, "#"):
		return "has a ?query or #fragment"
	}
	return ""
}

// Relative reports whether links between pages name index.html: what
// RelativeURLs says, or when it is unset, whether BaseURL has no path
// beyond "/".
func (c Config) Relative() bool {
	if c.RelativeURLs != nil {
		return *c.RelativeURLs
	}
	u, err := url.Parse(c.BaseURL)
	return err == nil && strings.Trim(u.Path, "/") == ""
}

// Location returns the configured time zone.
func (c Config) Location() *time.Location {
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

func keyLineString(data []byte, key string) int {
	return KeyLine(data, strings.Split(key, "."))
}
