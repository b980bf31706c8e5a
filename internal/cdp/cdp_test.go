package cdp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBrowser(t *testing.T) {
	exe := Chromium(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><meta name="viewport" content="width=device-width"><title>t</title><style>@media (prefers-color-scheme: dark) { body { color: rgb(1, 2, 3) } }</style>
<p id="p">%s</p><p id="far" style="margin-top: 3000px">far</p>`, r.URL.Path)
	}))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b, err := Launch(ctx, exe)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Navigate(ctx, srv.URL+"/hello"); err != nil {
		t.Fatal(err)
	}
	var text string
	if err := p.Evaluate(ctx, `document.getElementById("p").textContent`, &text); err != nil || text != "/hello" {
		t.Errorf("Evaluate = %q, %v; want /hello", text, err)
	}
	var sum int
	if err := p.Evaluate(ctx, `new Promise(r => setTimeout(() => r(40 + 2), 10))`, &sum); err != nil || sum != 42 {
		t.Errorf("Evaluate of a promise = %d, %v; want 42", sum, err)
	}
	if err := p.Evaluate(ctx, `(() => { throw new Error("boom") })()`, nil); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Evaluate of a throwing script = %v, want the exception", err)
	}

	// A fragment of the same page scrolls and loads nothing.
	if err := p.Navigate(ctx, srv.URL+"/hello#far"); err != nil {
		t.Fatal(err)
	}
	var scrolled float64
	if err := p.Evaluate(ctx, `window.scrollY`, &scrolled); err != nil || scrolled < 1000 {
		t.Errorf("after #far: scrollY %v, %v", scrolled, err)
	}

	if err := p.SetColorScheme(ctx, "dark"); err != nil {
		t.Fatal(err)
	}
	var color string
	if err := p.Evaluate(ctx, `getComputedStyle(document.body).color`, &color); err != nil || color != "rgb(1, 2, 3)" {
		t.Errorf("dark mode: body color %q, %v", color, err)
	}
	if err := p.SetViewport(ctx, 390, 844, true); err != nil {
		t.Fatal(err)
	}
	var width int
	if err := p.Evaluate(ctx, `window.innerWidth`, &width); err != nil || width != 390 {
		t.Errorf("viewport width %d, %v; want 390", width, err)
	}
	png, err := p.Screenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is not a PNG")
	}
	full, err := p.ScreenshotPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A PNG's height is the big-endian uint32 at bytes 20-23.
	if len(full) < 24 || !bytes.HasPrefix(full, []byte("\x89PNG")) || int(full[20])<<24|int(full[21])<<16|int(full[22])<<8|int(full[23]) < 3000 {
		t.Errorf("whole-page screenshot is not a PNG as tall as the page")
	}
	if err := p.Reload(ctx); err != nil {
		t.Fatal(err)
	}

	// Events: the requests a page sends and what it logs, in a new tab
	// closed at the end.
	tab, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := tab.Enable(ctx, "Network"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var urls, logged []string
	stopRequests := tab.Listen("Network.requestWillBeSent", func(params json.RawMessage) {
		var ev struct{ Request struct{ URL string } }
		json.Unmarshal(params, &ev)
		mu.Lock()
		urls = append(urls, ev.Request.URL)
		mu.Unlock()
	})
	stopConsole := tab.Listen("Runtime.consoleAPICalled", func(params json.RawMessage) {
		var ev struct {
			Type string
			Args []struct{ Value any }
		}
		json.Unmarshal(params, &ev)
		mu.Lock()
		logged = append(logged, fmt.Sprint(ev.Type, " ", ev.Args[0].Value))
		mu.Unlock()
	})
	if err := tab.Navigate(ctx, srv.URL+"/tab"); err != nil {
		t.Fatal(err)
	}
	if err := tab.Evaluate(ctx, `console.error("oops")`, nil); err != nil {
		t.Fatal(err)
	}
	stopRequests()
	stopConsole()
	if err := tab.Evaluate(ctx, `console.error("after stop")`, nil); err != nil {
		t.Fatal(err)
	}
	if err := tab.Close(ctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Contains(urls, srv.URL+"/tab") {
		t.Errorf("requests seen %q, want %s/tab", urls, srv.URL)
	}
	if !slices.Equal(logged, []string{"error oops"}) {
		t.Errorf("console calls seen %q, want [error oops]", logged)
	}
}
