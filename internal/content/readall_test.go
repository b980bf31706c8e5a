package content

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
)

// cancelling is a file system that cancels a context when the nth file is
// opened, so that a read is cancelled in its midst whatever the speed of
// the machine.
type cancelling struct {
	fs.FS
	opened atomic.Int64
	n      int64
	cancel context.CancelFunc
}

func (c *cancelling) Open(name string) (fs.File, error) {
	if c.opened.Add(1) == c.n {
		c.cancel()
	}
	return c.FS.Open(name)
}

// TestReadCancelled checks that cancelling the context stops the read of
// a large content directory promptly, with the context's error.
func TestReadCancelled(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 2000 {
		text := fmt.Sprintf("+++\ntitle = \"Report %d\"\n+++\nThe council met for the %dth time on Monday.\n", i, i)
		files[fmt.Sprintf("a%04d.md", i)] = &fstest.MapFile{Data: []byte(text)}
	}
	ctx, cancel := context.WithCancel(context.Background())
	fsys := &cancelling{FS: files, n: 100, cancel: cancel}
	var err error
	start := time.Now()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _, err = Read(ctx, Options{FS: fsys, ContentDir: "content"})
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Read did not return within 5s of being cancelled")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancel = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Read took %v, cancelled at its 100th file", d)
	}
}
