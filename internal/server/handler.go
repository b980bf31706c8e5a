package server

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// contentTypes are the media types of the files a theme is likely to
// hold, fixed here so they do not depend on the machine's mime.types.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".pdf":         "application/pdf",
	".wasm":        "application/wasm",
}

// contentType returns the media type of the file name holding b.
func contentType(name string, b []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(b)
}

// ServeHTTP serves the site of the last good build from memory, under the
// URL path of its baseURL, and the server's own addresses under
// /__timeline/. Only GET and HEAD are served.
//
// A request reaches nothing but the files of the build: the path is
// looked up in the in-memory site, never on disk. Paths that try to climb
// out ("..", also when percent-encoded, as net/url decodes it), hold a
// backslash or NUL, or are not under the baseURL's path are refused with
// 400, or 404 with the site's 404.html.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || hasDotSegment(p) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if name, ok := strings.CutPrefix(p, reservedPrefix); ok {
		s.serveReserved(w, r, name)
		return
	}
	snap := s.current()
	rel, ok := strings.CutPrefix(p, snap.base)
	if !ok {
		if p == "/" || p+"/" == snap.base {
			http.Redirect(w, r, snap.base, http.StatusFound)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	b, ok := snap.files[name]
	if !ok {
		if _, dir := snap.files[name+"/index.html"]; dir {
			target := p + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, snap)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType(name, b))
	h.Set("X-Content-Type-Options", "nosniff")
	// Revalidate on every use. An HTML page changes with every build (it
	// names the build in its reload script); any other file only when its
	// bytes do.
	h.Set("Cache-Control", "no-cache")
	if isHTML(name) {
		b = inject(b, scriptTag(snap, name))
		h.Set("ETag", `"`+snap.id+`"`)
	} else {
		h.Set("ETag", `"`+s.nonce+"."+strconv.Itoa(snap.versions[name])+`"`)
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

// hasDotSegment reports whether a slash path has a "." or ".." element.
func hasDotSegment(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if part == "." || part == ".." {
			return true
		}
	}
	return false
}

// notFound serves the site's 404.html, with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	page, ok := snap.files["404.html"]
	if !ok {
		page = []byte("<!doctype html>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n<h1>Not found</h1>\n")
		if snap.failure != nil && len(snap.files) == 0 {
			page = []byte("<!doctype html>\n<meta charset=\"utf-8\">\n<title>Build failed</title>\n<h1>The site has not been built yet</h1>\n<p>See the error in the terminal or above.</p>\n")
		}
	}
	page = inject(page, scriptTag(snap, "404.html"))
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// isHTML reports whether a file is an HTML page.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// inject returns page with tag added before its last </body>, or at its
// end when it has none. page is not modified.
func inject(page []byte, tag string) []byte {
	i := lastIndexASCIIFold(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// lastIndexASCIIFold returns the index of the last instance of the ASCII
// string sub in b, matching letters of either case, or -1.
func lastIndexASCIIFold(b []byte, sub string) int {
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
next:
	for i := len(b) - len(sub); i >= 0; i-- {
		for j := range len(sub) {
			if lower(b[i+j]) != lower(sub[j]) {
				continue next
			}
		}
		return i
	}
	return -1
}
