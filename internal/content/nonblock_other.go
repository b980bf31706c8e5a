//go:build !unix

package content

import "os"

// openFlags opens a file for reading. There are no named pipes in the
// file system here to wait on.
const openFlags = os.O_RDONLY
