package agree

import (
	"encoding/json"
	"math"
	"strconv"
)

// Value is one agreement figure. A figure whose definition divides zero by
// zero (no units, no spans, a constant classification) is undefined: it is
// written as null in JSON, "n/a" in text and an empty cell in CSV, never NaN.
type Value struct {
	X       float64 // the figure; meaningful only when Defined
	Defined bool
}

// Of returns the defined value x, or an undefined Value when x is NaN or
// infinite.
func Of(x float64) Value {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return Value{}
	}
	return Value{X: x, Defined: true}
}

// ratio returns num/den, undefined when den is zero.
func ratio(num, den float64) Value {
	if den == 0 {
		return Value{}
	}
	return Of(num / den)
}

// String formats the value with four decimals, or "n/a" when undefined.
func (v Value) String() string {
	if !v.Defined {
		return "n/a"
	}
	return strconv.FormatFloat(v.X, 'f', 4, 64)
}

// MarshalJSON writes the number, or null when undefined.
func (v Value) MarshalJSON() ([]byte, error) {
	if !v.Defined {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, v.X, 'g', -1, 64), nil
}

// UnmarshalJSON reads a number or null.
func (v *Value) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = Value{}
		return nil
	}
	var x float64
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	*v = Value{X: x, Defined: true}
	return nil
}
