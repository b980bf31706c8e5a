// Package editorial applies a person's corrections to the events the
// generator drafted. They are written in content/events.toml, addressing
// events by their stable IDs (shown on each event page and in
// timeline.json):
//
//	[[event]]
//	id = "kim-inspects-bombers-3f2a9c"
//	title = "Kim inspects strategic bombers at Knevichi"   # pin the title
//	date = "2023-09-16"          # pin the date: day, "2023-09" or "2023"
//	summary = """
//	Written by the editor, in **Markdown**.
//	"""
//	hide = false                 # true leaves the event off the site
//
//	[[merge]]                    # one event, under the first ID
//	ids = ["event-a-1b2c3d", "event-b-4e5f6a"]
//
//	[[split]]                    # the sentences listed become a new event
//	id = "event-c-7a8b9c"
//	sentences = ["source-id#s12", "source-id#s13"]   # source ID and anchor
//	new_id = "event-c-aftermath"  # optional: the new event's ID (a-z, 0-9, -, _, .)
//	title = "The aftermath"       # optional: the new event's title
//
// Merges and splits regroup the events' sentences before they are dated;
// pins replace what the generator found afterwards. An edit that matches
// no event (the event was renamed, merged or its article removed) is
// reported as a warning naming the file and line, never silently dropped.
package editorial

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/sitefs"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// FileName is the edits file's name inside the content directory.
const FileName = "events.toml"

// Edits are the corrections read from one edits file.
type Edits struct {
	// File is the edits file's path relative to the site root, for
	// messages.
	File   string
	Events []EventEdit
	Merges []Merge
	Splits []Split
}

// EventEdit pins what is shown for one event, or hides it.
type EventEdit struct {
	ID    string
	Title string
	// Date is the pinned date; zero when not pinned.
	Date temporal.Date
	// Summary is the editor's own summary, in Markdown.
	Summary string
	Hide    bool
	// Line is the line of the edit's [[event]] header.
	Line int
}

// Merge joins events into the first one listed.
type Merge struct {
	IDs  []string
	Line int
}

// Split moves sentences of an event into a new event.
type Split struct {
	ID string
	// Sentences name the sentences to move as "SOURCE-ID#ANCHOR".
	Sentences []string
	// NewID is the new event's ID; empty means ID + "-split".
	NewID string
	// Title is the new event's title; empty means one is drafted.
	Title string
	Line  int
}

// file is the TOML shape of the edits file.
type file struct {
	Event []struct {
		ID      string `toml:"id"`
		Title   string `toml:"title"`
		Date    any    `toml:"date"`
		Summary string `toml:"summary"`
		Hide    bool   `toml:"hide"`
	} `toml:"event"`
	Merge []struct {
		IDs []string `toml:"ids"`
	} `toml:"merge"`
	Split []struct {
		ID        string   `toml:"id"`
		Sentences []string `toml:"sentences"`
		NewID     string   `toml:"new_id"`
		Title     string   `toml:"title"`
	} `toml:"split"`
}

// Load reads the edits file of a site's content directory, whose files
// are fsys (a *sitefs.Dir on it in a build) and whose path relative to
// the site root is contentDir, for messages. A site without one has no
// edits. A file of that name that is not a regular file (a named pipe)
// is an error, never waited on, as is a symbolic link that leads out of
// the content directory. The read stops when ctx is done.
func Load(ctx context.Context, fsys fs.FS, contentDir string) (Edits, error) {
	rel := path.Join(filepath.ToSlash(contentDir), FileName)
	data, _, err := sitefs.ReadFile(ctx, fsys, FileName, maxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return Edits{File: rel}, nil
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return Edits{}, err
		}
		return Edits{}, diag.Errorf(rel, 0, "cannot read: %v", sitefs.Cause(err, "the content directory"))
	}
	return Parse(rel, data)
}

// maxSize is the largest edits file read, in bytes.
const maxSize = 5 << 20

// Parse decodes an edits file. Unknown keys, values of the wrong type, an
// edit without an ID, a date that is not a date and a new_id that cannot
// be an event's ID are errors naming file and line: the line of the key
// whose value is wrong, or of the [[table]] header when a key is missing.
func Parse(name string, data []byte) (Edits, error) {
	var f file
	if err := config.DecodeStrict(name, data, 1, &f); err != nil {
		return Edits{}, withLine(err, data)
	}
	e := Edits{File: name}
	lines := findLines(data)
	for i, x := range f.Event {
		line := lines.header("event", i)
		if strings.TrimSpace(x.ID) == "" {
			return Edits{}, diag.Errorf(name, line, "[[event]] without an id: say which event it edits")
		}
		ed := EventEdit{ID: strings.TrimSpace(x.ID), Title: strings.TrimSpace(x.Title), Summary: strings.TrimSpace(x.Summary), Hide: x.Hide, Line: line}
		if x.Date != nil {
			d, err := pinDate(x.Date)
			if err != nil {
				return Edits{}, diag.Errorf(name, lines.key("event", i, "date"), "event %q: date: %v", ed.ID, err)
			}
			ed.Date = d
		}
		e.Events = append(e.Events, ed)
	}
	for i, x := range f.Merge {
		line := lines.header("merge", i)
		if len(x.IDs) < 2 {
			return Edits{}, diag.Errorf(name, lines.key("merge", i, "ids"), "[[merge]] needs ids = [\"first\", \"second\", …]: two or more events")
		}
		e.Merges = append(e.Merges, Merge{IDs: x.IDs, Line: line})
	}
	for i, x := range f.Split {
		line := lines.header("split", i)
		if x.ID == "" || len(x.Sentences) == 0 {
			return Edits{}, diag.Errorf(name, line, "[[split]] needs id and sentences = [\"source-id#s12\", …]")
		}
		for _, s := range x.Sentences {
			if src, anchor, ok := strings.Cut(s, "#"); !ok || src == "" || anchor == "" {
				return Edits{}, diag.Errorf(name, lines.key("split", i, "sentences"), "[[split]] sentence %q: write it as SOURCE-ID#ANCHOR, as in the link to it on the source page", s)
			}
		}
		if x.NewID != "" {
			if err := checkID(x.NewID); err != nil {
				return Edits{}, diag.Errorf(name, lines.key("split", i, "new_id"), "[[split]] new_id %q: %v", x.NewID, err)
			}
		}
		e.Splits = append(e.Splits, Split{ID: x.ID, Sentences: x.Sentences, NewID: x.NewID, Title: strings.TrimSpace(x.Title), Line: line})
	}
	return e, nil
}

// checkID reports whether id can be an event's ID, which names its page's
// directory: the rule the renderer checks IDs by, told here with the line.
func checkID(id string) error {
	if id[0] == '.' {
		return errors.New("starts with '.': an ID names the event page's directory")
	}
	for _, r := range id {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("contains %q: use only a-z, 0-9, '-', '_' and '.', as in \"event-c-aftermath\"", r)
		}
	}
	return nil
}

// withLine gives an error of the toml decoder that has no line, as for an
// unknown key that needs quotes ("ti tel" = …), the line of that key.
func withLine(err error, data []byte) error {
	var d diag.Diagnostic
	if !errors.As(err, &d) || d.Line != 0 {
		return err
	}
	md, derr := toml.Decode(string(data), &file{})
	if derr != nil {
		return err
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		d.Line = findLines(data).unknown(undecoded[0])
	}
	return d
}

// pinDate reads a pinned date: a TOML date or a string as ParseDate
// reads it.
func pinDate(v any) (temporal.Date, error) {
	switch d := v.(type) {
	case string:
		return temporal.ParseDate(strings.TrimSpace(d))
	case interface{ Format(string) string }: // a TOML date or datetime
		return temporal.ParseDate(d.Format("2006-01-02"))
	}
	return temporal.Date{}, fmt.Errorf("a %T is not a date: write \"2023-09-16\", \"2023-09\" or \"2023\"", v)
}
