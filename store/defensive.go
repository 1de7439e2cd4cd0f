package store

/*
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_api_routines sqlite3_api_routines;
extern int sqlite3_db_config(sqlite3*, int op, ...);
extern int sqlite3_auto_extension(void (*xEntryPoint)(void));

// Values from sqlite3.h (stable since SQLite 3.26 and 3.31).
#define GLOSS_DBCONFIG_DEFENSIVE      1010
#define GLOSS_DBCONFIG_TRUSTED_SCHEMA 1017

// glossHarden runs on every SQLite connection this process opens, before
// any SQL: defensive mode (no writable_schema, no journal_mode=OFF, no
// writes to sqlite_dbpage or shadow tables) and an untrusted schema (SQL
// functions with side effects cannot run from views, triggers or CHECK
// constraints stored in the file).
static int glossHarden(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
	int rc = sqlite3_db_config(db, GLOSS_DBCONFIG_DEFENSIVE, 1, (int*)0);
	if (rc == 0) {
		rc = sqlite3_db_config(db, GLOSS_DBCONFIG_TRUSTED_SCHEMA, 0, (int*)0);
	}
	return rc;
}

static int glossRegisterHarden(void) {
	return sqlite3_auto_extension((void (*)(void))glossHarden);
}
*/
import "C"

import (
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// driverName is the database/sql driver every connection of the store
// uses: go-sqlite3 with a check that the connection is hardened.
const driverName = "sqlite3-gloss"

func init() {
	// An auto-extension runs on every connection when it opens, before any
	// other SQL (go-sqlite3 offers no call for sqlite3_db_config).
	if rc := C.glossRegisterHarden(); rc != 0 {
		panic(fmt.Sprintf("store: cannot register SQLite's defensive settings (code %d)", rc))
	}
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: checkHardened})
}

// checkHardened refuses a connection on which defensive mode or the
// untrusted schema did not take effect: in defensive mode SQLite ignores
// writable_schema=ON, and trusted_schema reads 0.
func checkHardened(c *sqlite3.SQLiteConn) error {
	if _, err := c.Exec(`PRAGMA writable_schema = ON`, nil); err != nil {
		return err
	}
	ws, err := pragmaInt(c, "writable_schema")
	if err != nil {
		return err
	}
	if ws != 0 {
		c.Exec(`PRAGMA writable_schema = OFF`, nil)
		return fmt.Errorf("SQLite's defensive mode is not in effect")
	}
	ts, err := pragmaInt(c, "trusted_schema")
	if err != nil {
		return err
	}
	if ts != 0 {
		return fmt.Errorf("SQLite's trusted_schema is not off")
	}
	return nil
}

// pragmaInt reads an integer pragma on a raw connection.
func pragmaInt(c *sqlite3.SQLiteConn, name string) (int64, error) {
	rows, err := c.Query(`PRAGMA `+name, nil)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil {
		return 0, fmt.Errorf("PRAGMA %s: %w", name, err)
	}
	n, _ := v[0].(int64)
	return n, nil
}
