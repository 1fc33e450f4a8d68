package fault

import "strings"

// Reasons (Reject) shared by several packages.
const (
	// A choice outside its list; {options} lists the allowed values as the
	// user types them (they are the same words in both languages).
	ReasonChoose   Code = "reason_choose"
	ReasonNegative Code = "reason_negative"
	// A code or name already used by another item; {value} is it.
	ReasonTaken Code = "reason_taken"
	// The word that joins the last of a list of choices ("atau" / "or").
	WordOr Code = "word_or"
)

// Choose refuses a value outside its list, naming the allowed values as the
// user types them, joined per language ("a, b, atau c" / "a, b or c").
func Choose(field string, options ...string) *Error {
	return Reject(field, ReasonChoose).WithList("options", options...)
}

// join lists items the way lang does: "a, b, atau c" / "a, b or c".
func join(items []string, lang Lang) string {
	and := catalog[WordOr].id
	if lang == EN {
		and = catalog[WordOr].en
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	head := strings.Join(items[:len(items)-1], ", ")
	if len(items) > 2 && lang == ID {
		head += ","
	}
	return head + " " + and + " " + items[len(items)-1]
}
