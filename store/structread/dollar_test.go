package structread

import "testing"

func TestDollar(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT id FROM t WHERE a = ? AND b = ?`, `SELECT id FROM t WHERE a = $1 AND b = $2`},
		{`INSERT INTO n SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM n WHERE a = ?2 AND b = ?1)`,
			`INSERT INTO n SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM n WHERE a = $2 AND b = $1)`},
		{`SELECT ?2, ?`, `SELECT $2, $3`},
		{`SELECT 'a?b', "c?", ? FROM t WHERE x = 'it''s ?'`, `SELECT 'a?b', "c?", $1 FROM t WHERE x = 'it''s ?'`},
		{`SELECT ?12`, `SELECT $12`},
		{`SELECT 1`, `SELECT 1`},
	} {
		if got := Dollar(c.in); got != c.want {
			t.Errorf("Dollar(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
