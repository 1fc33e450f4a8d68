package fault

import "strings"

// labels names each field key in both languages. A key is the aggregate and
// the JSON name of the field ("decision.status"): the message names the
// field by its label, the frontend matches the form item on the JSON name
// (FieldOf), so neither side depends on the other's wording.
//
// Add keys in the block of the package that raises them, so merges stay easy.
var labels = map[string]text{}

func addLabels(m map[string]text) {
	for k, v := range m {
		if _, dup := labels[k]; dup {
			panic("fault: label " + k + " declared twice")
		}
		labels[k] = v
	}
}

// Reasons (Reject) shared by several packages.
const (
	// A choice outside its list; {options} lists the allowed values as the
	// user types them (they are the same words in both languages).
	ReasonChoose   Code = "reason_choose"
	ReasonNegative Code = "reason_negative"
	// A code or name already used by another item; {value} is it.
	ReasonTaken Code = "reason_taken"
)

// Choose refuses a value outside its list, naming the allowed values as the
// user types them, joined per language ("a, b, atau c" / "a, b or c").
func Choose(field string, options ...string) *Error {
	return Reject(field, ReasonChoose, "options", join(options, "atau"), "optionsEn", join(options, "or"))
}

func join(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	head := strings.Join(items[:len(items)-1], ", ")
	if len(items) > 2 && and == "atau" {
		head += ","
	}
	return head + " " + and + " " + items[len(items)-1]
}

func init() {
	for c, t := range map[Code]text{
		ReasonChoose:   {"pilih {options}", "choose {options}"},
		ReasonNegative: {"tidak boleh negatif", "must not be negative"},
		ReasonTaken:    {"{value} sudah dipakai", "{value} is already used"},
	} {
		catalog[c] = t
	}
}
