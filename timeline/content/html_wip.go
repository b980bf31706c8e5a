//go:build !webpage

package content

import "github.com/timeline-ssg/timeline/timeline/diag"

// TEMPORARY while package webpage is written.
func parseHTML(a *Article, data []byte) []diag.Diagnostic {
	return []diag.Diagnostic{diag.Warnf(a.Path, 0, "skipped: web pages are not read yet")}
}
