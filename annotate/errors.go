package annotate

import (
	"errors"
	"fmt"
)

// Error codes for failures a user can act on. Everything else is an internal
// error and is reported with its wrapped context.
const (
	ENOTFOUND  = "not_found" // the named document, label or span does not exist
	EINVALID   = "invalid"   // the input breaks a rule (offsets, names, encoding)
	ECONFLICT  = "conflict"  // the change clashes with existing data
	EFORBIDDEN = "forbidden" // the user's role in a shared project does not allow it
)

// Error is a domain error: a code a program can branch on and a message a
// researcher can act on.
type Error struct {
	Code    string
	Message string
}

// Error returns the message meant for the user.
func (e *Error) Error() string { return e.Message }

// Errorf returns a domain error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first domain error in err's chain, or ""
// when err is nil or carries no domain error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
