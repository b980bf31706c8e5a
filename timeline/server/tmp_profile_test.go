package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/timeline/site"
)

func TestTmpProfileRebuild(t *testing.T) {
	debug.SetGCPercent(300)
	dir := t.TempDir()
	writeBenchSite(t, dir, 10000)
	var cache site.Cache
	opt := site.Options{SiteDir: dir, Cache: &cache}
	build := func() time.Duration {
		start := time.Now()
		r, err := site.Run(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		lap := time.Now()
		if _, _, err := r.Files(&cache); err != nil {
			t.Fatal(err)
		}
		fmt.Println(r.Summary.Stages, "render", time.Since(lap))
		return time.Since(start)
	}
	build()
	f, _ := os.Create("/tmp/rebuild.prof")
	pprof.StartCPUProfile(f)
	for i := range 10 {
		name := filepath.Join(dir, "content", "000", fmt.Sprintf("a%05d.md", i))
		data, _ := os.ReadFile(name)
		data = fmt.Appendf(data, "The clerk added note number %d on %s.\n", i, benchDays[i%7])
		os.WriteFile(name, data, 0o644)
		fmt.Println("rebuild", build())
	}
	pprof.StopCPUProfile()
	f.Close()
}
