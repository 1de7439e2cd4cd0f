package annotate

import "slices"

// CategorySet is a project-defined set of document labels (classification),
// e.g. topic or stance: one choice of Values, or several when Multi.
type CategorySet struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Multi  bool     `json:"multi"`
	Values []string `json:"values"`
}

// Validate checks the set's name and values.
func (c *CategorySet) Validate() error {
	if err := checkName("category set", c.Name); err != nil {
		return err
	}
	for i, v := range c.Values {
		if err := checkName("category", v); err != nil {
			return Errorf(EINVALID, "category set %q: %v", c.Name, err)
		}
		if slices.Contains(c.Values[:i], v) {
			return Errorf(EINVALID, "category set %q lists %q twice", c.Name, v)
		}
	}
	return nil
}

// Check reports why values cannot be a document's categories of this set:
// a value not in the set, or several values in a single-choice set.
func (c *CategorySet) Check(values []string) error {
	if !c.Multi && len(values) > 1 {
		return Errorf(EINVALID, "category set %q takes one value, not %d", c.Name, len(values))
	}
	for i, v := range values {
		if !slices.Contains(c.Values, v) {
			return Errorf(EINVALID, "category set %q has no value %q", c.Name, v)
		}
		if slices.Contains(values[:i], v) {
			return Errorf(EINVALID, "category set %q: %q given twice", c.Name, v)
		}
	}
	return nil
}
