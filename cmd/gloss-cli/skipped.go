package main

import "gloss/annotate"

// batchSkipped returns what a reader counted but could not keep.
func batchSkipped(b *annotate.Batch) map[string]int { return nil }
