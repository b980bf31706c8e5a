package site

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// TestDateFrom says in words where each kind of publication date came
// from, and for a source without one, the day inference gave it.
func TestDateFrom(t *testing.T) {
	day := temporal.Date{Start: time.Date(2023, 9, 12, 0, 0, 0, 0, time.UTC), End: time.Date(2023, 9, 12, 0, 0, 0, 0, time.UTC), Precision: temporal.Day}
	tests := []struct {
		from     string
		inferred temporal.Date
		want     string
	}{
		{"front matter", temporal.Date{}, "from the front matter"},
		{"dateline", temporal.Date{}, "from the dateline"},
		{"date line", temporal.Date{}, "from a date line above the article"},
		{"article:published_time", temporal.Date{}, "from the page's article:published_time"},
		{"", day, "inferred as Sep 12, 2023 from the dates other sources give its events"},
		{"", temporal.Date{}, ""},
	}
	for _, tt := range tests {
		if got := dateFrom(tt.from, tt.inferred); got != tt.want {
			t.Errorf("dateFrom(%q, %v) = %q, want %q", tt.from, tt.inferred, got, tt.want)
		}
	}
}

// TestSourcePageSaysWhereItsDateCameFrom builds the demo with an article
// dated by its front matter and one by a date line above it: each source
// page and timeline.json say where the date came from, and the demo's
// dateline source says it was its dateline.
func TestSourcePageSaysWhereItsDateCameFrom(t *testing.T) {
	files := demoFiles(t)
	files["content/fm.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Kim tours a shipyard\"\ndate = 2023-09-15\n+++\n\n" +
		"Kim Jong Un toured a shipyard in Komsomolsk-on-Amur on Friday, state media said. He was shown a frigate under construction and met the yard's engineers.\n\n" +
		"The visit was the fourth stop of his trip through Russia's Far East, officials in Moscow said.\n")}
	dir := t.TempDir()
	if _, err := Build(context.Background(), Options{Files: files, Destination: filepath.Join(dir, "public")}); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ id, want string }{
		{"fm", "(from the front matter)"},
		{"000_f9be15fca401af3e", "(from the dateline)"},
	}
	var tl struct {
		Sources []struct {
			ID       string
			DateFrom string `json:"date_from"`
		}
	}
	readJSON(t, filepath.Join(dir, "public", "timeline.json"), &tl)
	for _, tt := range tests {
		page := readFile(t, filepath.Join(dir, "public", "sources", tt.id, "index.html"))
		if !strings.Contains(page, `<span class="date-from">`+tt.want+`</span>`) {
			t.Errorf("sources/%s: the Published line does not say %q", tt.id, tt.want)
		}
		found := false
		for _, s := range tl.Sources {
			if s.ID == tt.id {
				found = true
				if "("+s.DateFrom+")" != tt.want {
					t.Errorf("timeline.json source %s: date_from %q, want %q", tt.id, s.DateFrom, strings.Trim(tt.want, "()"))
				}
			}
		}
		if !found {
			t.Errorf("timeline.json has no source %s", tt.id)
		}
	}
}

func readJSON(t *testing.T, p string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(readFile(t, p)), v); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
}
