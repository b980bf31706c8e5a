// Package cdp drives a headless Chromium over the Chrome DevTools Protocol
// (https://chromedevtools.github.io/devtools-protocol/), for tests that
// need a real browser: load a page, run a script in it, take a
// screenshot. It speaks the protocol's JSON messages over a WebSocket
// (golang.org/x/net/websocket) and knows only the few commands it uses.
package cdp

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/websocket"
)

// Browser is a running headless Chromium and the connection to it.
type Browser struct {
	cmd     *exec.Cmd
	exited  chan error // receives the process's exit
	profile string
	conn    *websocket.Conn

	mu        sync.Mutex
	nextID    int64
	pending   map[int64]chan message
	waiters   []*waiter
	listeners []*listener
	err       error // set when the connection ends
	done      chan struct{}
}

// message is a DevTools protocol message: a response to a command (ID
// set) or an event (Method set).
type message struct {
	ID        int64           `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// waiter waits for one event of a session.
type waiter struct {
	session, method string
	ch              chan json.RawMessage
}

// listener is called with every event of one method of a session.
type listener struct {
	session, method string
	fn              func(json.RawMessage)
}

// Launch starts the browser at exe headless, with a fresh profile in a
// temporary directory, and connects to it. The browser runs until Close.
// Flags in extra are added to the command line.
func Launch(ctx context.Context, exe string, extra ...string) (*Browser, error) {
	profile, err := os.MkdirTemp("", "timeline-chromium-")
	if err != nil {
		return nil, err
	}
	args := append([]string{
		"--headless=new",
		"--no-sandbox", // CI containers run as root, where the sandbox cannot start
		"--disable-gpu",
		"--disable-dev-shm-usage",
		"--disable-extensions",
		"--no-first-run",
		"--no-default-browser-check",
		"--hide-scrollbars",
		"--mute-audio",
		"--remote-debugging-port=0",
		"--remote-allow-origins=*",
		"--user-data-dir=" + profile,
	}, extra...)
	args = append(args, "about:blank")
	cmd := exec.Command(exe, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	b := &Browser{cmd: cmd, exited: make(chan error, 1), profile: profile, pending: map[int64]chan message{}, done: make(chan struct{})}

	// The browser prints "DevTools listening on ws://…" on stderr; keep
	// the rest of its output for an error message.
	found := make(chan string, 1)
	var log strings.Builder
	var logMu sync.Mutex
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if u, ok := strings.CutPrefix(line, "DevTools listening on "); ok {
				select {
				case found <- strings.TrimSpace(u):
				default:
				}
				continue
			}
			logMu.Lock()
			if log.Len() < 4096 {
				log.WriteString(line + "\n")
			}
			logMu.Unlock()
		}
		io.Copy(io.Discard, stderr)
	}()
	go func() { b.exited <- cmd.Wait() }()

	var wsURL string
	select {
	case wsURL = <-found:
	case err := <-b.exited:
		os.RemoveAll(profile)
		logMu.Lock()
		defer logMu.Unlock()
		return nil, fmt.Errorf("cdp: %s exited before listening (%v):\n%s", exe, err, log.String())
	case <-ctx.Done():
		b.kill()
		return nil, ctx.Err()
	case <-time.After(30 * time.Second):
		b.kill()
		return nil, fmt.Errorf("cdp: %s did not start listening within 30s", exe)
	}
	conn, err := websocket.Dial(wsURL, "", "http://localhost/")
	if err != nil {
		b.kill()
		return nil, fmt.Errorf("cdp: connect %s: %w", wsURL, err)
	}
	conn.MaxPayloadBytes = 64 << 20
	b.conn = conn
	go b.read()
	return b, nil
}

// kill ends the browser process and removes its profile.
func (b *Browser) kill() {
	b.cmd.Process.Kill()
	select {
	case <-b.exited:
	case <-time.After(10 * time.Second):
	}
	os.RemoveAll(b.profile)
}

// read dispatches the messages from the browser until the connection
// ends.
func (b *Browser) read() {
	var err error
	for {
		var data []byte
		if err = websocket.Message.Receive(b.conn, &data); err != nil {
			break
		}
		var m message
		if err = json.Unmarshal(data, &m); err != nil {
			break
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch := b.pending[m.ID]; ch != nil {
				delete(b.pending, m.ID)
				ch <- m
			}
		} else if m.Method != "" {
			for i, w := range b.waiters {
				if w.method == m.Method && w.session == m.SessionID {
					w.ch <- m.Params
					b.waiters = append(b.waiters[:i], b.waiters[i+1:]...)
					break
				}
			}
			for _, l := range b.listeners {
				if l.method == m.Method && l.session == m.SessionID {
					l.fn(m.Params)
				}
			}
		}
		b.mu.Unlock()
	}
	b.mu.Lock()
	b.err = fmt.Errorf("cdp: connection closed: %w", err)
	for id, ch := range b.pending {
		close(ch)
		delete(b.pending, id)
	}
	b.mu.Unlock()
	close(b.done)
}

// call sends a command to the browser, or to the page of a session, and
// decodes its result into result (if not nil).
func (b *Browser) call(ctx context.Context, session, method string, params, result any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	if params == nil {
		raw = []byte("{}")
	}
	ch := make(chan message, 1)
	b.mu.Lock()
	if b.err != nil {
		b.mu.Unlock()
		return b.err
	}
	b.nextID++
	id := b.nextID
	b.pending[id] = ch
	b.mu.Unlock()
	out, err := json.Marshal(message{ID: id, Method: method, Params: raw, SessionID: session})
	if err != nil {
		return err
	}
	if err := websocket.Message.Send(b.conn, string(out)); err != nil {
		return fmt.Errorf("cdp: %s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("cdp: %s: %w", method, b.err)
		}
		if m.Error != nil {
			return fmt.Errorf("cdp: %s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		delete(b.pending, id)
		b.mu.Unlock()
		return fmt.Errorf("cdp: %s: %w", method, ctx.Err())
	}
}

// expect registers interest in the next event method of a session; call
// it before the command that causes the event.
func (b *Browser) expect(session, method string) *waiter {
	w := &waiter{session: session, method: method, ch: make(chan json.RawMessage, 1)}
	b.mu.Lock()
	b.waiters = append(b.waiters, w)
	b.mu.Unlock()
	return w
}

// wait waits for the event w expects.
func (b *Browser) wait(ctx context.Context, w *waiter) error {
	select {
	case <-w.ch:
		return nil
	case <-b.done:
		return b.err
	case <-ctx.Done():
		return fmt.Errorf("cdp: waiting for %s: %w", w.method, ctx.Err())
	}
}

// forget drops w if its event has not come.
func (b *Browser) forget(w *waiter) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, x := range b.waiters {
		if x == w {
			b.waiters = append(b.waiters[:i], b.waiters[i+1:]...)
			return
		}
	}
}

// Close asks the browser to quit, ends its process if it does not, and
// removes its profile.
func (b *Browser) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b.call(ctx, "", "Browser.close", nil, nil)
	b.conn.Close()
	select {
	case <-b.exited:
	case <-time.After(5 * time.Second):
		b.kill()
	}
	return os.RemoveAll(b.profile)
}

// Page is a browser tab.
type Page struct {
	b       *Browser
	session string
	target  string
}

// NewPage opens a tab on about:blank.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	p := &Page{b: b, session: attached.SessionID, target: target.TargetID}
	for _, domain := range []string{"Page.enable", "Runtime.enable"} {
		if err := p.call(ctx, domain, nil, nil); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *Page) call(ctx context.Context, method string, params, result any) error {
	return p.b.call(ctx, p.session, method, params, result)
}

// Enable turns on the events of the protocol's domains named, such as
// "Network" (Network.requestWillBeSent…) or "Log" (Log.entryAdded); a
// page has Page and Runtime on from the start.
func (p *Page) Enable(ctx context.Context, domains ...string) error {
	for _, d := range domains {
		if err := p.call(ctx, d+".enable", nil, nil); err != nil {
			return err
		}
	}
	return nil
}

// Listen calls fn with the parameters of every event called method (such
// as "Network.requestWillBeSent") of the page, until the returned stop is
// called. fn runs on the goroutine reading from the browser, one event at
// a time and in order: it must return quickly and not call the browser.
func (p *Page) Listen(method string, fn func(params json.RawMessage)) (stop func()) {
	l := &listener{session: p.session, method: method, fn: fn}
	p.b.mu.Lock()
	p.b.listeners = append(p.b.listeners, l)
	p.b.mu.Unlock()
	return func() {
		p.b.mu.Lock()
		defer p.b.mu.Unlock()
		for i, x := range p.b.listeners {
			if x == l {
				p.b.listeners = append(p.b.listeners[:i], p.b.listeners[i+1:]...)
				return
			}
		}
	}
}

// AddScript runs the JavaScript source js in every document the page
// loads from now on, before the document's own scripts.
func (p *Page) AddScript(ctx context.Context, js string) error {
	return p.call(ctx, "Page.addScriptToEvaluateOnNewDocument", map[string]any{"source": js}, nil)
}

// Close closes the tab.
func (p *Page) Close(ctx context.Context) error {
	return p.b.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": p.target}, nil)
}

// Navigate loads url and waits for its load event. A URL that differs
// from the page's only in its fragment scrolls the page, as a link
// would, and loads nothing.
func (p *Page) Navigate(ctx context.Context, url string) error {
	loaded := p.b.expect(p.session, "Page.loadEventFired")
	defer p.b.forget(loaded)
	scrolled := p.b.expect(p.session, "Page.navigatedWithinDocument")
	defer p.b.forget(scrolled)
	var res struct {
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	if err := p.call(ctx, "Page.navigate", map[string]any{"url": url}, &res); err != nil {
		return err
	}
	if res.ErrorText != "" {
		return fmt.Errorf("cdp: navigate to %s: %s", url, res.ErrorText)
	}
	if res.LoaderID == "" {
		return p.b.wait(ctx, scrolled)
	}
	return p.b.wait(ctx, loaded)
}

// Reload reloads the page, bypassing the cache, and waits for its load
// event.
func (p *Page) Reload(ctx context.Context) error {
	loaded := p.b.expect(p.session, "Page.loadEventFired")
	defer p.b.forget(loaded)
	if err := p.call(ctx, "Page.reload", map[string]any{"ignoreCache": true}, nil); err != nil {
		return err
	}
	return p.b.wait(ctx, loaded)
}

// DisableCache makes the page fetch every resource from the network, so
// that the sizes it reports are those of a first visit.
func (p *Page) DisableCache(ctx context.Context) error {
	if err := p.call(ctx, "Network.enable", nil, nil); err != nil {
		return err
	}
	return p.call(ctx, "Network.setCacheDisabled", map[string]any{"cacheDisabled": true}, nil)
}

// SetViewport sets the size of the page's window in CSS pixels; mobile
// emulates a phone (meta viewport, overlay scrollbars).
func (p *Page) SetViewport(ctx context.Context, width, height int, mobile bool) error {
	return p.call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
	}, nil)
}

// SetColorScheme makes the page see prefers-color-scheme as "light" or
// "dark", or as the system's with "".
func (p *Page) SetColorScheme(ctx context.Context, scheme string) error {
	return p.call(ctx, "Emulation.setEmulatedMedia", map[string]any{
		"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}},
	}, nil)
}

// SetMedia emulates a CSS media type, "print" or "screen", or the default
// with "".
func (p *Page) SetMedia(ctx context.Context, media string) error {
	return p.call(ctx, "Emulation.setEmulatedMedia", map[string]any{"media": media}, nil)
}

// Evaluate runs a JavaScript expression in the page, waits for it if it
// is a promise, and decodes its value, which must be JSON-serialisable,
// into result (if not nil).
func (p *Page) Evaluate(ctx context.Context, expr string, result any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception *struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := p.call(ctx, "Runtime.evaluate", map[string]any{
		"expression": expr, "awaitPromise": true, "returnByValue": true,
	}, &res)
	if err != nil {
		return err
	}
	if ex := res.ExceptionDetails; ex != nil {
		msg := ex.Text
		if ex.Exception != nil && ex.Exception.Description != "" {
			msg = ex.Exception.Description
		}
		return fmt.Errorf("cdp: script failed: %s", msg)
	}
	if result == nil || len(res.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(res.Result.Value, result)
}

// Screenshot captures what the viewport shows as a PNG image.
func (p *Page) Screenshot(ctx context.Context) ([]byte, error) {
	return p.screenshot(ctx, map[string]any{"format": "png"})
}

// ScreenshotPage captures the whole page, as tall as it is, at the
// viewport's width, as a PNG image.
func (p *Page) ScreenshotPage(ctx context.Context) ([]byte, error) {
	var size struct{ Width, Height float64 }
	if err := p.Evaluate(ctx, `({width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight})`, &size); err != nil {
		return nil, err
	}
	return p.screenshot(ctx, map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": size.Width, "height": size.Height, "scale": 1},
	})
}

func (p *Page) screenshot(ctx context.Context, params map[string]any) ([]byte, error) {
	var res struct {
		Data string `json:"data"`
	}
	if err := p.call(ctx, "Page.captureScreenshot", params, &res); err != nil {
		return nil, err
	}
	if res.Data == "" {
		return nil, errors.New("cdp: empty screenshot")
	}
	return base64.StdEncoding.DecodeString(res.Data)
}
