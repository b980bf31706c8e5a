//go:build !unix

package sitefs

import "os"

// openFlags opens a file for reading. There are no named pipes in the
// file system here to wait on.
const openFlags = os.O_RDONLY
