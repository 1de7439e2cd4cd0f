package annotate

// Append adds another batch's contents to b.
func (b *Batch) Append(o *Batch) {
	b.Labels = append(b.Labels, o.Labels...)
	b.Documents = append(b.Documents, o.Documents...)
	b.Spans = append(b.Spans, o.Spans...)
	for k, n := range o.Skipped {
		b.Skip(k, n)
	}
}

// Skip counts n items of a kind that the file held but Gloss cannot
// represent, such as "relations", so the importer can tell the user.
func (b *Batch) Skip(kind string, n int) {
	if n == 0 {
		return
	}
	if b.Skipped == nil {
		b.Skipped = map[string]int{}
	}
	b.Skipped[kind] += n
}
