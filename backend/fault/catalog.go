package fault

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

// catalog.json holds every message and every field label in both languages,
// in one place: "messages" maps a Code to its template ({field} and {name}
// are replaced by the Text's Field and its arguments: values, codes, lists,
// sentences and moments, each worded in the same language), "labels" maps a field key to
// its label. A field key is the aggregate and the JSON name of the field
// ("decision.status"): the message names the field by its label, the
// frontend matches the form item on the JSON name (FieldOf), so neither side
// depends on the other's wording. The Code constants stay in Go, in the
// block of the package that raises them; TestCatalogIsComplete checks that
// each has its entry.
//
//go:embed catalog.json
var catalogJSON []byte

type text struct{ id, en string }

var catalog, labels = mustLoad(catalogJSON)

// mustLoad parses the embedded catalogue; a broken file is a build mistake,
// so it stops the program at start-up with the reason.
func mustLoad(data []byte) (map[Code]text, map[string]text) {
	messages, labels, err := parseCatalog(data)
	if err != nil {
		panic("fault: catalog.json: " + err.Error())
	}
	codes := make(map[Code]text, len(messages))
	for c, t := range messages {
		codes[Code(c)] = t
	}
	return codes, labels
}

// parseCatalog reads {"messages": {...}, "labels": {...}}, each entry
// {"id": ..., "en": ...}, refusing a key given twice (encoding/json would
// keep the last silently).
func parseCatalog(data []byte) (messages, labels map[string]text, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := expectDelim(dec, '{'); err != nil {
		return nil, nil, err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		switch key {
		case "messages":
			messages, err = parseTable(dec, "messages")
		case "labels":
			labels, err = parseTable(dec, "labels")
		default:
			err = fmt.Errorf("unknown section %v", key)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, nil, err
	}
	if messages == nil || labels == nil {
		return nil, nil, fmt.Errorf(`needs both "messages" and "labels"`)
	}
	return messages, labels, nil
}

func parseTable(dec *json.Decoder, section string) (map[string]text, error) {
	if err := expectDelim(dec, '{'); err != nil {
		return nil, fmt.Errorf("%s: %w", section, err)
	}
	table := map[string]text{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", section, err)
		}
		key := tok.(string) // an object's keys are strings
		var e struct {
			ID string `json:"id"`
			EN string `json:"en"`
		}
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", section, key, err)
		}
		if _, dup := table[key]; dup {
			return nil, fmt.Errorf("%s.%s is given twice", section, key)
		}
		table[key] = text{e.ID, e.EN}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, fmt.Errorf("%s: %w", section, err)
	}
	return table, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("expected %q, found %v", want, tok)
	}
	return nil
}
