package main

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// binary is the timeline command built once for the tests that run it.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "timeline-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "timeline")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// exe runs the built binary in dir and returns its exit code and output.
func exe(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

func demo(t *testing.T) string {
	t.Helper()
	return demoIn(t, t.TempDir())
}

// demoIn copies the demo site into the empty directory dir.
func demoIn(t *testing.T, dir string) string {
	t.Helper()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	entries, err := os.ReadDir(filepath.Join("..", "..", "content"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join("..", "..", "content", e.Name()))
		os.WriteFile(filepath.Join(dir, "content", e.Name()), b, 0o644)
	}
	b, _ := os.ReadFile(filepath.Join("..", "..", "site.toml"))
	os.WriteFile(filepath.Join(dir, "site.toml"), b, 0o644)
	return dir
}

func TestBinaryBuild(t *testing.T) {
	dir := demo(t)
	code, stdout, stderr := exe(t, dir, "build")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Articles", "Copies merged", "Sources", "Events", "Pages", "Built"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	var tl struct {
		Events  []struct{ ID string }
		Sources []struct{ File string }
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &tl); err != nil || len(tl.Events) == 0 || len(tl.Sources) != 4 {
		t.Fatalf("timeline.json: %v, %d events, %d sources", err, len(tl.Events), len(tl.Sources))
	}
	// --destination and --baseURL.
	code, _, stderr = exe(t, dir, "build", "--destination", "out", "--baseURL", "https://user.github.io/repo/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ = os.ReadFile(filepath.Join(dir, "out", "timeline.json"))
	if !strings.Contains(string(b), `"base_url": "https://user.github.io/repo/"`) {
		t.Error("--baseURL did not reach timeline.json")
	}
}

func TestBinaryExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(dir string)
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", nil, []string{"bulid"}, 2, `unknown command "bulid"; did you mean build?`},
		{"unknown flag", nil, []string{"build", "--nope"}, 2, "timeline build: unknown flag --nope\n"},
		{"mistyped flag", nil, []string{"build", "--sorce", "."}, 2, "timeline build: unknown flag --sorce; did you mean --source?"},
		{"mistyped flag with one dash", nil, []string{"events", "-jsn"}, 2, "timeline events: unknown flag -jsn; did you mean --json?"},
		{"bad --baseURL", nil, []string{"build", "--baseURL", "not a url"}, 1, `ERROR --baseURL: "not a url" is neither an absolute URL nor a path that starts with /: give an absolute http(s) URL`},
		{"bad --baseURL scheme", nil, []string{"serve", "--baseURL", "ftp://example.org/"}, 1, `ERROR --baseURL: "ftp://example.org/" has the scheme "ftp"`},
		{"missing --source", nil, []string{"build", "--source", "no-such-site"}, 1, "ERROR content directory not found: "},
		{"type error in site.toml", func(dir string) {
			os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\n[events]\nlink = \"high\"\n"), 0o644)
		}, []string{"build"}, 1, `ERROR site.toml:3: events.link must be a number, got the string "high"`},
		{"stray argument", nil, []string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{"no command", nil, nil, 2, "Usage"},
		{"bad config", func(dir string) {
			os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\nbaseULR = \"https://example.org/\"\n"), 0o644)
		}, []string{"build"}, 1, `site.toml:2: unknown key "baseULR"`},
		{"bad front matter", func(dir string) {
			os.WriteFile(filepath.Join(dir, "content", "new.md"), []byte("+++\ntitle = \"x\"\ndraft = \"no\"\n+++\nText.\n"), 0o644)
		}, []string{"build"}, 1, "content/new.md:3:"},
		{"YAML typo in front matter", func(dir string) {
			os.WriteFile(filepath.Join(dir, "content", "new.md"), []byte("---\ntitle: x\nauthor A. Writer\n---\nText.\n"), 0o644)
		}, []string{"build"}, 1, "ERROR content/new.md:3: YAML front matter: could not find expected ':'"},
		{"no content", func(dir string) { os.RemoveAll(filepath.Join(dir, "content")) }, []string{"build"}, 1, "content directory not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := demo(t)
			if tt.setup != nil {
				tt.setup(dir)
			}
			code, _, stderr := exe(t, dir, tt.args...)
			if tt.name == "missing --source" {
				// The message names the directory looked for, in full.
				tt.stderr += filepath.Join(dir, "no-such-site", "content") + ": "
			}
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
		})
	}
}

func TestBinaryHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"build", "-h"}, {"serve", "-h"}, {"help", "build"}} {
		code, stdout, stderr := exe(t, t.TempDir(), args...)
		if code != 0 || !strings.Contains(stdout+stderr, "Usage") {
			t.Errorf("%v: exit %d, output %q", args, code, stdout+stderr)
		}
	}
	code, stdout, _ := exe(t, t.TempDir(), "version")
	if code != 0 || !strings.HasPrefix(stdout, "timeline ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestRunServeRejectsBadPort(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"serve", "--port", "70000"}, &out, &errb); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
}

// files returns every file under root, by slash path, with its bytes.
func files(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameFiles fails the test unless got and want hold the same files.
func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for rel, b := range want {
		if g, ok := got[rel]; !ok {
			t.Errorf("%s: %s is gone", what, rel)
		} else if g != b {
			t.Errorf("%s: %s changed", what, rel)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("%s: %s appeared", what, rel)
		}
	}
}

// TestRunInterrupted runs a build with its context cancelled, as Ctrl-C
// does: it says the previous site is unchanged, and it is.
func TestRunInterrupted(t *testing.T) {
	dir := demo(t)
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"build", "--source", dir}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	before := files(t, filepath.Join(dir, "public"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"build", "--source", dir}, &out, &errb); code != exitBuild {
		t.Errorf("exit %d, want %d", code, exitBuild)
	}
	if got := errb.String(); got != "interrupted: the previous site is unchanged\n" {
		t.Errorf("stderr %q, want only the interrupted message", got)
	}
	sameFiles(t, "public", files(t, filepath.Join(dir, "public")), before)
}

// TestBinaryDestinationInSite is the report: in a site made by
// init, with a .git directory, a build into the site root or its content
// fails saying why, and every file stays as it was.
func TestBinaryDestinationInSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if code, _, stderr := exe(t, t.TempDir(), "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	os.MkdirAll(filepath.Join(dir, ".git", "refs"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	before := files(t, dir)
	for _, dst := range []string{".", "content", "./content/..", ".."} {
		code, _, stderr := exe(t, dir, "build", "--destination", dst)
		if code != exitBuild || !strings.Contains(stderr, "refusing to build into") {
			t.Errorf("--destination %s: exit %d, stderr %q; want 1 and a refusal", dst, code, stderr)
		}
		code, _, stderr = exe(t, dir, "build", "--destination", dst, "--cleanDestinationDir")
		if code != exitBuild || !strings.Contains(stderr, "refusing to build into") {
			t.Errorf("--destination %s --cleanDestinationDir: exit %d, stderr %q; want 1 and a refusal", dst, code, stderr)
		}
		sameFiles(t, "--destination "+dst, files(t, dir), before)
	}
}

// TestBinaryForeignDestination builds into a directory of the user's:
// refused while a file is in the way, named; replaced with
// --cleanDestinationDir.
func TestBinaryForeignDestination(t *testing.T) {
	dir := demo(t)
	docs := filepath.Join(dir, "docs")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "index.html"), []byte("my page"), 0o644)
	code, _, stderr := exe(t, dir, "build", "--destination", "docs")
	if code != exitBuild || !strings.Contains(stderr, "index.html") || !strings.Contains(stderr, "--cleanDestinationDir") {
		t.Errorf("exit %d, stderr %q; want 1 naming index.html and the flag", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(docs, "index.html")); string(b) != "my page" {
		t.Error("the user's index.html was replaced")
	}
	if code, _, stderr := exe(t, dir, "build", "--destination", "docs", "--cleanDestinationDir"); code != 0 {
		t.Errorf("with --cleanDestinationDir: exit %d: %s", code, stderr)
	}
	if code, _, stderr := exe(t, dir, "serve", "--cleanDestinationDir"); code != exitUsage || !strings.Contains(stderr, "needs --write") {
		t.Errorf("serve --cleanDestinationDir without --write: exit %d, stderr %q", code, stderr)
	}
}

// TestBinaryConcurrentBuilds runs two builds of different sites into
// one destination at once, several times: each either succeeds or fails
// naming the lock, and the destination is always exactly one of the two
// sites.
func TestBinaryConcurrentBuilds(t *testing.T) {
	a, b := demo(t), demo(t)
	toml, _ := os.ReadFile(filepath.Join(b, "site.toml"))
	os.WriteFile(filepath.Join(b, "site.toml"), []byte(strings.Replace(string(toml), "title = ", "title = \"The other site\"\n#", 1)), 0o644)
	os.Remove(filepath.Join(b, "content", firstArticle(t, b)))
	ref := map[string]map[string]string{}
	for name, dir := range map[string]string{"a": a, "b": b} {
		out := filepath.Join(t.TempDir(), "public")
		if code, _, stderr := exe(t, dir, "build", "--destination", out); code != 0 {
			t.Fatalf("site %s: exit %d: %s", name, code, stderr)
		}
		ref[name] = files(t, out)
	}
	dst := filepath.Join(t.TempDir(), "public")
	for round := range 5 {
		type result struct {
			code   int
			stderr string
		}
		results := make(chan result, 2)
		for _, dir := range []string{a, b} {
			go func() {
				cmd := exec.Command(binary, "build", "--destination", dst)
				cmd.Dir = dir
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				}
				results <- result{code, stderr.String()}
			}()
		}
		ok := 0
		for range 2 {
			r := <-results
			if r.code == 0 {
				ok++
			} else if !strings.Contains(r.stderr, ".public.lock is held by process") {
				t.Errorf("round %d: exit %d, stderr %q; want success or the lock named", round, r.code, r.stderr)
			}
		}
		if ok == 0 {
			t.Errorf("round %d: neither build succeeded", round)
		}
		got := files(t, dst)
		if !maps.Equal(got, ref["a"]) && !maps.Equal(got, ref["b"]) {
			t.Fatalf("round %d: the destination is neither site a nor site b", round)
		}
	}
}

// firstArticle returns the name of the first file in dir's content/.
func firstArticle(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "content"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no article in %s: %v", dir, err)
	}
	return entries[0].Name()
}

// TestBinaryStrict runs the real binary on the demo with an article of
// one sentence: a plain build succeeds and counts its warning in the
// summary; with --strict the build exits 1, says it is strict, lists the
// warning, and leaves the previous public/ as it was.
func TestBinaryStrict(t *testing.T) {
	dir := demo(t)
	if code, _, stderr := exe(t, dir, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before := files(t, filepath.Join(dir, "public"))
	os.WriteFile(filepath.Join(dir, "content", "short.md"), []byte("Kim Jong Un arrived in Vladivostok on Tuesday, officials said.\n"), 0o644)
	code, stdout, stderr := exe(t, dir, "build", "--strict")
	if code != exitBuild {
		t.Errorf("--strict with a warning: exit %d, want %d", code, exitBuild)
	}
	for _, want := range []string{"strict build (--strict): 1 warning", "content/short.md:1: no article text left after cleaning"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q does not contain %q", stderr, want)
		}
	}
	if stdout != "" {
		t.Errorf("a failed build printed a summary: %q", stdout)
	}
	sameFiles(t, "public/ after the strict failure", files(t, filepath.Join(dir, "public")), before)
	code, stdout, stderr = exe(t, dir, "build")
	if code != 0 || !strings.Contains(stderr, "WARN  content/short.md:1:") || !regexp.MustCompile(`Warnings\s+\|\s+1\n`).MatchString(stdout) {
		t.Errorf("lenient build: exit %d, stderr %q, summary %q: want the warning listed and counted", code, stderr, stdout)
	}
}
