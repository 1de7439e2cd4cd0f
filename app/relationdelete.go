package app

import "gloss/annotate"

// deleteSpanAndRelations deletes a span with the relations on it when the
// project holds relations (one undo brings both back), and says how many
// relations went.
func deleteSpanAndRelations(p Project, id string) (int, error) {
	if st, ok := p.(annotate.Structure); ok {
		return st.DeleteSpanWithRelations(id)
	}
	return 0, p.DeleteSpan(id)
}
