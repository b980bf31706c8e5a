package server

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"sync"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// Live reload uses Server-Sent Events rather than a WebSocket: the
// messages only go from the server to the browser, SSE is plain HTTP that
// net/http serves with no dependency, and the browser's EventSource
// reconnects by itself when the server restarts. The pages open in one
// browser share one stream, and a page closes it when it is left, since
// a browser allows only six connections to a host (see livereload.js).
//
// The server's own addresses live under reservedPrefix, at the root of the
// host whatever the baseURL:
//
//	/__timeline/livereload.js  the script added to every HTML page served
//	/__timeline/events         the event stream
//	/__timeline/error          the last build's error as JSON, null if it succeeded
//
// Events, each with a JSON object as data:
//
//	hello   sent on connecting: {"build", "error"}; a page whose build is
//	        older reloads, and a current error is shown over the page
//	reload  a build succeeded and is being served: {"build", "changed"
//	        (the paths of the files added, changed or removed), "all"
//	        (every page should reload: too many changes, or a new baseURL)}
//	failed  a build failed; the last good one is still served: {"build",
//	        "error": {"message", "diagnostics": [{"file", "line", "col", "message"}]}}
const reservedPrefix = "/__timeline/"

//go:embed livereload.js
var liveReloadJS []byte

// maxChanged is the most changed paths a reload event lists; beyond it,
// the event says every page changed.
const maxChanged = 500

// buildError is a failed build's error as the browser shows it.
type buildError struct {
	Message     string        `json:"message"`
	Diagnostics []diagnostic  `json:"diagnostics"`
	err         error         // the error itself, for the terminal
	at          time.Duration // how long the failed build took
}

// diagnostic is one diag.Diagnostic in JSON.
type diagnostic struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// newBuildError describes err, listing its diagnostics when it has some.
func newBuildError(err error) *buildError {
	e := &buildError{Message: err.Error(), err: err}
	var be diag.BuildError
	var d diag.Diagnostic
	switch {
	case errors.As(err, &be):
		for _, d := range be.Errors {
			e.Diagnostics = append(e.Diagnostics, diagnostic{d.File, d.Line, d.Col, d.Message})
		}
	case errors.As(err, &d):
		e.Diagnostics = []diagnostic{{d.File, d.Line, d.Col, d.Message}}
	}
	return e
}

// event formats one Server-Sent Event.
func event(name string, data any) []byte {
	js, err := json.Marshal(data)
	if err != nil {
		panic(err) // plain structs of strings and numbers
	}
	return fmt.Appendf(nil, "event: %s\ndata: %s\n\n", name, js)
}

// helloEvent tells a new subscriber which build is served and its error.
func helloEvent(s *snapshot) []byte {
	return event("hello", struct {
		Build string      `json:"build"`
		Error *buildError `json:"error"`
	}{s.id, s.failure})
}

// reloadEvent announces a new good build.
func reloadEvent(s *snapshot, changed []string, all bool) []byte {
	if len(changed) > maxChanged {
		changed, all = nil, true
	}
	if changed == nil {
		changed = []string{}
	}
	return event("reload", struct {
		Build   string   `json:"build"`
		Changed []string `json:"changed"`
		All     bool     `json:"all"`
	}{s.id, changed, all})
}

// failedEvent announces a failed build.
func failedEvent(s *snapshot) []byte {
	return event("failed", struct {
		Build string      `json:"build"`
		Error *buildError `json:"error"`
	}{s.id, s.failure})
}

// scriptTag is the tag added to a served HTML page that is the file page
// of the snapshot s (or "" for a page the site does not have).
func scriptTag(s *snapshot, page string) string {
	return fmt.Sprintf(`<script src="%slivereload.js" data-build="%s" data-page="%s" data-base="%s"></script>`,
		reservedPrefix, html.EscapeString(s.id), html.EscapeString(page), html.EscapeString(s.base))
}

// hub sends events to every subscribed browser.
type hub struct {
	mu     sync.Mutex
	subs   map[chan []byte]bool
	closed bool
}

// subscribe returns a channel of events, closed when the hub closes or
// the subscriber falls too far behind (the browser then reconnects and is
// told the current build).
func (h *hub) subscribe() chan []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan []byte, 16)
	if h.closed {
		close(ch)
		return ch
	}
	if h.subs == nil {
		h.subs = map[chan []byte]bool{}
	}
	h.subs[ch] = true
	return ch
}

// unsubscribe removes ch.
func (h *hub) unsubscribe(ch chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[ch] {
		delete(h.subs, ch)
		close(ch)
	}
}

// broadcast sends msg to every subscriber without waiting for any.
func (h *hub) broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- msg:
		default:
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// count returns the number of subscribers.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// close ends every subscription, so streams end and the server can shut
// down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		close(ch)
	}
	h.subs = nil
}

// heartbeat is how often an idle event stream gets a comment, so proxies
// and browsers keep it open.
const heartbeat = 20 * time.Second

// serveEvents streams build events to one browser until it goes away or
// the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	ch := s.hub.subscribe()
	defer s.hub.unsubscribe(ch)
	// Subscribed first, then told the state: no build can fall between.
	w.Write([]byte("retry: 1000\n\n"))
	w.Write(helloEvent(s.current()))
	if err := rc.Flush(); err != nil {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			w.Write(msg)
		case <-tick.C:
			w.Write([]byte(": ping\n\n"))
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// serveReserved serves the server's own addresses.
func (s *Server) serveReserved(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		s.serveEvents(w, r)
	case "livereload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(liveReloadJS)
	case "error":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		js, _ := json.Marshal(s.current().failure)
		w.Write(append(js, '\n'))
	default:
		http.NotFound(w, r)
	}
}
