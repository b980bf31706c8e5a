// livereload.js: added by `timeline serve` to the pages it serves, never
// to the built site. It listens to the server's build events (Server-Sent
// Events at __timeline/events) and:
//   - reloads the page when a new build changed it (or the page it would
//     be, for a "not found" page), once the build is complete;
//   - swaps the style sheets in place when only CSS changed;
//   - shows a failed build's errors over the page, which still shows the
//     last good build, and removes them when a build succeeds again.
//
// A browser allows only six connections to a host, so the pages open at
// once share one stream: the page holding a Web Lock opens it and passes
// its events to the others over a BroadcastChannel; when it goes, another
// page takes the lock and opens it again (where those APIs are missing,
// as outside a secure context, each page opens its own). A page closes
// the stream, leaves the channel and lets the lock go when it is hidden
// to be left (pagehide), and starts again if it is shown again from the
// back/forward cache (pageshow): a browser keeps the pages of that
// cache, and would keep their open streams.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource || !window.JSON) {
    return;
  }
  var build = me.getAttribute("data-build");
  var page = me.getAttribute("data-page");
  var base = me.getAttribute("data-base") || "/";
  var here = location.pathname;
  try {
    here = decodeURIComponent(here);
  } catch (e) {}
  var want = here.indexOf(base) === 0 ? here.slice(base.length) : here;
  if (want === "" || want.charAt(want.length - 1) === "/") {
    want += "index.html";
  }

  var url = me.src.replace(/[^\/]*$/, "events");
  var handlers = { hello: onHello, reload: onReload, failed: onFailed };
  var share = !!(window.BroadcastChannel && navigator.locks && window.AbortController);
  var self = Math.random().toString(36).slice(2);
  var running = null; // what start set up, until stop
  start();
  window.addEventListener("pagehide", stop);
  window.addEventListener("pageshow", function (e) {
    if (e.persisted || !running) {
      start(); // the hello it gets reloads the page if a build came meanwhile
    }
  });

  // start listens to the build events: from the stream it opens, or from
  // the page that has the stream open.
  function start() {
    stop();
    var r = { source: null, channel: null, abort: null, release: null, state: null };
    running = r;
    if (!share) {
      open(r);
      return;
    }
    r.channel = new BroadcastChannel("timeline-livereload");
    r.channel.onmessage = function (e) {
      var m = e.data || {};
      if (m.ask) {
        if (r.source && r.state) {
          r.channel.postMessage({ name: "hello", data: r.state, to: m.ask });
        }
      } else if (!m.to || m.to === self) {
        deliver(m.name, m.data);
      }
    };
    r.abort = new AbortController();
    navigator.locks.request("timeline-livereload " + url, { signal: r.abort.signal }, function () {
      if (running !== r) {
        return null;
      }
      open(r);
      return new Promise(function (resolve) {
        r.release = resolve; // held until stop
      });
    }).catch(function () {}); // aborted by stop
    r.channel.postMessage({ ask: self }); // the page with the stream says hello
  }

  // open opens the stream, passing its events to the other pages.
  function open(r) {
    r.source = new EventSource(url);
    for (var name in handlers) {
      r.source.addEventListener(name, relay(r, name));
    }
  }

  // relay returns the listener of the stream's events called name.
  function relay(r, name) {
    return function (e) {
      var m = JSON.parse(e.data);
      r.state = name === "hello" ? m : { build: m.build, error: name === "failed" ? m.error : null };
      if (r.channel) {
        r.channel.postMessage({ name: name, data: m });
      }
      deliver(name, m);
    };
  }

  // stop closes the stream and the channel and lets the lock go.
  function stop() {
    var r = running;
    running = null;
    if (!r) {
      return;
    }
    if (r.source) {
      r.source.close();
    }
    if (r.channel) {
      r.channel.close();
    }
    if (r.abort) {
      r.abort.abort();
    }
    if (r.release) {
      r.release();
    }
  }

  // deliver handles the event name with its data m.
  function deliver(name, m) {
    if (handlers.hasOwnProperty(name)) {
      handlers[name](m);
    }
  }

  function onHello(m) {
    if (m.build !== build) {
      location.reload(); // a build finished between loading the page and now
      return;
    }
    overlay(m.error);
  }

  function onReload(m) {
    build = m.build;
    overlay(null);
    var changed = m.changed || [];
    var styles = [];
    var all = m.all;
    for (var i = 0; i < changed.length; i++) {
      var p = changed[i];
      if (/\.css$/.test(p)) {
        styles.push(p);
      } else if (p === page || p === want || !/\.html$|^timeline\.json$/.test(p)) {
        all = true; // this page, or a script, image or font it may use
      }
    }
    if (all) {
      location.reload();
    } else if (styles.length) {
      refreshStyles(styles);
    }
  }

  function onFailed(m) {
    overlay(m.error);
  }

  // refreshStyles reloads the style sheets among the changed files.
  function refreshStyles(paths) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href, location.href);
      var p = url.pathname;
      try {
        p = decodeURIComponent(p);
      } catch (e) {}
      if (url.origin !== location.origin || p.indexOf(base) !== 0 || paths.indexOf(p.slice(base.length)) < 0) {
        continue;
      }
      url.searchParams.set("livereload", build);
      var fresh = link.cloneNode(false);
      fresh.href = url.href;
      fresh.onload = fresh.onerror = (function (old) {
        return function () {
          if (old.parentNode) {
            old.parentNode.removeChild(old);
          }
        };
      })(link);
      link.parentNode.insertBefore(fresh, link.nextSibling);
    }
  }

  // overlay shows a build error over the page, or removes it (err null).
  function overlay(err) {
    var id = "timeline-build-error";
    var old = document.getElementById(id);
    if (old) {
      old.parentNode.removeChild(old);
    }
    if (!err) {
      return;
    }
    var box = document.createElement("div");
    box.id = id;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2em;" +
      "background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
    var h = document.createElement("h2");
    h.style.cssText = "margin:0 0 .5em;color:#ff8a80;font:bold 18px/1.3 system-ui,sans-serif";
    h.textContent = "The site did not build. Still showing the last good build.";
    box.appendChild(h);
    var list = err.diagnostics && err.diagnostics.length ? err.diagnostics : [{ message: err.message }];
    for (var i = 0; i < list.length; i++) {
      var d = list[i];
      var row = document.createElement("pre");
      row.style.cssText = "margin:.5em 0;white-space:pre-wrap";
      var where = document.createElement("strong");
      where.style.color = "#ffd180";
      where.textContent = d.file ? d.file + (d.line ? ":" + d.line + (d.col ? ":" + d.col : "") : "") + ": " : "";
      row.appendChild(where);
      row.appendChild(document.createTextNode(d.message));
      box.appendChild(row);
    }
    var note = document.createElement("p");
    note.style.cssText = "color:#bbb;font:14px system-ui,sans-serif";
    note.textContent = "Fix the file and save it: this page updates by itself. Click to hide.";
    box.appendChild(note);
    box.onclick = function () {
      box.style.display = "none";
    };
    (document.body || document.documentElement).appendChild(box);
  }
})();
