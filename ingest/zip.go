package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// zipArchive reads the entries of a zip (EPUB, DOCX) within Limits: at most
// lim.MaxEntries entries, and at most lim.MaxUncompressed bytes unpacked
// from all of them together, counted as they are read (the sizes a zip's
// headers claim are not trusted).
type zipArchive struct {
	entries  map[string]*zip.File
	names    []string // in the zip's order
	lim      Limits
	unpacked int64
}

// openZip opens data as a zip archive. Entry names are sanitised: back
// slashes become slashes, and a name that is absolute or climbs out with
// ".." is left out (nothing is ever written to disk; this only keeps such
// names from matching a path a manifest asks for).
func openZip(data []byte, lim Limits) (*zipArchive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a readable zip archive (truncated or damaged?): %w", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fmt.Errorf("%w: the archive has %d entries; the limit is %d", ErrTooLarge, len(zr.File), lim.MaxEntries)
	}
	z := &zipArchive{entries: map[string]*zip.File{}, lim: lim}
	for _, f := range zr.File {
		name, ok := cleanEntryName(f.Name)
		if !ok {
			continue
		}
		if _, dup := z.entries[name]; dup {
			continue // the first of two entries with one name wins
		}
		z.entries[name] = f
		z.names = append(z.names, name)
	}
	return z, nil
}

// cleanEntryName returns the clean form of a zip entry's name, or false
// for a name that must not be used (absolute, climbing out, NUL bytes,
// a folder).
func cleanEntryName(name string) (string, bool) {
	name = strings.ReplaceAll(name, `\`, "/")
	if name == "" || strings.ContainsRune(name, 0) || strings.HasPrefix(name, "/") || strings.HasSuffix(name, "/") {
		return "", false
	}
	if len(name) >= 2 && name[1] == ':' { // C:/…
		return "", false
	}
	clean := path.Clean(name)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", false
	}
	return clean, true
}

// has reports whether the archive holds an entry called name.
func (z *zipArchive) has(name string) bool {
	_, ok := z.entries[name]
	return ok
}

// read returns the unpacked bytes of the entry called name, counting them
// against lim.MaxUncompressed for the whole archive.
func (z *zipArchive) read(ctx context.Context, name string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, ok := z.entries[name]
	if !ok {
		return nil, fmt.Errorf("the archive has no %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s in the archive: %w", name, err)
	}
	defer rc.Close()
	left := z.lim.MaxUncompressed - z.unpacked
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(&ctxReader{ctx, rc}, left+1))
	z.unpacked += n
	if n > left {
		return nil, fmt.Errorf("%w: the archive unpacks to more than %d bytes (a zip bomb?)", ErrTooLarge, z.lim.MaxUncompressed)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("unpack %s from the archive (damaged?): %w", name, err)
	}
	return buf.Bytes(), nil
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > 64<<10 {
		p = p[:64<<10]
	}
	return c.r.Read(p)
}

// newXMLDecoder returns a decoder for untrusted XML: HTML's named entities
// are known (XHTML uses &nbsp; and friends), and the charset must be
// UTF-8 or declared as such. A decoder that is not strict forgives
// unclosed and mismatched tags.
func newXMLDecoder(data []byte, strict bool) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = strict
	d.Entity = xml.HTMLEntity
	if !strict {
		d.AutoClose = xml.HTMLAutoClose
	}
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return input, nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", charset)
	}
	return d
}

// xmlTokens calls fn for every token of data, nesting no deeper than
// maxDepth, and stops at the first error fn returns.
func xmlTokens(ctx context.Context, data []byte, maxDepth int, fn func(tok xml.Token, depth int) error) error {
	return decodeTokens(ctx, newXMLDecoder(data, false), maxDepth, fn)
}

// decodeTokens calls fn for every token d reads, as xmlTokens does.
func decodeTokens(ctx context.Context, d *xml.Decoder, maxDepth int, fn func(tok xml.Token, depth int) error) error {
	depth := 0
	for i := 0; ; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("broken XML: %w", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("%w: XML nested deeper than %d elements", ErrTooLarge, maxDepth)
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(tok, depth); err != nil {
			return err
		}
	}
}

// decodeXML unmarshals data into v after checking its nesting depth.
func decodeXML(ctx context.Context, data []byte, maxDepth int, v any) error {
	if err := xmlTokens(ctx, data, maxDepth, func(xml.Token, int) error { return nil }); err != nil {
		return err
	}
	if err := newXMLDecoder(data, false).Decode(v); err != nil {
		return fmt.Errorf("broken XML: %w", err)
	}
	return nil
}
