package server

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// livereloadHarness runs livereload.js (the path before last argument) against a fake
// page and event source, feeds it the events of a scenario, and prints
// what the page did, one line per event.
const livereloadHarness = `
const fs = require("fs");
const [file, json] = process.argv.slice(-2);
const code = fs.readFileSync(file, "utf8");
const scenario = JSON.parse(json);
const out = [];
function el(tag) {
  return { tagName: tag, style: {}, children: [], attrs: {}, parentNode: null,
    setAttribute(k, v) { this.attrs[k] = v; }, getAttribute(k) { return this.attrs[k]; },
    appendChild(c) { c.parentNode = this; this.children.push(c); return c; },
    removeChild(c) { this.children = this.children.filter(x => x !== c); c.parentNode = null; },
    insertBefore(c, ref) { c.parentNode = this; this.children.push(c); },
    cloneNode() { const c = el(this.tagName); c.rel = this.rel; c.href = this.href; return c; },
    get textContent() { return (this._text || "") + this.children.map(c => c.textContent).join(""); },
    set textContent(t) { this._text = t; },
  };
}
const head = el("head"), body = el("body");
const style = el("link"); style.rel = "stylesheet"; style.href = "http://localhost/repo/style.css"; head.appendChild(style);
const script = el("script");
script.src = "http://localhost/__timeline/livereload.js";
script.attrs = { "data-build": "b.1", "data-page": scenario.page, "data-base": "/repo/" };
let listeners = {};
global.EventSource = function (url) {
  out.push("connect " + url); listeners = {}; this.readyState = 1;
  this.addEventListener = (n, f) => { listeners[n] = f; };
  this.close = () => { out.push("close"); this.readyState = 2; listeners = {}; };
};
const windowListeners = {};
global.addEventListener = (n, f) => { windowListeners[n] = f; };
global.window = global;
Object.defineProperty(global, "navigator", { value: {}, configurable: true }); // no Web Locks: a stream per page
global.location = { pathname: scenario.path, href: "http://localhost" + scenario.path, origin: "http://localhost",
  reload() { out.push("reload"); } };
global.document = {
  currentScript: script, body, documentElement: body,
  createElement: el, createTextNode: t => ({ textContent: t }),
  getElementById: id => body.children.find(c => c.id === id) || null,
  querySelectorAll: () => head.children.filter(c => c.rel === "stylesheet"),
};
eval(code);
for (const [name, data] of scenario.events) {
  if (name === "pagehide" || name === "pageshow") {
    windowListeners[name](data);
    out.push(name);
    continue;
  }
  if (!listeners[name]) {
    out.push(name + ": not listening");
    continue;
  }
  listeners[name]({ data: JSON.stringify(data) });
  const box = document.getElementById("timeline-build-error");
  const sheets = head.children.filter(c => c.rel === "stylesheet").map(c => c.href).join(",");
  out.push(name + ": overlay=" + (box ? JSON.stringify(box.textContent) : "none") + " styles=" + sheets);
}
console.log(out.join("\n"));
`

// TestLiveReloadScript runs the browser script under Node, when it is
// installed, with a fake page: it must reload only when its page changed
// or a build finished before it connected, swap style sheets in place on
// a CSS-only change, and show and clear a build error; and close its
// stream when the page is left, opening it again when the page comes back
// from the back/forward cache.
func TestLiveReloadScript(t *testing.T) {
	t.Parallel() // the package's slow tests run side by side
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	js := filepath.Join(t.TempDir(), "livereload.js")
	if err := os.WriteFile(js, liveReloadJS, 0o644); err != nil {
		t.Fatal(err)
	}
	failed := `{"build":"b.2","error":{"message":"site.toml:3: unknown key \"titel\"","diagnostics":[{"file":"site.toml","line":3,"message":"unknown key \"titel\""}]}}`
	tests := []struct {
		name, scenario string
		want           []string // lines of output, in order
		not            string   // must not be in the output
	}{
		{"stale page reloads on connect",
			`{"page":"index.html","path":"/repo/","events":[["hello",{"build":"b.2","error":null}]]}`,
			[]string{"connect http://localhost/__timeline/events", "reload"}, ""},
		{"current page stays",
			`{"page":"index.html","path":"/repo/","events":[["hello",{"build":"b.1","error":null}],["reload",{"build":"b.2","changed":["events/x/index.html","timeline.json"],"all":false}]]}`,
			[]string{"hello: overlay=none", "reload: overlay=none styles=http://localhost/repo/style.css"}, "\nreload\n"},
		{"changed page reloads",
			`{"page":"events/x/index.html","path":"/repo/events/x/","events":[["hello",{"build":"b.1","error":null}],["reload",{"build":"b.2","changed":["events/x/index.html"],"all":false}]]}`,
			[]string{"hello: overlay=none", "reload", "reload: overlay=none"}, ""},
		{"missing page reloads when it appears",
			`{"page":"404.html","path":"/repo/events/new/","events":[["hello",{"build":"b.1","error":null}],["reload",{"build":"b.2","changed":["events/new/index.html"],"all":false}]]}`,
			[]string{"hello: overlay=none", "reload"}, ""},
		{"css only swaps the style sheet",
			`{"page":"index.html","path":"/repo/","events":[["hello",{"build":"b.1","error":null}],["reload",{"build":"b.2","changed":["style.css"],"all":false}]]}`,
			[]string{"reload: overlay=none styles=http://localhost/repo/style.css,http://localhost/repo/style.css?livereload=b.2"}, "\nreload\n"},
		{"error shown, then cleared",
			`{"page":"index.html","path":"/repo/","events":[["hello",{"build":"b.1","error":null}],["failed",` + failed + `],["reload",{"build":"b.3","changed":[],"all":false}]]}`,
			[]string{`failed: overlay="The site did not build. Still showing the last good build.site.toml:3: unknown key \"titel\"`, "reload: overlay=none"}, "\nreload\n"},
		{"error shown on connect",
			`{"page":"index.html","path":"/repo/","events":[["hello",` + strings.Replace(failed, "b.2", "b.1", 1) + `]]}`,
			[]string{`hello: overlay="The site did not build.`}, "\nreload\n"},
		{"stream closed when the page is left, opened again when it comes back",
			`{"page":"index.html","path":"/repo/","events":[["hello",{"build":"b.1","error":null}],["pageshow",{"persisted":false}],["pagehide",{"persisted":true}],["reload",{"build":"b.2","changed":["index.html"],"all":false}],["pageshow",{"persisted":true}],["hello",{"build":"b.2","error":null}]]}`,
			[]string{"connect http://localhost/__timeline/events", "hello: overlay=none", "pageshow", "close", "pagehide",
				"reload: not listening", "connect http://localhost/__timeline/events", "pageshow", "reload", "hello: overlay=none"}, ""},
		{"first pageshow keeps the stream",
			`{"page":"index.html","path":"/repo/","events":[["pageshow",{"persisted":false}],["hello",{"build":"b.1","error":null}]]}`,
			[]string{"pageshow", "hello: overlay=none"}, "close"},
	}
	for _, tt := range tests {
		out, err := exec.Command(node, "-e", livereloadHarness, "--", js, tt.scenario).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: node: %v\n%s", tt.name, err, out)
		}
		got := "\n" + string(out)
		at := 0
		for _, w := range tt.want {
			i := strings.Index(got[at:], w)
			if i < 0 {
				t.Errorf("%s: output lacks %q after byte %d:\n%s", tt.name, w, at, out)
				break
			}
			at += i + len(w)
		}
		if tt.not != "" && strings.Contains(got, tt.not) {
			t.Errorf("%s: output has %q:\n%s", tt.name, tt.not, out)
		}
	}
}
