package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/html/charset"
)

// FetchOptions bound what Fetch downloads. Zero fields take defaults: 50
// MiB, 60 s, 5 redirects, a Lectern user agent.
type FetchOptions struct {
	// AllowPrivate lets Fetch connect to loopback, private and other
	// internal addresses (tests, a reading list served on a LAN). Off, a
	// user's URL can never reach the machine's own services (the model
	// server) or a cloud metadata address.
	AllowPrivate bool
	// MaxBytes is the largest body accepted.
	MaxBytes int64
	// Timeout bounds the whole download, redirects included.
	Timeout time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// MaxRedirects is the most redirects followed; a negative value
	// follows none.
	MaxRedirects int
}

// FetchedFile is a downloaded document, ready to be saved and extracted.
type FetchedFile struct {
	// Name is a safe file name to save it under (letters, digits, ".",
	// "-", "_"), with the extension its content type calls for.
	Name string
	// URL is the final URL, after redirects.
	URL string
	// ContentType is the media type the server gave (or the one sniffed
	// when it gave none useful), without parameters.
	ContentType string
	// Data is the body.
	Data []byte
}

const (
	defaultFetchBytes     = 50 << 20
	defaultFetchTimeout   = 60 * time.Second
	defaultFetchRedirects = 5
	defaultUserAgent      = "Lectern/1.0 (reading-list fetcher)"
)

// Fetch downloads rawURL (http or https only) for the reading list, or
// says in a sentence why not. Every connection — the first and each
// redirect's — is checked at connect time against internal addresses
// (loopback, private, link-local, unique-local, CGNAT, multicast,
// unspecified, the cloud metadata addresses) unless opts.AllowPrivate, so
// neither a redirect nor a DNS answer that changes can get round it. The
// body must be a kind Lectern reads (HTML, PDF, EPUB, DOCX, text,
// Markdown) and within opts.MaxBytes; the whole download within
// opts.Timeout. Discord attachments are fetched the same way, from the URL
// Discord gives.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions) (FetchedFile, error) {
	return fetch(ctx, rawURL, opts, addressPolicy(opts.AllowPrivate))
}

// fetch is Fetch with the check of each address to connect to given.
func fetch(ctx context.Context, rawURL string, opts FetchOptions, allowed func(netip.AddrPort) error) (FetchedFile, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = defaultFetchBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultFetchTimeout
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = defaultFetchRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = defaultUserAgent
	}
	u, err := checkFetchURL(rawURL, allowed)
	if err != nil {
		return FetchedFile{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()

	dialer := &net.Dialer{
		Timeout: opts.Timeout,
		// Control runs after the name is resolved and before connecting,
		// for every address tried: the check cannot be got round.
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("unexpected address %q", address)
			}
			return allowed(ap)
		},
	}
	transport := &http.Transport{
		Proxy:                  nil, // a proxy would connect for us, unchecked
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    opts.Timeout,
		ResponseHeaderTimeout:  opts.Timeout,
		MaxResponseHeaderBytes: 1 << 20,
		DisableKeepAlives:      true,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if opts.MaxRedirects < 0 || len(via) > opts.MaxRedirects {
				return fmt.Errorf("the address redirects more than %d times", max(opts.MaxRedirects, 0))
			}
			_, err := checkFetchURL(req.URL.String(), allowed)
			return err
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return FetchedFile{}, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,application/epub+zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return FetchedFile{}, fetchError(u, opts, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return FetchedFile{}, fmt.Errorf("fetch %s: the server answered %s", final.Redacted(), resp.Status)
	}
	if resp.ContentLength > opts.MaxBytes {
		return FetchedFile{}, fmt.Errorf("fetch %s: %w: the file is %s; the limit is %s", final.Redacted(), ErrTooLarge, byteSize(resp.ContentLength), byteSize(opts.MaxBytes))
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return FetchedFile{}, fetchError(final, opts, err)
	}
	if int64(len(data)) > opts.MaxBytes {
		return FetchedFile{}, fmt.Errorf("fetch %s: %w: the file is over the limit of %s", final.Redacted(), ErrTooLarge, byteSize(opts.MaxBytes))
	}
	mediaType, ext, err := documentKind(resp.Header.Get("Content-Type"), final, data)
	if err != nil {
		return FetchedFile{}, fmt.Errorf("fetch %s: %w", final.Redacted(), err)
	}
	if data, err = textToUTF8(mediaType, resp.Header.Get("Content-Type"), data); err != nil {
		return FetchedFile{}, fmt.Errorf("fetch %s: %w", final.Redacted(), err)
	}
	return FetchedFile{
		Name:        fetchedName(resp.Header.Get("Content-Disposition"), final, ext),
		URL:         final.String(),
		ContentType: mediaType,
		Data:        data,
	}, nil
}

// utf8BOM marks a file as UTF-8, for readers that would otherwise follow
// the page's own <meta charset>.
const utf8BOM = "\uFEFF"

// textToUTF8 re-encodes a text download (HTML, plain text, Markdown) whose
// Content-Type names a charset other than UTF-8, since the file saved
// keeps no header: HTML then starts with a byte-order mark, which readers
// put above any <meta charset> the page still carries.
func textToUTF8(mediaType, contentType string, data []byte) ([]byte, error) {
	if !strings.HasPrefix(mediaType, "text/") && mediaType != "application/xhtml+xml" {
		return data, nil
	}
	_, params, err := mime.ParseMediaType(contentType)
	label := strings.ToLower(strings.TrimSpace(params["charset"]))
	if err != nil || label == "" || label == "utf-8" || label == "utf8" || bytes.HasPrefix(data, []byte(utf8BOM)) {
		return data, nil
	}
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("the server names a character set Lectern does not know (%q)", label)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("the text is not in the %s it claims: %w", label, err)
	}
	if mediaType == "text/html" || mediaType == "application/xhtml+xml" {
		out = append([]byte(utf8BOM), out...)
	}
	return out, nil
}

// checkFetchURL parses rawURL and refuses what Lectern does not fetch:
// schemes other than http and https, no host, and hosts written as an
// internal IP address (refused before any connection; names are checked
// when their addresses are connected to).
func checkFetchURL(rawURL string, allowed func(netip.AddrPort) error) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("%q is not a web address: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return nil, fmt.Errorf("%q is not a web address: it should start with https://", rawURL)
		}
		return nil, fmt.Errorf("Lectern fetches only http and https addresses, not %s:", u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return nil, fmt.Errorf("%q is not a web address: it names no host", rawURL)
	}
	if addr, err := netip.ParseAddr(host); err == nil {
		port := uint16(80)
		if u.Scheme == "https" {
			port = 443
		}
		if p, err := strconv.ParseUint(u.Port(), 10, 16); err == nil {
			port = uint16(p)
		}
		if err := allowed(netip.AddrPortFrom(addr, port)); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// internalAddressError refuses an address Lectern must not connect to.
type internalAddressError struct {
	addr netip.Addr
	kind string
}

func (e *internalAddressError) Error() string {
	return fmt.Sprintf("the address is internal (%s, %s): Lectern only fetches public web pages", e.addr, e.kind)
}

// addressPolicy returns the check Fetch applies to every address it
// connects to.
func addressPolicy(allowPrivate bool) func(netip.AddrPort) error {
	return func(ap netip.AddrPort) error {
		if allowPrivate {
			return nil
		}
		addr := ap.Addr()
		if kind := internalKind(addr); kind != "" {
			return &internalAddressError{addr: addr, kind: kind}
		}
		return nil
	}
}

// otherInternal are internal ranges netip has no predicate for.
var otherInternal = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "a \"this network\" address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address"},
	{netip.MustParsePrefix("192.0.2.0/24"), "a documentation address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("198.51.100.0/24"), "a documentation address"},
	{netip.MustParsePrefix("203.0.113.0/24"), "a documentation address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("100::/64"), "a discard address"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
}

// metadataAddresses are the cloud instance-metadata services.
var metadataAddresses = map[netip.Addr]bool{
	netip.MustParseAddr("169.254.169.254"): true,
	netip.MustParseAddr("fd00:ec2::254"):   true,
	netip.MustParseAddr("100.100.100.200"): true, // Alibaba Cloud
}

// nat64 is the well-known prefix that embeds an IPv4 address in IPv6.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// internalKind names the kind of internal address addr is, or "" for a
// public one. IPv4 addresses mapped into IPv6 (::ffff:a.b.c.d, NAT64) are
// judged as the IPv4 address they carry.
func internalKind(addr netip.Addr) string {
	addr = addr.WithZone("")
	if addr.Is4In6() {
		addr = addr.Unmap()
	}
	if nat64.Contains(addr) {
		b := addr.As16()
		addr = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	switch {
	case !addr.IsValid():
		return "an invalid address"
	case metadataAddresses[addr]:
		return "the cloud metadata address"
	case addr.IsUnspecified():
		return "the unspecified address"
	case addr.IsLoopback():
		return "a loopback address"
	case addr.IsPrivate():
		if addr.Is6() {
			return "a unique-local address"
		}
		return "a private address"
	case addr.IsLinkLocalUnicast():
		return "a link-local address"
	case addr.IsMulticast(), addr.IsLinkLocalMulticast(), addr.IsInterfaceLocalMulticast():
		return "a multicast address"
	case addr == netip.MustParseAddr("255.255.255.255"):
		return "the broadcast address"
	}
	for _, r := range otherInternal {
		if r.prefix.Contains(addr) {
			return r.kind
		}
	}
	return ""
}

// fetchError turns a failed request into a sentence.
func fetchError(u *url.URL, opts FetchOptions, err error) error {
	var internal *internalAddressError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &internal):
		return fmt.Errorf("fetch %s: %w", u.Redacted(), internal)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return fmt.Errorf("fetch %s: the page did not arrive within %v", u.Redacted(), opts.Timeout)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("fetch %s: %w", u.Redacted(), context.Canceled)
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return fmt.Errorf("fetch %s: there is no such host as %s", u.Redacted(), dnsErr.Name)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetch %s: %w", u.Redacted(), err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// documentTypes maps the media types Lectern reads to the extension a
// fetched file is saved with.
var documentTypes = map[string]string{
	"text/html":             ".html",
	"application/xhtml+xml": ".html",
	"application/pdf":       ".pdf",
	"application/epub+zip":  ".epub",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"text/plain":      ".txt",
	"text/markdown":   ".md",
	"text/x-markdown": ".md",
}

// sniffOrder is the order in which documentKind tries the media types
// for a download whose server did not name one.
var sniffOrder = []string{"text/html", "application/pdf", "application/epub+zip",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/markdown", "text/plain"}

// documentKind is the media type and extension of a download, from its
// Content-Type. A server that says only "some bytes"
// (application/octet-stream, application/zip, or nothing) is believed
// when the URL's extension is one Lectern reads and the bytes look like
// it; anything else is refused.
func documentKind(contentType string, u *url.URL, data []byte) (string, string, error) {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType = ""
	}
	mediaType = strings.ToLower(mediaType)
	urlExt := strings.ToLower(path.Ext(u.Path))
	if ext, ok := documentTypes[mediaType]; ok {
		if ext == ".txt" && (urlExt == ".md" || urlExt == ".markdown") {
			ext = ".md"
		}
		return mediaType, ext, nil
	}
	switch mediaType {
	case "", "application/octet-stream", "binary/octet-stream", "application/zip", "application/x-zip-compressed", "application/x-download", "application/download":
		sniffed := strings.ToLower(http.DetectContentType(data))
		for _, mt := range sniffOrder {
			ext := documentTypes[mt]
			if ext != urlExt && !(urlExt == ".htm" && ext == ".html") && !(urlExt == ".markdown" && ext == ".md") {
				continue
			}
			if looksLike(ext, sniffed) {
				return mt, ext, nil
			}
		}
		if urlExt == "" && strings.HasPrefix(sniffed, "text/html") {
			return "text/html", ".html", nil
		}
	}
	shown := mediaType
	if shown == "" {
		shown = "no content type"
	}
	return "", "", fmt.Errorf("%w: the address gives %s, which Lectern does not read (it reads web pages, PDF, EPUB, Word .docx, text and Markdown)", ErrUnsupported, shown)
}

// looksLike reports whether sniffed (http.DetectContentType's verdict)
// fits a file with extension ext.
func looksLike(ext, sniffed string) bool {
	switch ext {
	case ".pdf":
		return strings.HasPrefix(sniffed, "application/pdf")
	case ".epub", ".docx":
		return strings.HasPrefix(sniffed, "application/zip")
	case ".html":
		return strings.HasPrefix(sniffed, "text/")
	case ".txt", ".md":
		return strings.HasPrefix(sniffed, "text/plain")
	}
	return false
}

// fetchedName is a safe file name for a download: the file name the
// server suggests, else the last part of the URL's path, else its host,
// reduced to letters, digits, ".", "-" and "_", with ext.
func fetchedName(disposition string, u *url.URL, ext string) string {
	base := ""
	if _, params, err := mime.ParseMediaType(disposition); err == nil {
		base = path.Base(strings.ReplaceAll(params["filename"], `\`, "/"))
	}
	if safeName(base) == "" {
		base = path.Base(u.Path)
	}
	name := safeName(strings.TrimSuffix(base, path.Ext(base)))
	if name == "" {
		name = safeName(u.Hostname())
	}
	if name == "" {
		name = "download"
	}
	return name + ext
}

// safeName keeps the letters, digits, ".", "-" and "_" of s (other runs
// become one "-"), trimmed of dots and dashes, at most 80 bytes.
func safeName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	out := strings.Trim(b.String(), ".-")
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], ".-")
	}
	return out
}

// byteSize writes n bytes for people: "12.3 MB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
