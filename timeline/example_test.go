package timeline_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/timeline-ssg/timeline/timeline"
)

// Build the demo site of this repository (its site.toml and content/)
// into a directory of its own.
func ExampleBuild() {
	dst, err := os.MkdirTemp("", "timeline-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dst)
	sum, err := timeline.Build(context.Background(), timeline.Options{
		SiteDir:     "..",
		Destination: filepath.Join(dst, "public"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d articles, %d sources, %d events, %d warnings\n", sum.Articles, sum.Sources, sum.Events, len(sum.Warnings))
	if _, err := os.Stat(filepath.Join(dst, "public", "timeline.json")); err == nil {
		fmt.Println("wrote timeline.json")
	}
	// Output:
	// 5 articles, 4 sources, 13 events, 0 warnings
	// wrote timeline.json
}
