package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/site"
)

// siteToml is a valid configuration for the test sites.
const siteToml = "title = \"Harbour Bridge\"\nbaseURL = \"https://example.org/\"\n"

// articles is a tiny invented story in three articles.
var articles = map[string]string{
	"content/closure.md": `+++
title = "Harbour bridge closed after cracks found"
publisher = "Lakeside Gazette"
date = 2024-05-06
+++
Engineers closed the Harbour Bridge in Lakeside on Monday after inspectors found cracks in two of its steel supports.

The council said the bridge would stay shut to all traffic until a full survey was complete, which could take several weeks.

Commuters were told to use the ferry or the ring road, adding about twenty minutes to journeys into the town centre.
`,
	"content/ferry.txt": `Ferry runs extra crossings while Lakeside bridge is shut

LAKESIDE, May 7, 2024 - The Lakeside ferry company added twelve crossings a day on Tuesday to carry commuters stranded by the closure of the Harbour Bridge.

The company said its boats had carried twice as many passengers as usual on Monday evening, after engineers closed the bridge because of cracks in its supports.

Queues at the ferry terminal stretched along the quay during the morning rush, passengers said.
`,
	"content/council.md": `+++
title = "Council approves emergency repairs to Harbour Bridge"
publisher = "Lakeside Gazette"
date = 2024-05-09
+++
Lakeside council approved emergency funding on Thursday to repair the two cracked supports of the Harbour Bridge.

The council leader said repairs would begin next week and the bridge could reopen to pedestrians within a month.

Engineers closed the Harbour Bridge on Monday after inspectors found cracks in two of its steel supports.
`,
}

// newSite writes the test site into a new temporary directory.
func newSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.toml"), siteToml)
	for name, text := range articles {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	return dir
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// start starts a server on a free port and stops it when the test ends,
// checking that it shuts down cleanly and promptly.
func start(t *testing.T, opt Options) *Server {
	t.Helper()
	opt.Bind, opt.Port = "127.0.0.1", 0
	if opt.Stdout == nil {
		opt.Stdout = &testLog{t: t}
		opt.Stderr = opt.Stdout
	}
	ctx, cancel := context.WithCancel(context.Background())
	s, err := New(ctx, opt)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve returned %v after shutdown", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("the server did not shut down within 5s")
		}
	})
	return s
}

// testLog sends the server's output to the test log.
type testLog struct {
	mu sync.Mutex
	t  *testing.T
}

func (l *testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// sseEvent is one Server-Sent Event.
type sseEvent struct {
	name string
	data map[string]any
}

// subscribe opens the server's event stream and returns its events. The
// first, hello, has been received when it returns: the subscription is in
// place.
func subscribe(t *testing.T, s *Server) (<-chan sseEvent, sseEvent) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+s.ln.Addr().String()+"/__timeline/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	events := make(chan sseEvent, 100)
	go func() {
		defer resp.Body.Close()
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data)
			}
		}
	}()
	hello := next(t, events)
	if hello.name != "hello" {
		t.Fatalf("first event %q, want hello", hello.name)
	}
	return events, hello
}

// next returns the next event, failing the test after 5s without one.
func next(t *testing.T, events <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatal("event stream closed")
		}
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
	}
	panic("unreachable")
}

// get fetches path from the server and returns the status and body.
func get(t *testing.T, s *Server, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + s.ln.Addr().String() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// sourcePage returns the path of the page of the source read from file,
// from the served timeline.json.
func sourcePage(t *testing.T, s *Server, file string) string {
	t.Helper()
	code, body := get(t, s, s.current().base+"timeline.json")
	if code != 200 {
		t.Fatalf("timeline.json: status %d", code)
	}
	var tl struct {
		Sources []struct {
			ID, File   string
			Duplicates []string
		}
	}
	if err := json.Unmarshal([]byte(body), &tl); err != nil {
		t.Fatal(err)
	}
	for _, src := range tl.Sources {
		if src.File == file {
			return s.current().base + "sources/" + src.ID + "/"
		}
	}
	t.Fatalf("no source from %s in timeline.json", file)
	return ""
}

// awaitReload waits for reload events until the page of the source read
// from file serves text, failing after 5s. It returns the last reload.
func awaitReload(t *testing.T, s *Server, events <-chan sseEvent, file, text string) sseEvent {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		ev := next(t, events)
		switch ev.name {
		case "failed":
			t.Fatalf("build failed: %v", ev.data["error"])
		case "reload":
			code, body := get(t, s, sourcePageIfAny(t, s, file))
			if code == 200 && strings.Contains(body, text) {
				return ev
			}
		}
	}
	t.Fatalf("no reload serving %q from %s within 5s", text, file)
	return sseEvent{}
}

// sourcePageIfAny is sourcePage, or a missing page while the source is not
// in the site yet.
func sourcePageIfAny(t *testing.T, s *Server, file string) string {
	t.Helper()
	_, body := get(t, s, s.current().base+"timeline.json")
	if !strings.Contains(body, `"`+file+`"`) {
		return "/not-there-yet"
	}
	return sourcePage(t, s, file)
}

// TestServeWatch is the acceptance test of `timeline serve --watch`: on a
// running server, each kind of change to a site reaches the browser's
// event stream as a reload once the new build is served, a broken
// configuration is reported without losing the site, and fixing it
// brings the site back. It runs with file system notifications and with
// polling.
func TestServeWatch(t *testing.T) {
	t.Parallel() // the package's slow tests run side by side
	for _, poll := range []bool{false, true} {
		t.Run(map[bool]string{false: "notify", true: "poll"}[poll], func(t *testing.T) {
			dir := newSite(t)
			s := start(t, Options{Site: siteOptions(dir), Watch: true, Poll: poll, PollInterval: 50 * time.Millisecond})
			events, hello := subscribe(t, s)
			if hello.data["error"] != nil {
				t.Fatalf("hello reports an error: %v", hello.data)
			}
			closure := filepath.Join(dir, "content", "closure.md")

			// An edit in place.
			edited := strings.Replace(articles["content/closure.md"], "several weeks", "at least three months, the chief engineer warned", 1)
			write(t, closure, edited)
			ev := awaitReload(t, s, events, "content/closure.md", "at least three months")
			if ev.data["build"] == hello.data["build"] {
				t.Errorf("reload names build %v, the build already served", ev.data["build"])
			}
			page := sourcePage(t, s, "content/closure.md")
			if ch, _ := ev.data["changed"].([]any); !containsAny(ch, strings.TrimPrefix(page, "/")+"index.html") {
				t.Errorf("reload lists changed files %v, want the source's page %s among them", ch, page)
			}

			// A broken site.toml: the error is reported, with its file and
			// line, and the last good site is still served.
			write(t, filepath.Join(dir, "site.toml"), siteToml+"titel = \"typo\"\n")
			ev = next(t, events)
			for ev.name == "reload" { // a poll may see the edit's second write
				ev = next(t, events)
			}
			if ev.name != "failed" {
				t.Fatalf("after breaking site.toml: event %q, want failed", ev.name)
			}
			wantDiag := map[string]any{"file": "site.toml", "line": float64(3), "message": `unknown key "titel"`}
			if !hasDiagnostic(ev.data["error"], wantDiag) {
				t.Errorf("failed event %v, want the diagnostic %v", ev.data, wantDiag)
			}
			code, body := get(t, s, "/__timeline/error")
			if code != 200 || !strings.Contains(body, `"file":"site.toml","line":3`) {
				t.Errorf("error endpoint: %d %s", code, body)
			}
			code, body = get(t, s, page)
			if code != 200 || !strings.Contains(body, "at least three months") || !strings.Contains(body, "/__timeline/livereload.js") {
				t.Errorf("while broken, %s: status %d, want the last good page with the reload script", page, code)
			}
			// A browser connecting now is told of the error at once.
			_, hello2 := subscribe(t, s)
			if !hasDiagnostic(hello2.data["error"], wantDiag) {
				t.Errorf("hello while broken: %v, want the error", hello2.data)
			}

			// Fixed: the site comes back by itself and the error is gone.
			write(t, filepath.Join(dir, "site.toml"), siteToml)
			ev = next(t, events)
			if ev.name != "reload" {
				t.Fatalf("after fixing site.toml: event %q, want reload", ev.name)
			}
			if code, body := get(t, s, "/__timeline/error"); code != 200 || strings.TrimSpace(body) != "null" {
				t.Errorf("error endpoint after the fix: %d %s", code, body)
			}

			// An editor's atomic save: a temporary file renamed over the
			// article.
			tmp := filepath.Join(dir, "content", ".closure.md.swp")
			write(t, tmp, strings.Replace(edited, "Commuters", "Thousands of commuters", 1))
			if err := os.Rename(tmp, closure); err != nil {
				t.Fatal(err)
			}
			awaitReload(t, s, events, "content/closure.md", "Thousands of commuters")

			// A new subdirectory of articles, then an edit inside it, which
			// is seen only if the new directory is watched.
			deep := filepath.Join(dir, "content", "2024", "may", "pier.md")
			write(t, deep, pier)
			awaitReload(t, s, events, "content/2024/may/pier.md", "pier")
			write(t, deep, strings.Replace(pier, "wooden pier", "old wooden pier, built in 1911,", 1))
			awaitReload(t, s, events, "content/2024/may/pier.md", "built in 1911")

			// Nothing was written to disk.
			if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("serve wrote public/: %v", err)
			}
		})
	}
}

// pier is an article added while the server runs.
const pier = `+++
title = "Lakeside pier reopens to carry foot passengers"
publisher = "Lakeside Gazette"
date = 2024-05-10
+++
The wooden pier at Lakeside reopened on Friday so that a second ferry can carry foot passengers while the Harbour Bridge is closed.

The ferry company said the extra boat would run every fifteen minutes during the morning and evening rush.
`

func siteOptions(dir string) site.Options { return site.Options{SiteDir: dir} }

func containsAny(list []any, want string) bool {
	for _, x := range list {
		if x == want {
			return true
		}
	}
	return false
}

// hasDiagnostic reports whether an error object of an event lists want.
func hasDiagnostic(errObj any, want map[string]any) bool {
	m, _ := errObj.(map[string]any)
	list, _ := m["diagnostics"].([]any)
	for _, d := range list {
		d, _ := d.(map[string]any)
		ok := true
		for k, v := range want {
			if d[k] != v {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestServeUnderBasePath checks serving a site whose baseURL has a path:
// redirects to it, correct media types, the site's 404 page with status
// 404, directory pages, HEAD and revalidation, and the reload script in
// HTML only.
func TestServeUnderBasePath(t *testing.T) {
	dir := newSite(t)
	opt := siteOptions(dir)
	opt.BaseURL = "https://user.github.io/harbour/"
	s := start(t, Options{Site: opt})
	if !strings.HasSuffix(s.URL(), "/harbour/") {
		t.Errorf("URL %s, want the base path", s.URL())
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	host := "http://" + s.ln.Addr().String()
	page := sourcePage(t, s, "content/ferry.txt")
	tests := []struct {
		method, path string
		code         int
		typ          string // Content-Type
		body         string // in the body
		location     string
	}{
		{"GET", "/", 302, "", "", "/harbour/"},
		{"GET", "/harbour", 302, "", "", "/harbour/"},
		{"GET", "/harbour/", 200, "text/html; charset=utf-8", "Harbour Bridge", ""},
		{"GET", "/harbour/index.html", 200, "text/html; charset=utf-8", "/__timeline/livereload.js", ""},
		{"GET", "/harbour/style.css", 200, "text/css; charset=utf-8", "", ""},
		{"GET", "/harbour/timeline.json", 200, "application/json", `"sources"`, ""},
		{"GET", page, 200, "text/html; charset=utf-8", "ferry company added twelve crossings", ""},
		{"GET", strings.TrimSuffix(page, "/"), 301, "", "", page},
		{"GET", "/harbour/events/nope/", 404, "text/html; charset=utf-8", "This page is not on the timeline", ""},
		{"GET", "/index.html", 404, "text/html; charset=utf-8", "This page is not on the timeline", ""},
		{"HEAD", "/harbour/style.css", 200, "text/css; charset=utf-8", "", ""},
		{"POST", "/harbour/", 405, "", "", ""},
		{"GET", "/__timeline/livereload.js", 200, "text/javascript; charset=utf-8", "EventSource", ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, host+tt.path, nil)
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, resp.StatusCode, tt.code)
		}
		if tt.typ != "" && resp.Header.Get("Content-Type") != tt.typ {
			t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.path, resp.Header.Get("Content-Type"), tt.typ)
		}
		if !strings.Contains(string(b), tt.body) {
			t.Errorf("%s %s: body lacks %q", tt.method, tt.path, tt.body)
		}
		if loc := resp.Header.Get("Location"); loc != tt.location {
			t.Errorf("%s %s: Location %q, want %q", tt.method, tt.path, loc, tt.location)
		}
		if tt.code == 200 && !strings.HasSuffix(tt.path, ".html") && !strings.HasSuffix(tt.path, "/") && strings.Contains(string(b), "livereload.js\" data-build") {
			t.Errorf("%s: the reload script is added to a file that is not HTML", tt.path)
		}
	}

	// A stylesheet is revalidated by its ETag.
	resp, err := http.Get(host + "/harbour/style.css")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	req, _ := http.NewRequest("GET", host+"/harbour/style.css", nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("style.css with its ETag: status %d, want 304", resp.StatusCode)
	}
}

// TestServeRefusesPathsOutsideTheSite sends requests that try to reach
// files outside the site, raw so no client cleans them first: each is
// refused (400, 403 or 404) and none returns the secret beside the site.
func TestServeRefusesPathsOutsideTheSite(t *testing.T) {
	root := t.TempDir()
	const secret = "TOP-SECRET-d41d8cd9"
	write(t, filepath.Join(root, "secret.txt"), secret+"\n")
	dir := filepath.Join(root, "site")
	os.MkdirAll(dir, 0o755)
	write(t, filepath.Join(dir, "site.toml"), siteToml)
	for name, text := range articles {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	write(t, filepath.Join(dir, "secret.txt"), secret+"\n") // in the site directory, not in the site
	if err := os.Symlink(root, filepath.Join(dir, "content", "outside")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, "public-link.txt")); err != nil {
		t.Fatal(err)
	}
	s := start(t, Options{Site: siteOptions(dir), Watch: true})

	targets := []string{
		"/../secret.txt",
		"/../../secret.txt",
		"/../site/secret.txt",
		"/sources/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2E%2E/secret.txt",
		"/%2e%2e%2fsecret.txt",
		"/..%2fsecret.txt",
		"/.%2e/secret.txt",
		"/..%5csecret.txt",
		"/%5c..%5csecret.txt",
		"/..\\secret.txt",
		"/./secret.txt",
		"//secret.txt",
		"/secret.txt",
		"/site.toml",
		"/content/closure.md",
		"/outside/secret.txt",
		"/content/outside/secret.txt",
		"/public-link.txt",
		"/etc/passwd",
		"//etc/passwd",
		"/%2fetc%2fpasswd",
		"/index.html%00.txt",
		"/%00",
		"http://127.0.0.1/../secret.txt",
		"/__timeline/../secret.txt",
		"/__timeline/..%2f..%2fsecret.txt",
		"/" + filepath.ToSlash(filepath.Join(root, "secret.txt")),
	}
	for _, target := range targets {
		code, body := rawGet(t, s, target)
		switch {
		case strings.Contains(body, secret):
			t.Errorf("GET %s: status %d served the secret", target, code)
		case code != 400 && code != 403 && code != 404:
			t.Errorf("GET %s: status %d, want 400, 403 or 404", target, code)
		}
	}
	if code, _ := rawGet(t, s, "/index.html"); code != 200 {
		t.Errorf("GET /index.html: status %d, the site itself must be served", code)
	}
}

// rawGet sends a request line as given and returns the response's status
// and body.
func rawGet(t *testing.T, s *Server, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestThemeLinkOutsideIsNotServed checks that a theme's static file that
// is a link to a file outside the theme fails the build, naming the file,
// instead of publishing that file.
func TestThemeLinkOutsideIsNotServed(t *testing.T) {
	root := t.TempDir()
	const secret = "TOP-SECRET-9e107d9d"
	write(t, filepath.Join(root, "secret.txt"), secret+"\n")
	dir := filepath.Join(root, "site")
	write(t, filepath.Join(dir, "site.toml"), siteToml+"theme = \"mine\"\n")
	for name, text := range articles {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	write(t, filepath.Join(dir, "themes", "mine", "static", "extra.css"), "p { color: teal }\n")
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, "themes", "mine", "static", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	_, err := New(context.Background(), Options{Site: siteOptions(dir), Bind: "127.0.0.1"})
	if err == nil || !strings.Contains(err.Error(), "leak.txt") {
		t.Fatalf("New = %v, want a build error naming leak.txt", err)
	}
	s := start(t, Options{Site: siteOptions(dir), Watch: true})
	if code, body := get(t, s, "/leak.txt"); code != 404 || strings.Contains(body, secret) {
		t.Errorf("GET /leak.txt: status %d, body has the secret: %v", code, strings.Contains(body, secret))
	}
	if code, body := get(t, s, "/__timeline/error"); code != 200 || !strings.Contains(body, "leak.txt") {
		t.Errorf("error endpoint: %d %s, want the error naming leak.txt", code, body)
	}
}

// TestServeCSSOnlyChange checks that editing only a theme's style sheet
// announces a reload whose only changed file is the style sheet, so pages
// refresh their styles without reloading.
func TestServeCSSOnlyChange(t *testing.T) {
	dir := newSite(t)
	write(t, filepath.Join(dir, "site.toml"), siteToml+"theme = \"mine\"\n")
	css := filepath.Join(dir, "themes", "mine", "static", "style.css")
	write(t, css, "body { color: navy }\n")
	s := start(t, Options{Site: siteOptions(dir), Watch: true})
	events, _ := subscribe(t, s)
	write(t, css, "body { color: teal }\n")
	ev := next(t, events)
	ch, _ := ev.data["changed"].([]any)
	if ev.name != "reload" || len(ch) != 1 || ch[0] != "style.css" || ev.data["all"] != false {
		t.Fatalf("after a CSS edit: %s %v, want a reload of style.css alone", ev.name, ev.data)
	}
	if _, body := get(t, s, "/style.css"); !strings.Contains(body, "teal") {
		t.Errorf("style.css not updated: %q", body)
	}
}

// TestServeWrite checks that with Write each good build is also published,
// without the reload script, as `timeline build` writes it.
func TestServeWrite(t *testing.T) {
	dir := newSite(t)
	s := start(t, Options{Site: siteOptions(dir), Watch: true, Write: true})
	index, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(index), "__timeline") {
		t.Error("public/index.html holds the reload script")
	}
	if string(index) != string(s.current().files["index.html"]) {
		t.Error("public/index.html differs from the served build")
	}
	events, _ := subscribe(t, s)
	write(t, filepath.Join(dir, "content", "closure.md"), strings.Replace(articles["content/closure.md"], "several weeks", "until the autumn", 1))
	awaitReload(t, s, events, "content/closure.md", "until the autumn")
	// The write follows the reload; wait for it with a deadline.
	deadline := time.Now().Add(5 * time.Second)
	for {
		json, _ := os.ReadFile(filepath.Join(dir, "public", "timeline.json"))
		if strings.Contains(string(json), "until the autumn") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("public/ not rewritten after the rebuild")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServeWriteStrict checks that with Write and strict = true in
// site.toml a build with a warning is served but not written, and says
// why, as `timeline build` would refuse it.
func TestServeWriteStrict(t *testing.T) {
	dir := newSite(t)
	write(t, filepath.Join(dir, "site.toml"), siteToml+"\nstrict = true\n")
	write(t, filepath.Join(dir, "content", "thin.md"), "+++\ntitle = \"Thin\"\n+++\nOne sentence only.\n")
	var log bytes.Buffer
	var mu sync.Mutex
	out := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return log.Write(p) })
	s := start(t, Options{Site: siteOptions(dir), Write: true, Stdout: out, Stderr: out})
	if _, body := get(t, s, "/index.html"); !strings.Contains(body, "<html") {
		t.Errorf("the site is not served: %q", body)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ was written by a strict build with a warning (stat: %v)", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(log.String(), "strict build (strict = true in site.toml)") || !strings.Contains(log.String(), "content/thin.md") {
		t.Errorf("the log does not say the strict build was not written, and why:\n%s", log.String())
	}
}

// writerFunc is an io.Writer of a function.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestPortInUse checks that a taken port is reported with the port and
// the flag to change it.
func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = New(context.Background(), Options{Site: siteOptions(newSite(t)), Bind: "127.0.0.1", Port: port})
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(port)) || !strings.Contains(err.Error(), "--port") {
		t.Fatalf("New on a taken port = %v, want an error naming the port and --port", err)
	}
}

// TestShutdownEndsEventStreams checks that cancelling the server's context
// (Ctrl-C) ends open event streams and returns from Serve promptly.
func TestShutdownEndsEventStreams(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := New(ctx, Options{Site: siteOptions(newSite(t)), Bind: "127.0.0.1", Watch: true})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	events, _ := subscribe(t, s)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return within 5s of the cancel")
	}
	select {
	case _, ok := <-events:
		if ok {
			for range events {
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the event stream is still open after shutdown")
	}
	if _, err := http.Get(s.URL()); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// TestConnectionTimeouts checks that the server closes a connection that
// sends no request, and a keep-alive connection left idle, but keeps an
// event stream open longer than both.
func TestConnectionTimeouts(t *testing.T) {
	t.Parallel() // the package's slow tests run side by side
	ctx, cancel := context.WithCancel(context.Background())
	s, err := New(ctx, Options{Site: siteOptions(newSite(t)), Bind: "127.0.0.1", Watch: true})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	s.headerTimeout, s.idleTimeout = 200*time.Millisecond, 200*time.Millisecond
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	defer func() { cancel(); <-done }()

	events, _ := subscribe(t, s)
	// closed waits for the server to close conn, and says how long that took.
	closed := func(what string, conn net.Conn) {
		t.Helper()
		start := time.Now()
		conn.SetReadDeadline(start.Add(3 * time.Second))
		_, err := io.Copy(io.Discard, conn)
		if err != nil {
			t.Errorf("%s: not closed by the server within 3s: %v", what, err)
			return
		}
		t.Logf("%s: closed after %s", what, time.Since(start).Round(time.Millisecond))
	}
	silent, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	closed("a connection sending nothing", silent)

	idle, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	fmt.Fprintf(idle, "GET / HTTP/1.1\r\nHost: %s\r\n\r\n", s.ln.Addr())
	br := bufio.NewReader(idle)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("GET /: %s, close %v; want 200 on a keep-alive connection", resp.Status, resp.Close)
	}
	closed("an idle keep-alive connection", idle)

	select {
	case _, ok := <-events:
		if !ok {
			t.Error("the event stream was closed by the timeouts")
		}
	case <-time.After(5 * s.idleTimeout):
	}
}
