package render

import (
	"context"
	"hash/maphash"
	"html/template"
	"reflect"
	"slices"
	"sync"
	"text/template/parse"

	"github.com/timeline-ssg/timeline/internal/parallel"
)

// Memo keeps the files of one render for the next render of the same
// site, for the dev server, which renders on every save: a page whose
// data did not change is not rendered again, and the parts of
// timeline.json made from unchanged events and sources are not encoded
// again.
//
// A page is rendered again when its layouts changed, when the Page its
// layout receives changed (every field, and every event and source it
// points to, compared by a 128-bit hash), or when what a layout can ask
// of the rest of the site changed: the site's title, base URL and other
// settings, whether the events it shows are key events, and how many
// events are undated. A layout that can reach the site's lists of events
// or sources (.Site.Events, .Site.Sources, .Site handed on whole, the
// functions event, source, sources, keyEvents, sourceNumber, or
// partialCached of a template it does not name) could show any of them,
// so its pages are rendered every time: in the default theme, the
// timeline page only (see wholeSite).
//
// The zero Memo is empty and ready to use. A Memo is for one site and
// one render at a time; the files a render returns share their bytes
// with it and must not be changed.
type Memo struct {
	seeds   [2]maphash.Seed
	seeded  bool
	pages   map[string]memoFile // by output path
	events  map[digest][]byte   // timeline.json's entry of an event, by its digest
	sources map[digest][]byte   // timeline.json's entry of a source, by its digest
	stats   MemoStats
}

// MemoStats says how much of the last render a Memo saved.
type MemoStats struct {
	Rendered int // pages rendered
	Reused   int // pages whose last rendering stood
}

// memoFile is a page as last rendered, with the digest of what it was
// rendered from.
type memoFile struct {
	key  digest
	data []byte
}

// Stats returns the counts of the last render that used the memo.
func (m *Memo) Stats() MemoStats { return m.stats }

// renderMemo is a Memo in use by one render: it collects what the next
// render may reuse, and is safe for the render's workers.
type renderMemo struct {
	m       *Memo
	mu      sync.Mutex
	pages   map[string]memoFile
	events  map[digest][]byte
	sources map[digest][]byte
	stats   MemoStats
	// digests of the site's events and sources, by position and pointer.
	eventDigests  []digest
	sourceDigests []digest
	eventByPtr    map[*Event]digest
	sourceByPtr   map[*Source]digest
	// base is the digest of the layouts and of siteScalars.
	base  digest
	isKey func(*Event) bool
}

// begin starts a render of the site ix indexes with memo m: it works out
// the digests of every event and source (in parallel) and of what every
// page shares: the layouts' text (layoutText, the names and texts
// parseLayouts read) and the site's settings. It stops when ctx is done,
// with ctx's error.
func (m *Memo) begin(ctx context.Context, ix *siteIndex, layoutText []string) (*renderMemo, error) {
	if !m.seeded {
		m.seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}
		m.seeded = true
	}
	site := ix.site
	r := &renderMemo{
		m:             m,
		pages:         make(map[string]memoFile, len(m.pages)),
		events:        make(map[digest][]byte, len(site.Events)),
		sources:       make(map[digest][]byte, len(site.Sources)),
		eventDigests:  make([]digest, len(site.Events)),
		sourceDigests: make([]digest, len(site.Sources)),
		eventByPtr:    make(map[*Event]digest, len(site.Events)),
		sourceByPtr:   make(map[*Source]digest, len(site.Sources)),
		isKey:         ix.isKey,
	}
	fresh := func() *digester { return newDigester(m.seeds, nil, nil) }
	err := parallel.ForWith(ctx, len(site.Events)+len(site.Sources), fresh, func(d *digester, i int) {
		if i < len(site.Events) {
			d.value(reflect.ValueOf(&site.Events[i]).Elem())
			r.eventDigests[i] = d.sum()
			return
		}
		i -= len(site.Events)
		d.value(reflect.ValueOf(&site.Sources[i]).Elem())
		r.sourceDigests[i] = d.sum()
	})
	if err != nil {
		return nil, err
	}
	for i := range site.Events {
		r.eventByPtr[&site.Events[i]] = r.eventDigests[i]
	}
	for i := range site.Sources {
		r.sourceByPtr[&site.Sources[i]] = r.sourceDigests[i]
	}
	d := newDigester(m.seeds, nil, nil)
	for _, t := range layoutText {
		d.str(t)
	}
	d.siteScalars(ix)
	r.base = d.sum()
	return r, nil
}

// digester returns a digester for this render's pages.
func (r *renderMemo) digester() *digester {
	d := newDigester(r.m.seeds, r.eventByPtr, r.sourceByPtr)
	d.isKey = r.isKey
	return d
}

// pageKey returns the digest of a page rendered with the layout kind.
func (r *renderMemo) pageKey(d *digester, kind string, p *Page) digest {
	d.u64(r.base[0])
	d.u64(r.base[1])
	d.str(kind)
	d.page(p)
	return d.sum()
}

// lookup returns the bytes rendered last time for rel, if they were
// rendered from key, and keeps them for the next render.
func (r *renderMemo) lookup(rel string, key digest) ([]byte, bool) {
	f, ok := r.m.pages[rel]
	if !ok || f.key != key {
		return nil, false
	}
	r.mu.Lock()
	r.pages[rel] = f
	r.stats.Reused++
	r.mu.Unlock()
	return f.data, true
}

// keep records the bytes rendered for rel from key.
func (r *renderMemo) keep(rel string, key digest, data []byte) {
	r.mu.Lock()
	r.pages[rel] = memoFile{key, data}
	r.stats.Rendered++
	r.mu.Unlock()
}

// rendered counts a page rendered without a key.
func (r *renderMemo) rendered() {
	r.mu.Lock()
	r.stats.Rendered++
	r.mu.Unlock()
}

// end makes this render's files the memo's, forgetting the rest. It is
// called only when the render succeeded.
func (r *renderMemo) end() {
	r.m.pages, r.m.events, r.m.sources, r.m.stats = r.pages, r.events, r.sources, r.stats
}

// lineKey names a line of timeline.json in a memo: the lines of an event
// or source, by its digest.
type lineKey struct {
	old, next map[digest][]byte
	key       digest
}

// eventLines and sourceLines name the line of the i-th event or source.
// A nil renderMemo names none.
func (r *renderMemo) eventLines(i int) *lineKey {
	if r == nil {
		return nil
	}
	return &lineKey{r.m.events, r.events, r.eventDigests[i]}
}

func (r *renderMemo) sourceLines(i int) *lineKey {
	if r == nil {
		return nil
	}
	return &lineKey{r.m.sources, r.sources, r.sourceDigests[i]}
}

// line returns the line k names as the last render made it, or makes it.
// It is called by one goroutine at a time.
func (r *renderMemo) line(k *lineKey, make func() ([]byte, error)) ([]byte, error) {
	if k == nil {
		return make()
	}
	if b, ok := k.old[k.key]; ok {
		k.next[k.key] = b
		return b, nil
	}
	b, err := make()
	if err == nil {
		k.next[k.key] = b
	}
	return b, err
}

// wholeSite reports whether the layout t, executed from base.html, can
// reach the site's lists of events or sources, so that its pages may
// show anything of the site: a field chain through Site other than to
// one of its scalar fields (including .Site itself, handed on whole), or
// a call of a function that looks events or sources up. Only templates
// base.html can reach are looked at, through {{template}} and {{block}}.
func wholeSite(t *template.Template) bool {
	seen := map[string]bool{}
	todo := []string{baseLayout}
	for len(todo) > 0 {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[name] {
			continue
		}
		seen[name] = true
		u := t.Lookup(name)
		if u == nil || u.Tree == nil || u.Tree.Root == nil {
			continue
		}
		if nodeWholeSite(u.Tree.Root, &todo) {
			return true
		}
	}
	return false
}

// siteScalarFields are the fields of Site a layout may read without
// depending on the site's events and sources.
var siteScalarFields = []string{"Title", "Description", "BaseURL", "Generator", "Order", "RelativeURLs"}

// lookupFuncs are the layout functions that look events or sources up by
// ID or list them (see siteIndex.funcs).
var lookupFuncs = []string{"event", "source", "sources", "keyEvents", "sourceNumber"}

// nodeWholeSite reports whether the node n reaches the whole site (see
// wholeSite), adding the templates it invokes to todo.
func nodeWholeSite(n parse.Node, todo *[]string) bool {
	chain := func(idents []string) bool {
		for i, id := range idents {
			if id == "Site" && (i+1 == len(idents) || !slices.Contains(siteScalarFields, idents[i+1])) {
				return true
			}
		}
		return false
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if nodeWholeSite(c, todo) {
				return true
			}
		}
	case *parse.ActionNode:
		return nodeWholeSite(n.Pipe, todo)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if nodeWholeSite(c, todo) {
				return true
			}
		}
	case *parse.CommandNode:
		if name, ok := cachedPartial(n); ok {
			*todo = append(*todo, name)
		} else if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "partialCached" {
			return true // a template the layout does not name: it could be any
		}
		for _, a := range n.Args {
			if nodeWholeSite(a, todo) {
				return true
			}
		}
	case *parse.IfNode:
		return branchWholeSite(&n.BranchNode, todo)
	case *parse.RangeNode:
		return branchWholeSite(&n.BranchNode, todo)
	case *parse.WithNode:
		return branchWholeSite(&n.BranchNode, todo)
	case *parse.TemplateNode:
		*todo = append(*todo, n.Name)
		return nodeWholeSite(n.Pipe, todo)
	case *parse.FieldNode:
		return chain(n.Ident)
	case *parse.VariableNode:
		return chain(n.Ident)
	case *parse.ChainNode:
		return nodeWholeSite(n.Node, todo) || chain(n.Field)
	case *parse.IdentifierNode:
		return slices.Contains(lookupFuncs, n.Ident)
	}
	return false
}

// cachedPartial returns the name of the template a partialCached call
// executes, from its arguments, and whether it is a string the layout
// names.
func cachedPartial(cmd *parse.CommandNode) (string, bool) {
	if len(cmd.Args) < 2 {
		return "", false
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "partialCached" {
		return "", false
	}
	name, ok := cmd.Args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return name.Text, true
}

func branchWholeSite(b *parse.BranchNode, todo *[]string) bool {
	return nodeWholeSite(b.Pipe, todo) || nodeWholeSite(b.List, todo) || nodeWholeSite(b.ElseList, todo)
}
