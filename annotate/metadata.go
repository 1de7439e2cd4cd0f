package annotate

import (
	"bytes"
	"encoding/json"
)

// DecodeMetadata decodes document metadata stored as a JSON object,
// keeping every number exactly as written (a json.Number, which encodes
// back unchanged) instead of rounding it to a float64: an identifier such
// as 1234567890123456789 survives import, storage and export.
func DecodeMetadata(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var md map[string]any
	if err := dec.Decode(&md); err != nil {
		return nil, err
	}
	return md, nil
}
