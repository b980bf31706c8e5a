package sitefs

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// slowReader gives n bytes, one a call, waiting before each, as a file
// on a stalled disk or network mount might.
type slowReader struct {
	n    int
	wait time.Duration
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	time.Sleep(r.wait)
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = 'x'
	r.n--
	return 1, nil
}

// TestReadAllStopsWhenCancelled checks that the read of one file stops
// when the context is done, not when the file ends.
func TestReadAllStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := readAll(ctx, &slowReader{n: 3000, wait: time.Millisecond}, 3000, 0)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("readAll = %v, want the context's error", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("readAll took %v after the context was done", d)
	}
}

// TestReadAllBounded checks that a file is read to its end whatever size
// was expected, and that more than maxSize bytes, as from a file that
// grows while it is read, is refused.
func TestReadAllBounded(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 100_000)
	for _, size := range []int64{0, 10, int64(len(data)), 5 << 20} {
		got, err := readAll(context.Background(), bytes.NewReader(data), size, 0)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("size %d: read %d bytes, %v", size, len(got), err)
		}
	}
	if got, err := readAll(context.Background(), bytes.NewReader(data), int64(len(data)), int64(len(data))); err != nil || len(got) != len(data) {
		t.Errorf("at the limit: %d bytes, %v", len(got), err)
	}
	_, err := readAll(context.Background(), bytes.NewReader(data), 10, 1000)
	var skip *SkipError
	if !errors.As(err, &skip) || !strings.Contains(skip.Reason, "maxArticleSize") {
		t.Errorf("past the limit: %v, want a SkipError naming maxArticleSize", err)
	}
}

// TestReadCancelled checks that cancelling the context stops the read of
