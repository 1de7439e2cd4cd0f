package annotate

// Append adds another batch's contents to b.
func (b *Batch) Append(o *Batch) {
	b.Labels = append(b.Labels, o.Labels...)
	b.Documents = append(b.Documents, o.Documents...)
	b.Spans = append(b.Spans, o.Spans...)
	b.Relations = append(b.Relations, o.Relations...)
	b.Events = append(b.Events, o.Events...)
	b.Notes = append(b.Notes, o.Notes...)
	b.Equivs = append(b.Equivs, o.Equivs...)
	b.Norms = append(b.Norms, o.Norms...)
	b.RelationTypes = append(b.RelationTypes, o.RelationTypes...)
	b.AttributeDefs = append(b.AttributeDefs, o.AttributeDefs...)
	b.CategorySets = append(b.CategorySets, o.CategorySets...)
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
