// livereload.js: added by `timeline serve` to the pages it serves, never
// to the built site. It listens to the server's build events (Server-Sent
// Events at __timeline/events) and:
//   - reloads the page when a new build changed it (or the page it would
//     be, for a "not found" page), once the build is complete;
//   - swaps the style sheets in place when only CSS changed;
//   - shows a failed build's errors over the page, which still shows the
//     last good build, and removes them when a build succeeds again.
// It closes the stream when the page is hidden to be left (pagehide) and
// opens it again if the page is shown again from the back/forward cache
// (pageshow): a browser keeps the pages of that cache, and their open
// streams, and allows only six connections to a host, so pages that kept
// theirs would leave none for the next page to load.
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
  var source = null;
  connect();
  window.addEventListener("pagehide", function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener("pageshow", function (e) {
    if (e.persisted || !source || source.readyState === 2) {
      connect(); // its hello reloads the page if a build came meanwhile
    }
  });

  // connect opens the event stream, closing the one open.
  function connect() {
    if (source) {
      source.close();
    }
    source = new EventSource(url);
    listen(source);
  }

  // listen handles the events of the stream src.
  function listen(src) {
    src.addEventListener("hello", function (e) {
      var m = JSON.parse(e.data);
      if (m.build !== build) {
        location.reload(); // a build finished between loading the page and now
        return;
      }
      overlay(m.error);
    });
    src.addEventListener("reload", function (e) {
      var m = JSON.parse(e.data);
      build = m.build;
      overlay(null);
      var changed = m.changed || [];
      var styles = [];
      for (var i = 0; i < changed.length; i++) {
        var p = changed[i];
        if (/\.css$/.test(p)) {
          styles.push(p);
        } else if (p === page || p === want || !/\.html$|^timeline\.json$/.test(p)) {
          m.all = true; // this page, or a script, image or font it may use
        }
      }
      if (m.all) {
        location.reload();
      } else if (styles.length) {
        refreshStyles(styles);
      }
    });
    src.addEventListener("failed", function (e) {
      overlay(JSON.parse(e.data).error);
    });
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
