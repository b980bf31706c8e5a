package site

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/cdp"
)

// The browser test needs Chromium and axe-core, which Go does not bring:
//
//	TIMELINE_CHROMIUM  the browser (default: chromium on the PATH, then /usr/bin/chromium)
//	TIMELINE_AXE       axe-core's axe.min.js (default: node_modules/axe-core/axe.min.js
//	                   under $XDG_CACHE_HOME/timeline-ci or ~/.cache/timeline-ci, where
//	                   .ci/run installs it)
//	TIMELINE_ARTIFACTS where to save the screenshots (default: timeline-screenshots in
//	                   the temporary directory, replaced by each run)
//	TIMELINE_TIMELINEJS Knight Lab's TimelineJS3, its dist directory (default:
//	                   node_modules/@knight-lab/timelinejs/dist under the same cache;
//	                   TestTimelineJS only)
//	TIMELINE_BROWSER   "required" fails the tests, instead of skipping them, when
//	                   one is missing (.ci/run sets it)

// axeTags are the axe-core rule tags checked: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// maxIndexBytes is the budget of the demo timeline page: the page and
// everything it loads.
const maxIndexBytes = 60 << 10

// viewport is a window size the pages are checked and photographed at.
type viewport struct {
	name          string
	width, height int
	mobile        bool
}

var viewports = []viewport{{"desktop", 1280, 800, false}, {"phone", 390, 844, true}}

// axeViolation is what the test reports of an axe-core violation.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestBrowser serves the demo site under a subpath, as GitHub Pages
// serves a project site, and loads it in headless Chromium: axe-core
// finds no WCAG 2.1 A or AA violation on the timeline, an event page and a
// source page, in light and dark mode, on a desktop and a phone; the
// timeline page and what it loads stay under 60 KB; nothing is wider
// than a phone's screen; the filters and deep links work. The demo as
// built by default, opened from disk (file://), leads by clicks from the
// timeline to an event, from it to a source and back. Screenshots of
// each page at 1280×800 and 390×844 are saved as artifacts.
func TestBrowser(t *testing.T) {
	t.Parallel() // the two browser tests run side by side
	chromium, axe, err := browserTools()
	if err != nil {
		cdp.Unavailable(t, err)
	}
	axeJS, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	artifacts := os.Getenv("TIMELINE_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(os.TempDir(), "timeline-screenshots")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", artifacts)

	dir := demoSite(t)
	pub := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Options{SiteDir: dir, BaseURL: "https://user.github.io/repo/"}); err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Events []struct {
			ID, Title string
			Citations []struct{ Source string }
		}
		Sources []struct{ ID, Title string }
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(pub, "timeline.json"))), &tl); err != nil {
		t.Fatal(err)
	}
	// The event with the most citations, and the source most cited.
	event, cites := "", map[string]int{}
	for _, e := range tl.Events {
		if event == "" || len(e.Citations) > cites[event] {
			event = e.ID
			cites[event] = len(e.Citations)
		}
		for _, c := range e.Citations {
			cites["source "+c.Source]++
		}
	}
	source := tl.Sources[0].ID
	for _, s := range tl.Sources {
		if cites["source "+s.ID] > cites["source "+source] {
			source = s.ID
		}
	}

	srv := httptest.NewServer(http.StripPrefix("/repo", http.FileServer(http.Dir(pub))))
	defer srv.Close()
	base := srv.URL + "/repo/"
	pages := []struct{ name, path string }{
		{"index", ""},
		{"event", "events/" + event + "/"},
		{"source", "sources/" + source + "/"},
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := cdp.Launch(ctx, chromium)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	load := func(url string) {
		t.Helper()
		if err := p.Navigate(ctx, url); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(expr string, out any) {
		t.Helper()
		if err := p.Evaluate(ctx, expr, out); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
	}
	shoot := func(name string) {
		t.Helper()
		png, err := p.Screenshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(artifacts, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	tags, _ := json.Marshal(axeTags)
	runAxe := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
		.then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)}))}))`, tags)
	for _, scheme := range []string{"light", "dark"} {
		if err := p.SetColorScheme(ctx, scheme); err != nil {
			t.Fatal(err)
		}
		for _, vp := range viewports {
			if err := p.SetViewport(ctx, vp.width, vp.height, vp.mobile); err != nil {
				t.Fatal(err)
			}
			for _, pg := range pages {
				load(base + pg.path)
				eval(string(axeJS)+"\n;true", nil)
				var res struct {
					Passes     int
					Violations []axeViolation
				}
				eval(runAxe, &res)
				where := fmt.Sprintf("%s page, %s mode, %dx%d", pg.name, scheme, vp.width, vp.height)
				for _, v := range res.Violations {
					t.Errorf("%s: axe %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
				}
				if res.Passes == 0 {
					t.Errorf("%s: axe checked nothing", where)
				}
				t.Logf("%s: %d axe rules pass, %d violations", where, res.Passes, len(res.Violations))
				var wide int
				eval(`document.documentElement.scrollWidth`, &wide)
				if wide > vp.width {
					t.Errorf("%s: the page is %dpx wide, more than the window", where, wide)
				}
				if scheme == "light" || pg.name == "index" {
					name := fmt.Sprintf("%s-%dx%d", pg.name, vp.width, vp.height)
					if scheme == "dark" {
						name += "-dark"
					}
					shoot(name)
				}
			}
		}
	}
	if err := p.SetColorScheme(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if err := p.SetViewport(ctx, 1280, 800, false); err != nil {
		t.Fatal(err)
	}

	// From disk: the demo as built by default (its baseURL has no path,
	// so relativeURLs is on), opened by file:// as the README says, and
	// clicked through from the timeline to the event, from the event to
	// a source it cites, and back to the timeline; the filter works, and
	// no page throws.
	diskSite := demoSite(t)
	if _, err := Build(context.Background(), Options{SiteDir: diskSite}); err != nil {
		t.Fatal(err)
	}
	diskIndex := "file://" + filepath.ToSlash(filepath.Join(diskSite, "public", "index.html"))
	var diskMu sync.Mutex
	var diskErrors []string
	stopExceptions := p.Listen("Runtime.exceptionThrown", func(params json.RawMessage) {
		var ev struct {
			ExceptionDetails struct {
				Text      string
				Exception struct{ Description string }
			}
		}
		json.Unmarshal(params, &ev)
		diskMu.Lock()
		diskErrors = append(diskErrors, ev.ExceptionDetails.Text+" "+ev.ExceptionDetails.Exception.Description)
		diskMu.Unlock()
	})
	load(diskIndex)
	// The filter keeps its state in the address from disk too.
	var search string
	eval(fmt.Sprintf(`(() => { const s = document.getElementById("f-source"); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return location.search; })()`, source), &search)
	if search != "?source="+source {
		t.Errorf("from disk: filtering by %s leaves the address at %q", source, search)
	}
	load(diskIndex) // without the filter
	// click clicks the element sel selects, as a reader would, waits for
	// the page it leads to and returns its address and its <h1>.
	click := func(sel string) (href, h1 string) {
		t.Helper()
		var before string
		eval(`location.href`, &before)
		var found bool
		eval(fmt.Sprintf(`(() => { const a = document.querySelector(%q); if (a) a.click(); return !!a; })()`, sel), &found)
		if !found {
			t.Fatalf("from disk: no %s on %s", sel, before)
		}
		for deadline := time.Now().Add(10 * time.Second); ; {
			var st struct{ Href, State, H1 string }
			err := p.Evaluate(ctx, `({href: location.href, state: document.readyState, h1: (document.querySelector("h1") || {textContent: ""}).textContent})`, &st)
			if err == nil && st.Href != before && st.State == "complete" {
				return st.Href, strings.TrimSpace(st.H1)
			}
			if time.Now().After(deadline) {
				t.Fatalf("from disk: clicking %s on %s led nowhere within 10s (at %s)", sel, before, st.Href)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	eventTitle, sourceTitle := "", ""
	for _, e := range tl.Events {
		if e.ID == event {
			eventTitle = e.Title
		}
	}
	eventSource := ""
	for _, e := range tl.Events {
		if e.ID == event && len(e.Citations) > 0 {
			eventSource = e.Citations[0].Source
		}
	}
	for _, s := range tl.Sources {
		if s.ID == eventSource {
			sourceTitle = s.Title
		}
	}
	steps := []struct{ sel, want, h1 string }{
		{"#" + event + " .entry-title a", "/events/" + event + "/index.html", eventTitle},
		{`.source-name a[href*="/` + eventSource + `/"]`, "/sources/" + eventSource + "/index.html", sourceTitle},
		{".site-name", "/public/index.html", ""},
	}
	var title string
	eval(`document.querySelector("h1").textContent.trim()`, &title)
	steps[2].h1 = title
	for _, st := range steps {
		href, h1 := click(st.sel)
		if !strings.HasPrefix(href, "file://") || !strings.HasSuffix(href, st.want) || h1 != st.h1 {
			t.Errorf("from disk: clicking %s led to %s with <h1> %q; want …%s, %q", st.sel, href, h1, st.want, st.h1)
		} else {
			t.Logf("from disk: %s led to %s (%q)", st.sel, href, h1)
		}
		var styled bool
		eval(`getComputedStyle(document.documentElement).getPropertyValue("--accent") !== ""`, &styled)
		if !styled {
			t.Errorf("from disk: %s has no style sheet", href)
		}
	}
	stopExceptions()
	for _, e := range diskErrors {
		t.Errorf("from disk: exception: %s", e)
	}

	// Every headline of the timeline fits on at most two lines at
	// 1280 px (measured against its own line height).
	load(base)
	var lines []struct {
		Title string
		Lines float64
	}
	headlines := `[...document.querySelectorAll(".entry-title")].map(h => {
		const lh = parseFloat(getComputedStyle(h).lineHeight) || parseFloat(getComputedStyle(h).fontSize) * 1.2;
		return {title: h.textContent.trim(), lines: h.getBoundingClientRect().height / lh};
	})`
	eval(headlines, &lines)
	if len(lines) == 0 {
		t.Error("no headline found on the timeline at 1280px")
	}
	for _, l := range lines {
		if l.Lines > 2.2 {
			t.Errorf("timeline at 1280px: headline %q takes %.1f lines, want at most 2", l.Title, l.Lines)
		}
	}
	png, err := p.ScreenshotPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, "index-1280-full.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}

	// The timeline page and everything it loads, as the browser fetched
	// them on a first visit (the test server does not compress).
	if err := p.DisableCache(ctx); err != nil {
		t.Fatal(err)
	}
	load(base)
	var size struct {
		Total     int
		Resources []string
	}
	eval(`(() => {
		const all = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
		return {total: all.reduce((n, e) => n + e.encodedBodySize, 0), resources: all.map(e => e.name + " " + e.encodedBodySize)};
	})()`, &size)
	t.Logf("timeline page: %d bytes transferred: %s", size.Total, strings.Join(size.Resources, ", "))
	if size.Total > maxIndexBytes || size.Total == 0 {
		t.Errorf("timeline page: %d bytes transferred, want at most %d", size.Total, maxIndexBytes)
	}
	for _, r := range size.Resources {
		if !strings.HasPrefix(r, srv.URL+"/repo/") {
			t.Errorf("timeline page loads %s, outside the site", r)
		}
	}

	// Print: the chronology without the controls.
	if err := p.SetMedia(ctx, "print"); err != nil {
		t.Fatal(err)
	}
	shoot("index-1280x800-print")
	load(base + pages[1].path)
	shoot("event-1280x800-print")
	if err := p.SetMedia(ctx, ""); err != nil {
		t.Fatal(err)
	}
	load(base)

	// Filters: by source, kept in the address across a reload.
	var shown struct {
		Form    bool
		Visible []string
		Search  string
	}
	state := `({form: !document.getElementById("filters").hidden,
		visible: [...document.querySelectorAll(".timeline .entry")].filter(e => !e.closest("[hidden]")).map(e => e.id),
		search: location.search})`
	eval(state, &shown)
	if !shown.Form || len(shown.Visible) != len(tl.Events) {
		t.Fatalf("without a filter: form shown %v, %d of %d events visible", shown.Form, len(shown.Visible), len(tl.Events))
	}
	citing := func(src string) (in, out []string) {
		for _, e := range tl.Events {
			found := false
			for _, c := range e.Citations {
				found = found || c.Source == src
			}
			if found {
				in = append(in, e.ID)
			} else {
				out = append(out, e.ID)
			}
		}
		return in, out
	}
	// timeline.js numbers the sources of the list as the page does.
	var options []string
	eval(`[...document.querySelectorAll("#f-source option")].map(o => o.value + " " + o.textContent)`, &options)
	want := []string{" All sources"}
	for i, s := range tl.Sources {
		want = append(want, fmt.Sprintf("%s %d. %s", s.ID, i+1, s.Title))
	}
	if strings.Join(options, "\n") != strings.Join(want, "\n") {
		t.Errorf("source filter options:\n%s\nwant:\n%s", strings.Join(options, "\n"), strings.Join(want, "\n"))
	}
	in, out := citing(source)
	if len(out) == 0 {
		t.Fatalf("source %s is cited by every event; the filter test needs one it hides", source)
	}
	eval(fmt.Sprintf(`(() => { const s = document.getElementById("f-source"); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, source), nil)
	eval(state, &shown)
	if strings.Join(shown.Visible, " ") != strings.Join(in, " ") || shown.Search != "?source="+source {
		t.Errorf("filtered by %s: visible %q, address %q; want %q and ?source=%s", source, shown.Visible, shown.Search, in, source)
	}
	if err := p.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	eval(state, &shown)
	if len(shown.Visible) != len(in) {
		t.Errorf("after a reload with ?source=%s: %d events visible, want %d", source, len(shown.Visible), len(in))
	}
	// A deep link to an event the filter hides shows it and clears the
	// filter, on a reload too.
	load("about:blank")
	load(base + "?source=" + source + "#" + out[0])
	for _, when := range []string{"on load", "after a reload"} {
		var target struct {
			Hidden bool
			Search string
			Hash   string
		}
		eval(fmt.Sprintf(`({hidden: !!document.getElementById(%q).closest("[hidden]"), search: location.search, hash: location.hash})`, out[0]), &target)
		if target.Hidden || target.Search != "" || target.Hash != "#"+out[0] {
			t.Errorf("deep link #%s under a filter hiding it, %s: hidden %v, address %q%q", out[0], when, target.Hidden, target.Search, target.Hash)
		}
		if err := p.Reload(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// A date range keeps the events it overlaps, and no undated one.
	eval(`(() => { const f = document.getElementById("f-from"); f.value = f.max; f.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil)
	eval(state, &shown)
	for _, id := range shown.Visible {
		var undated bool
		eval(fmt.Sprintf(`!document.getElementById(%q).dataset.start`, id), &undated)
		if undated {
			t.Errorf("from the last day: undated event %s still visible", id)
		}
	}
	if len(shown.Visible) == 0 || len(shown.Visible) >= len(tl.Events) {
		t.Errorf("from the last day: %d of %d events visible", len(shown.Visible), len(tl.Events))
	}
}

// browserTools finds Chromium and axe-core, or says what is missing.
func browserTools() (chromium, axe string, err error) {
	if chromium, err = cdp.Find(); err != nil {
		return "", "", err
	}
	axe, err = cached("TIMELINE_AXE", filepath.Join("axe-core", "axe.min.js"), "axe-core@^4")
	return chromium, axe, err
}

// cached returns the path of the environment variable env, or else of
// rel under node_modules in the cache where .ci/run installs npm
// packages ($XDG_CACHE_HOME/timeline-ci or ~/.cache/timeline-ci), or says
// it is missing and the npm command that installs pkg where it is looked
// for (the versions .ci/run installs).
func cached(env, rel, pkg string) (string, error) {
	p := os.Getenv(env)
	if p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %v", env, p, err)
		}
		return p, nil
	}
	cache := "$HOME/.cache"
	var dirs []string
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		dirs = append(dirs, d)
		cache = "$XDG_CACHE_HOME"
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".cache"))
	}
	for _, d := range dirs {
		p = filepath.Join(d, "timeline-ci", "node_modules", rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no %s; install it with `npm install --prefix \"%s/timeline-ci\" %s` (or run .ci/run), or set %s", rel, cache, pkg, env)
}

// tjsEmbed is the page that embeds TimelineJS3, from /tl/, with the
// timelinejs.json of the site under the path in its query string. The
// font is null: TimelineJS's default font, "default", loads a style
// sheet of its own whose fonts come from fonts.gstatic.com. alert is
// replaced, so that a script from the input shows as a console error
// instead of a dialog that stops the page.
const tjsEmbed = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/tl/css/timeline.css">
<script>window.alert = m => console.error("alert: " + m);</script>
<script src="/tl/js/timeline.js"></script></head>
<body><div id="embed" style="width: 1200px; height: 700px"></div>
<script>
fetch(location.search.slice(1) + "/timelinejs.json").then(r => r.json()).then(data => {
  window.tjsEvents = data.events.map(e => e.unique_id);
  const tl = new TL.Timeline("embed", data, {script_path: location.origin + "/tl/js/", font: null});
  tl.on("loaded", () => { window.tjsLoaded = true; });
}).catch(e => console.error("embed: " + e));
</script></body></html>`

// TestTimelineJS embeds the timelinejs.json of the demo site, and of the
// hostile site (hostileSite), in Knight Lab's TimelineJS3, all served from
// 127.0.0.1, in headless Chromium: no console error or exception, a
// slide for every event of the export (and the title slide), no request
// to anywhere but the test server's embed page, TimelineJS's files and
// the export, and in the hostile site no script, style sheet, frame or
// event handler from the input in the timeline. The slides are every
// event of timeline.json, in its order, the undated ones included and
// dated "Date unknown".
func TestTimelineJS(t *testing.T) {
	t.Parallel() // the two browser tests run side by side
	chromium, err := cdp.Find()
	var dist string
	if err == nil {
		dist, err = cached("TIMELINE_TIMELINEJS", filepath.Join("@knight-lab", "timelinejs", "dist"), "@knight-lab/timelinejs@3.9.11")
	}
	if err != nil {
		cdp.Unavailable(t, err)
	}
	if _, err := os.Stat(filepath.Join(dist, "js", "timeline.js")); err != nil {
		t.Fatalf("TimelineJS: %v", err)
	}
	sites := map[string]string{"demo": demoSite(t), "hostile": hostileSite(t)}
	mux := http.NewServeMux()
	mux.Handle("/tl/", http.StripPrefix("/tl", http.FileServer(http.Dir(dist))))
	// Every event of each site, in timeline order, and the undated ones.
	events, undated := map[string][]string{}, map[string][]string{}
	for name, dir := range sites {
		if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
			t.Fatalf("%s site: %v", name, err)
		}
		var tl struct {
			Events []struct {
				ID      string
				Undated bool
			}
		}
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "public", "timeline.json"))), &tl); err != nil {
			t.Fatal(err)
		}
		for _, e := range tl.Events {
			events[name] = append(events[name], e.ID)
			if e.Undated {
				undated[name] = append(undated[name], e.ID)
			}
		}
		mux.Handle("/"+name+"/", http.StripPrefix("/"+name, http.FileServer(http.Dir(filepath.Join(dir, "public")))))
	}
	mux.HandleFunc("/embed.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, tjsEmbed)
	})
	srv := httptest.NewServer(mux) // on 127.0.0.1
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := cdp.Launch(ctx, chromium)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, name := range []string{"demo", "hostile"} {
		t.Run(name, func(t *testing.T) {
			p, err := b.NewPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close(ctx)
			if err := p.Enable(ctx, "Network", "Log"); err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			var requests, problems []string
			note := func(list *[]string, s string) {
				mu.Lock()
				*list = append(*list, s)
				mu.Unlock()
			}
			defer p.Listen("Network.requestWillBeSent", func(params json.RawMessage) {
				var ev struct{ Request struct{ URL string } }
				json.Unmarshal(params, &ev)
				note(&requests, ev.Request.URL)
			})()
			defer p.Listen("Runtime.consoleAPICalled", func(params json.RawMessage) {
				var ev struct {
					Type string
					Args []struct {
						Value       any
						Description string
					}
				}
				json.Unmarshal(params, &ev)
				if ev.Type == "error" || ev.Type == "assert" {
					var args []string
					for _, a := range ev.Args {
						args = append(args, fmt.Sprint(a.Value, a.Description))
					}
					note(&problems, "console."+ev.Type+": "+strings.Join(args, " "))
				}
			})()
			defer p.Listen("Runtime.exceptionThrown", func(params json.RawMessage) {
				var ev struct {
					ExceptionDetails struct {
						Text      string
						Exception struct{ Description string }
					}
				}
				json.Unmarshal(params, &ev)
				note(&problems, "exception: "+ev.ExceptionDetails.Text+" "+ev.ExceptionDetails.Exception.Description)
			})()
			defer p.Listen("Log.entryAdded", func(params json.RawMessage) {
				var ev struct {
					Entry struct{ Level, Text, URL string }
				}
				json.Unmarshal(params, &ev)
				if ev.Entry.Level == "error" {
					note(&problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
				}
			})()
			if err := p.SetViewport(ctx, 1280, 800, false); err != nil {
				t.Fatal(err)
			}
			if err := p.Navigate(ctx, srv.URL+"/embed.html?/"+name); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Loaded bool
				Events []string
				Slides []string
				Dates  []string
				Title  int
				Inside []string
			}
			// Elements that run or load something, handlers, and a
			// scheme or url() in an attribute the browser follows or
			// applies; a headline's text in aria-label is text, even
			// when it reads "javascript:…".
			state := `({loaded: !!window.tjsLoaded, events: window.tjsEvents || [],
				slides: [...document.querySelectorAll("#embed .tl-slide:not(.tl-slide-titleslide)")].map(s => s.id),
				dates: [...document.querySelectorAll("#embed .tl-slide:not(.tl-slide-titleslide)")].map(s => s.id + " " + (s.querySelector(".tl-headline-date") || {textContent: ""}).textContent),
				title: document.querySelectorAll("#embed .tl-slide-titleslide").length,
				inside: [...document.querySelectorAll("#embed *")].flatMap(e =>
					["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED"].includes(e.tagName) ? [e.tagName] :
					[...e.attributes].filter(a => /^on/i.test(a.name) ||
						/^(href|src|srcset|action|formaction|poster|background|xlink:href|style)$/i.test(a.name) && /(javascript|vbscript|data):|url\(/i.test(a.value)).map(a => e.tagName + " " + a.name + "=" + a.value))})`
			deadline := time.Now().Add(30 * time.Second)
			for {
				if err := p.Evaluate(ctx, state, &got); err != nil {
					t.Fatal(err)
				}
				if got.Loaded && len(got.Slides) >= len(got.Events) || time.Now().After(deadline) {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if !got.Loaded {
				t.Errorf("TimelineJS did not finish loading within 30s")
			}
			if len(got.Events) == 0 {
				t.Errorf("the export has no event")
			}
			if strings.Join(got.Slides, " ") != strings.Join(got.Events, " ") || got.Title != 1 {
				t.Errorf("slides %q and %d title slides, want one slide per event of the export %q and a title slide", got.Slides, got.Title, got.Events)
			}
			// Every event of the timeline, the undated ones included.
			if strings.Join(got.Slides, " ") != strings.Join(events[name], " ") {
				t.Errorf("slides %q, want one per event of the timeline, in its order, %q", got.Slides, events[name])
			}
			for _, id := range undated[name] {
				if !slices.Contains(got.Dates, id+" Date unknown") {
					t.Errorf("the slide of undated event %s does not say its date is unknown: %q", id, got.Dates)
				}
			}
			t.Logf("%s: %d events (%d undated), %d slides and a title slide", name, len(events[name]), len(undated[name]), len(got.Slides))
			for _, x := range got.Inside {
				t.Errorf("in the timeline: %s", x)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, pr := range problems {
				t.Errorf("%s", pr)
			}
			local := []string{srv.URL + "/embed.html", srv.URL + "/tl/", srv.URL + "/" + name + "/timelinejs.json"}
			for _, u := range requests {
				ok := strings.HasPrefix(u, "data:")
				for _, l := range local {
					ok = ok || strings.HasPrefix(u, l)
				}
				if !ok {
					t.Errorf("request to %s", u)
				}
			}
			t.Logf("%s: %d requests: %s", name, len(requests), strings.Join(requests, ", "))
		})
	}
}
