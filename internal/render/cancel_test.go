package render

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"testing"

	"github.com/timeline-ssg/timeline/themes"
)

// TestRenderCancelled checks that a render whose context is done returns
// its error, with or without a memo, and that the memo still gives a
// render that matches one without it afterwards.
func TestRenderCancelled(t *testing.T) {
	site := benchSite(300, 60)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var memo Memo
	for _, m := range []*Memo{nil, &memo} {
		if _, _, err := Memory(ctx, site, themes.Default, m); !errors.Is(err, context.Canceled) {
			t.Fatalf("memo %v: error %v, want context.Canceled", m != nil, err)
		}
	}
	got, _, err := Memory(t.Context(), site, themes.Default, &memo)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := Memory(t.Context(), site, themes.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d files after a cancelled render, want %d", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s differs after a cancelled render", name)
		}
	}
}

// TestStoppableStopsTemplate checks that a template writing to a
// stoppable writer stops at its first write after the context is done,
// with the context's error.
func TestStoppableStopsTemplate(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	tmpl := template.Must(template.New("t").Funcs(template.FuncMap{"stop": func() string { cancel(); return "" }}).
		Parse(`{{range .}}<p>{{.}}</p>{{if eq . 3}}{{stop}}{{end}}{{end}}`))
	var buf bytes.Buffer
	err := tmpl.Execute(stoppable{ctx, &buf}, []int{1, 2, 3, 4, 5})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if got := buf.String(); got != "<p>1</p><p>2</p><p>3</p>" {
		t.Errorf("wrote %q, want the items before the cancel", got)
	}
}
