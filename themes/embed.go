// Package themes holds the themes built into the timeline binary.
//
// A site's own theme (themes/NAME/ in the site) overrides the built-in
// default file by file; see render.Layers.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default is the built-in default theme, rooted at its directory: it holds
// layouts/ (html/template files) and static/ (copied to the site root), so
// the binary can build a site with no theme on disk.
var Default fs.FS = mustSub(embedded, "default")

// mustSub roots fsys at dir; dir is a constant, so failure is a programming
// error.
func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic("themes: " + err.Error())
	}
	return sub
}
