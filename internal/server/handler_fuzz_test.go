package server

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzServePath sends the server requests for arbitrary targets and
// checks that whatever it answers comes from the site it built: a 200
// carries exactly one of the site's files (an HTML page with the reload
// script added) or one of the server's own files, never anything else,
// however the path is encoded; every other answer is a redirect or an
// error. A file beside the site directory and one inside it but outside
// the site stand for what must never be served.
func FuzzServePath(f *testing.F) {
	for _, seed := range []string{
		"/", "/index.html", "/events/", "/sources/x/", "/style.css", "/404.html", "/missing",
		"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
		"/./index.html", "//secret.txt", "/site.toml", "/content/closure.md", "/index.html%00.txt",
		"/__timeline/livereload.js", "/__timeline/error", "/__timeline/../secret.txt", "/%2fetc%2fpasswd",
		"http://127.0.0.1/../secret.txt", "*", "/?q=1", "/events%2F", "/%C0%AE%C0%AE/secret.txt",
	} {
		f.Add(seed)
	}
	root := f.TempDir()
	const secret = "TOP-SECRET-0c5f"
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte(secret), 0o644)
	dir := filepath.Join(root, "site")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte(siteToml), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o644)
	for name, text := range articles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := New(ctx, Options{Site: siteOptions(dir), Bind: "127.0.0.1"})
	if err != nil {
		f.Fatal(err)
	}
	defer s.ln.Close()
	snap := s.current()
	if _, ok := snap.files["index.html"]; !ok || snap.failure != nil {
		f.Fatalf("the site did not build: %v", snap.failure)
	}
	allowed := map[string]bool{string(liveReloadJS): true}
	for name, b := range snap.files {
		if isHTML(name) {
			b = inject(b, scriptTag(snap, name))
		}
		allowed[string(b)] = true
	}
	done, stop := context.WithCancel(context.Background())
	stop() // an event stream answers and ends at once

	f.Fuzz(func(t *testing.T, target string) {
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")))
		if err != nil {
			return // not a request a client could send
		}
		if strings.HasPrefix(req.URL.Path, reservedPrefix+"error") {
			return // the last failure, as JSON: not a file
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req.WithContext(done))
		body := rec.Body.String()
		if strings.Contains(body, secret) {
			t.Fatalf("GET %q: status %d served the secret", target, rec.Code)
		}
		switch {
		case rec.Code == http.StatusOK:
			if req.URL.Path != reservedPrefix+"events" && !allowed[body] {
				t.Fatalf("GET %q: status 200 with a body that is none of the site's files (%d bytes)", target, len(body))
			}
		case rec.Code == http.StatusMovedPermanently || rec.Code == http.StatusFound:
			if loc := rec.Header().Get("Location"); !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") {
				t.Fatalf("GET %q: redirect to %q, off the site", target, loc)
			}
		case rec.Code == http.StatusBadRequest || rec.Code == http.StatusNotFound:
		default:
			t.Fatalf("GET %q: status %d", target, rec.Code)
		}
	})
}
