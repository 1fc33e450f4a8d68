package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"selaras/backend/fault"
)

// readPart feeds the handler newHandler makes the elements of an XML part
// of the workbook (a worksheet, the string table): as scanXML reads them,
// or, when scanXML leaves the part, as encoding/xml does, to a fresh
// handler from the start. So for any file the handler ends with what
// encoding/xml gives it, or the same refusal.
func readPart[H xmlHandler](b []byte, newHandler func() H) (H, error) {
	h := newHandler()
	err := scanXML(b, h)
	if errors.Is(err, errUnusual) {
		h = newHandler()
		err = decodeXML(b, h)
	}
	return h, err
}

// xmlHandler takes a part's elements in document order: a start tag with
// its attributes, text (decoded), an end tag (a self-closing tag is both).
// Names are local (no prefix); scanXML names only the elements element
// knows, any other "".
type xmlHandler interface {
	start(name string, a attrs) error
	chars(data []byte) error
	end(name string) error
}

// decodeXML feeds h the elements of a part as encoding/xml reads them.
func decodeXML(b []byte, h xmlHandler) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fault.Wrap(err, fault.FileNotXlsx, "")
		}
		switch e := tok.(type) {
		case xml.StartElement:
			err = h.start(e.Name.Local, xmlAttrs(e.Attr))
		case xml.CharData:
			err = h.chars(e)
		case xml.EndElement:
			err = h.end(e.Name.Local)
		}
		if err != nil {
			return err
		}
	}
}

// xmlAttrs are an element's attributes as encoding/xml reads them; only
// those without a namespace prefix count.
type xmlAttrs []xml.Attr

func (a xmlAttrs) get(name string) string {
	for _, x := range a {
		if x.Name.Local == name && x.Name.Space == "" {
			return x.Value
		}
	}
	return ""
}

// attrs gives an element's attribute by name ("" when absent).
type attrs interface{ get(name string) string }

// scanXML reads a part's XML in one pass over its bytes: the elements,
// attributes and text spreadsheet programs write, with the five named
// entities and character references. encoding/xml's tokenizer spent more
// than the rest of a 10,000-row import's reading (an allocation per token,
// half a million tokens). Whatever scanXML does not know as that plain XML
// (a comment, CDATA, a document type, a prefix it cannot read, a character
// or entity XML refuses, a tag cut short) makes it give up with errUnusual,
// and readPart reads the part again with encoding/xml. FuzzSheetScan holds
// the two to the same result.
func scanXML(b []byte, sb xmlHandler) error {
	s := sheetScanner{b: b}
	for s.i < len(b) {
		if b[s.i] != '<' {
			j := bytes.IndexByte(b[s.i:], '<')
			if j < 0 {
				j = len(b) - s.i
			}
			raw := b[s.i : s.i+j]
			s.i += j
			if bytes.Contains(raw, []byte("]]>")) {
				return errUnusual
			}
			text, ok := s.decode(raw)
			if !ok {
				return errUnusual
			}
			if err := sb.chars(text); err != nil {
				return err
			}
			continue
		}
		if s.i+1 >= len(b) {
			return errUnusual
		}
		var err error
		switch b[s.i+1] {
		case '/':
			err = s.endTag(sb)
		case '?':
			err = s.procInst()
		case '!':
			return errUnusual // a comment, CDATA or a document type
		default:
			err = s.startTag(sb)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// errUnusual: the sheet's XML is left to encoding/xml.
var errUnusual = errors.New("exchange: sheet XML left to encoding/xml")

// sheetScanner is scanXML's place in the bytes, the attributes of the
// tag just read and the text decoded last.
type sheetScanner struct {
	b     []byte
	i     int
	attrs tagAttrs
	buf   []byte
}

// tagAttrs are a start tag's attributes as written (values not yet decoded).
type tagAttrs struct {
	s     *sheetScanner
	names [][]byte
	vals  [][]byte
}

func (a *tagAttrs) get(name string) string {
	for i, n := range a.names {
		if string(n) == name {
			v, _ := a.s.decode(a.vals[i]) // checked when the tag was read
			return string(v)
		}
	}
	return ""
}

// space skips what XML counts as white space between a tag's parts.
func (s *sheetScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// name reads an element or attribute name and returns its local part:
// ASCII letters, digits, '_', '.', '-', at most one prefix before a ':'.
func (s *sheetScanner) name() ([]byte, bool) {
	from, colon := s.i, -1
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case '0' <= c && c <= '9', c == '.', c == '-':
			if s.i == from {
				return nil, false
			}
		case c == ':':
			if colon >= 0 || s.i == from {
				return nil, false
			}
			colon = s.i
		case c >= utf8.RuneSelf:
			return nil, false // a name beyond ASCII: encoding/xml checks it
		default:
			if s.i == from || colon == s.i-1 {
				return nil, false
			}
			if colon >= 0 {
				return s.b[colon+1 : s.i], true
			}
			return s.b[from:s.i], true
		}
		s.i++
	}
	return nil, false
}

// startTag reads <name attr="value" ...> or <name .../>.
func (s *sheetScanner) startTag(sb xmlHandler) error {
	s.i++
	local, ok := s.name()
	if !ok {
		return errUnusual
	}
	s.attrs = tagAttrs{s: s, names: s.attrs.names[:0], vals: s.attrs.vals[:0]}
	empty := false
	for {
		s.space()
		if s.i >= len(s.b) {
			return errUnusual
		}
		if c := s.b[s.i]; c == '>' || c == '/' {
			if c == '/' {
				if s.i+1 >= len(s.b) || s.b[s.i+1] != '>' {
					return errUnusual
				}
				s.i++
				empty = true
			}
			s.i++
			break
		}
		from := s.i
		n, ok := s.name()
		if !ok {
			return errUnusual
		}
		if bytes.IndexByte(s.b[from:s.i], ':') >= 0 {
			n = nil // a prefixed attribute: never one of ours
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '=' {
			return errUnusual
		}
		s.i++
		s.space()
		if s.i >= len(s.b) || (s.b[s.i] != '"' && s.b[s.i] != '\'') {
			return errUnusual
		}
		q := s.b[s.i]
		s.i++
		j := bytes.IndexByte(s.b[s.i:], q)
		if j < 0 {
			return errUnusual
		}
		v := s.b[s.i : s.i+j]
		s.i += j + 1
		if bytes.IndexByte(v, '<') >= 0 {
			return errUnusual
		}
		if _, ok := s.decode(v); !ok {
			return errUnusual
		}
		if n != nil {
			s.attrs.names, s.attrs.vals = append(s.attrs.names, n), append(s.attrs.vals, v)
		}
	}
	name := element(local)
	if err := sb.start(name, &s.attrs); err != nil {
		return err
	}
	if empty {
		return sb.end(name)
	}
	return nil
}

// endTag reads </name>.
func (s *sheetScanner) endTag(sb xmlHandler) error {
	s.i += 2
	local, ok := s.name()
	if !ok {
		return errUnusual
	}
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '>' {
		return errUnusual
	}
	s.i++
	return sb.end(element(local))
}

// procInst skips <?...?> once encoding/xml has read it alone without
// complaint (an XML declaration of another version or encoding is one).
func (s *sheetScanner) procInst() error {
	j := bytes.Index(s.b[s.i:], []byte("?>"))
	if j < 0 {
		return errUnusual
	}
	pi := s.b[s.i : s.i+j+2]
	if _, err := xml.NewDecoder(bytes.NewReader(pi)).RawToken(); err != nil {
		return errUnusual
	}
	s.i += j + 2
	return nil
}

// element names the elements the handlers read ("" for any other), so a
// name needs no string of its own.
func element(local []byte) string {
	switch string(local) {
	case "si":
		return "si"
	case "rPh":
		return "rPh"
	case "row":
		return "row"
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "t":
		return "t"
	case "mergeCell":
		return "mergeCell"
	}
	return ""
}

// decode is raw text or an attribute value as encoding/xml gives it: the
// entities replaced, a CR or CRLF written as LF. It is not ok (and the
// sheet left to encoding/xml) for a character XML does not allow, invalid
// UTF-8, or an entity other than the five named ones and a plain character
// reference. The result is valid until the next decode.
func (s *sheetScanner) decode(raw []byte) ([]byte, bool) {
	plain := true
	for _, c := range raw {
		if c < 0x20 || c == '&' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return raw, true
	}
	out := s.buf[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			r, n, ok := entity(raw[i:])
			if !ok {
				return nil, false
			}
			out = utf8.AppendRune(out, r)
			i += n
			continue
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case c < 0x20 && c != '\t' && c != '\n':
			return nil, false
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(raw[i:])
			if (r == utf8.RuneError && n == 1) || !xmlChar(r) {
				return nil, false
			}
			out = append(out, raw[i:i+n]...)
			i += n
			continue
		default:
			out = append(out, c)
		}
		i++
	}
	s.buf = out
	return out, true
}

// entity reads &lt; &gt; &amp; &apos; &quot; &#65; or &#x41; at the start
// of b: the character and the bytes it took.
func entity(b []byte) (rune, int, bool) {
	end := bytes.IndexByte(b, ';')
	if end < 2 {
		return 0, 0, false
	}
	switch string(b[1:end]) {
	case "lt":
		return '<', end + 1, true
	case "gt":
		return '>', end + 1, true
	case "amp":
		return '&', end + 1, true
	case "apos":
		return '\'', end + 1, true
	case "quot":
		return '"', end + 1, true
	}
	if b[1] != '#' {
		return 0, 0, false
	}
	digits, base := b[2:end], 10
	if len(digits) > 0 && digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, 0, false
	}
	for _, c := range digits {
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, 0, false
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !xmlChar(rune(n)) || (n >= 0xD800 && n <= 0xDFFF) {
		return 0, 0, false
	}
	return rune(n), end + 1, true
}

// xmlChar: r is a character XML allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
