// Package diag carries diagnostics that point at the user's input: a file,
// a line and what is wrong with it. Every stage reports problems with it so
// the command line and the dev server can show them the same way.
package diag

import (
	"fmt"
	"sort"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Warning is reported but the build goes on.
	Warning Severity = iota
	// Error stops the build; the previous site is kept.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem found in one input file.
type Diagnostic struct {
	Severity Severity
	// File is the path of the input, relative to the site root where possible.
	File string
	// Line is 1-based; 0 when the problem concerns the whole file.
	Line int
	// Col is 1-based; 0 when unknown.
	Col     int
	Message string
}

// Error formats the diagnostic as "file:line:col: message", the file name
// as ShowName shows it, so a bidi control in a name cannot reorder the
// message around it.
func (d Diagnostic) Error() string {
	file := ShowName(d.File)
	switch {
	case d.File == "":
		return d.Message
	case d.Line == 0:
		return fmt.Sprintf("%s: %s", file, d.Message)
	case d.Col == 0:
		return fmt.Sprintf("%s:%d: %s", file, d.Line, d.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", file, d.Line, d.Col, d.Message)
}

// Errorf returns an error-severity Diagnostic for file and line.
func Errorf(file string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Error, File: file, Line: line, Message: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning-severity Diagnostic for file and line.
func Warnf(file string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Warning, File: file, Line: line, Message: fmt.Sprintf(format, args...)}
}

// List is a set of diagnostics collected over a build.
type List []Diagnostic

// Errors returns the error-severity diagnostics.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by file, line, column and message so output is
// deterministic whatever order parallel stages reported in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Err returns the list's errors as one error value, or nil when there are
// none. The error's message lists each error on its own line.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return BuildError{Errors: errs}
}

// BuildError is the error a build returns when its input has errors.
type BuildError struct {
	Errors List
}

// Error lists every diagnostic, one a line.
func (e BuildError) Error() string {
	s := ""
	for i, d := range e.Errors {
		if i > 0 {
			s += "\n"
		}
		s += d.Error()
	}
	return s
}
