package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingServer starts an HTTP server on 127.0.0.1 and counts the
// requests it is sent.
func countingServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestFetchDownloadsDocuments(t *testing.T) {
	pdf := "%PDF-1.4\n1 0 obj<<>>endobj\n"
	zipBytes := string(buildZip(t, []zipEntry{{name: "mimetype", data: "application/epub+zip"}}))
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/history/river-guilds":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<html><body><p>Article.</p></body></html>")
		case "/papers/Report 2023 (final).PDF":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, pdf)
		case "/attachments/1/2/book.epub":
			w.Header().Set("Content-Type", "application/octet-stream") // as some servers do
			fmt.Fprint(w, zipBytes)
		case "/dl":
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
			w.Header().Set("Content-Disposition", `attachment; filename="../../Minutes of the guild.docx"`)
			fmt.Fprint(w, zipBytes)
		case "/latin1":
			w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
			fmt.Fprint(w, "<html><head><meta charset=\"shift_jis\"></head><body><p>caf\xe9</p></body></html>")
		case "/notes.md":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, "# Notes")
		case "/old":
			http.Redirect(w, r, "/history/river-guilds", http.StatusMovedPermanently)
		case "/":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<p>home</p>")
		default:
			http.NotFound(w, r)
		}
	})
	tests := []struct {
		path, name, contentType, finalPath string
	}{
		{"/history/river-guilds", "river-guilds.html", "text/html", "/history/river-guilds"},
		{"/papers/Report%202023%20(final).PDF", "Report-2023-final.pdf", "application/pdf", "/papers/Report 2023 (final).PDF"},
		{"/attachments/1/2/book.epub?ex=123&is=456", "book.epub", "application/epub+zip", "/attachments/1/2/book.epub"},
		{"/dl", "Minutes-of-the-guild.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "/dl"},
		{"/notes.md", "notes.md", "text/plain", "/notes.md"},
		{"/latin1", "latin1.html", "text/html", "/latin1"},
		{"/old", "river-guilds.html", "text/html", "/history/river-guilds"},
		{"/", "127.0.0.1.html", "text/html", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f, err := Fetch(context.Background(), srv.URL+tt.path, FetchOptions{AllowPrivate: true})
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != tt.name || f.ContentType != tt.contentType {
				t.Errorf("name %q, type %q; want %q, %q", f.Name, f.ContentType, tt.name, tt.contentType)
			}
			u, err := url.Parse(f.URL)
			if err != nil || u.Path != tt.finalPath {
				t.Errorf("final URL %q, want the path %q", f.URL, tt.finalPath)
			}
			if len(f.Data) == 0 {
				t.Error("no data")
			}
			if tt.path == "/latin1" {
				doc, err := Extract(context.Background(), f.Name, f.Data, Limits{})
				if err != nil || !strings.Contains(doc.Text, "café") {
					t.Errorf("a page served as Latin-1 reads %q, %v", doc.Text, err)
				}
			}
		})
	}
}

func TestFetchRefusals(t *testing.T) {
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			body := strings.Repeat("<p>word</p>", 1000)
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", fmt.Sprint(len(body)))
			fmt.Fprint(w, body)
		case "/big-unannounced":
			w.Header().Set("Content-Type", "text/html")
			w.(http.Flusher).Flush() // no Content-Length
			fmt.Fprint(w, strings.Repeat("<p>word</p>", 1000))
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			fmt.Fprint(w, "\x89PNG")
		case "/exe":
			w.Header().Set("Content-Type", "application/octet-stream")
			fmt.Fprint(w, "MZ\x90\x00binary")
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case "/slow":
			<-r.Context().Done()
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		}
	})
	tests := []struct {
		name, url string
		opts      FetchOptions
		want      string // in the error
		err       error
	}{
		{"over the size limit, announced", srv.URL + "/big", FetchOptions{MaxBytes: 100}, "the limit is 100 bytes", ErrTooLarge},
		{"over the size limit, not announced", srv.URL + "/big-unannounced", FetchOptions{MaxBytes: 100}, "over the limit", ErrTooLarge},
		{"an image", srv.URL + "/image", FetchOptions{}, "the address gives image/png, which Lectern does not read", ErrUnsupported},
		{"bytes that are none of the formats", srv.URL + "/exe", FetchOptions{}, "application/octet-stream", ErrUnsupported},
		{"a redirect loop", srv.URL + "/loop", FetchOptions{MaxRedirects: 3}, "redirects more than 3 times", nil},
		{"no redirects allowed", srv.URL + "/loop", FetchOptions{MaxRedirects: -1}, "redirects more than 0 times", nil},
		{"a redirect to a file", srv.URL + "/to-file", FetchOptions{}, "only http and https", nil},
		{"too slow", srv.URL + "/slow", FetchOptions{Timeout: 300 * time.Millisecond}, "did not arrive within 300ms", nil},
		{"an error status", srv.URL + "/gone", FetchOptions{}, "the server answered 410 Gone", nil},
		{"not http", "ftp://example.org/a.pdf", FetchOptions{}, "only http and https addresses, not ftp:", nil},
		{"no scheme", "example.org/a.pdf", FetchOptions{}, "should start with https://", nil},
		{"no host", "https:///a.pdf", FetchOptions{}, "names no host", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.AllowPrivate = true
			_, err := Fetch(context.Background(), tt.url, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

func TestFetchRefusesInternalAddresses(t *testing.T) {
	srv, hits := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>secret model server page</p>")
	})
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	tests := []struct {
		name, url, want string
	}{
		{"loopback by address", srv.URL + "/", "the address is internal (127.0.0.1, a loopback address): Lectern only fetches public web pages"},
		{"loopback by name, refused when its address is connected to", fmt.Sprintf("http://localhost:%d/", port), "internal"},
		{"IPv6 loopback", fmt.Sprintf("http://[::1]:%d/", port), "internal (::1, a loopback address)"},
		{"IPv4 mapped in IPv6", fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), "a loopback address"},
		{"private", "http://10.1.2.3/", "internal (10.1.2.3, a private address)"},
		{"cloud metadata", "http://169.254.169.254/latest/meta-data/", "internal (169.254.169.254, the cloud metadata address)"},
		{"cloud metadata over IPv6", "http://[fd00:ec2::254]/", "the cloud metadata address"},
		{"unspecified", fmt.Sprintf("http://0.0.0.0:%d/", port), "the unspecified address"},
		{"IPv6 link-local with a zone", "http://[fe80::1%25eth0]/", "a link-local address"},
		{"loopback written as one number (refused or unresolved, never connected)", fmt.Sprintf("http://2130706433:%d/", port), "fetch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Fetch(context.Background(), tt.url, FetchOptions{Timeout: 5 * time.Second})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server was sent %d requests; refusals must come before connecting", n)
	}
}

func TestFetchRefusesARedirectToAnInternalAddress(t *testing.T) {
	internal, internalHits := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>internal</p>")
	})
	public, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-internal":
			http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/", http.StatusFound)
		}
	})
	// Both servers listen on 127.0.0.1; the test plays that the one on
	// public's port is a public address and every other address is judged
	// as Fetch judges it, so the redirect goes through the same check.
	publicPort := public.Listener.Addr().(*net.TCPAddr).Port
	policy := addressPolicy(false)
	check := func(ap netip.AddrPort) error {
		if ap.Addr().IsLoopback() && ap.Port() == uint16(publicPort) {
			return nil
		}
		return policy(ap)
	}
	for _, path := range []string{"/to-internal", "/to-metadata"} {
		t.Run(path, func(t *testing.T) {
			_, err := fetch(context.Background(), public.URL+path, FetchOptions{}, check)
			if err == nil || !strings.Contains(err.Error(), "the address is internal") {
				t.Fatalf("err = %v, want a refusal of the internal address", err)
			}
		})
	}
	if n := internalHits.Load(); n != 0 {
		t.Errorf("the internal server was sent %d requests", n)
	}
}

func TestInternalKind(t *testing.T) {
	tests := []struct {
		addr     string
		internal bool
	}{
		{"127.0.0.1", true}, {"127.8.9.10", true}, {"::1", true}, {"10.0.0.1", true}, {"172.16.5.4", true},
		{"172.31.255.255", true}, {"192.168.1.1", true}, {"169.254.169.254", true}, {"169.254.1.1", true},
		{"fe80::1", true}, {"fc00::1", true}, {"fd00:ec2::254", true}, {"100.64.0.1", true}, {"100.127.255.254", true},
		{"224.0.0.1", true}, {"ff02::1", true}, {"0.0.0.0", true}, {"::", true}, {"255.255.255.255", true},
		{"::ffff:10.0.0.1", true}, {"64:ff9b::7f00:1", true}, {"0.1.2.3", true}, {"240.0.0.1", true}, {"198.18.0.1", true},
		{"8.8.8.8", false}, {"1.1.1.1", false}, {"172.32.0.1", false}, {"100.128.0.1", false}, {"192.169.0.1", false},
		{"2606:4700:4700::1111", false}, {"::ffff:8.8.8.8", false}, {"64:ff9b::808:808", false},
	}
	for _, tt := range tests {
		addr := netip.MustParseAddr(tt.addr)
		if got := internalKind(addr) != ""; got != tt.internal {
			t.Errorf("internalKind(%s) = %q; internal %v, want %v", tt.addr, internalKind(addr), got, tt.internal)
		}
	}
}

func TestFetchedName(t *testing.T) {
	tests := []struct {
		disposition, url, ext, want string
	}{
		{"", "https://x.org/a/b/River%20Guilds.htm", ".html", "River-Guilds.html"},
		{"", "https://x.org/", ".html", "x.org.html"},
		{"", "https://x.org/a/", ".html", "a.html"},
		{`attachment; filename="..\..\evil.pdf"`, "https://x.org/dl", ".pdf", "evil.pdf"},
		{`inline; filename="/etc/passwd"`, "https://x.org/dl", ".txt", "passwd.txt"},
		{"", "https://x.org/%2E%2E", ".pdf", "x.org.pdf"},
		{"", "https://x.org/Ngu%E1%BB%85n%20Ph%C3%BA%20Tr%E1%BB%8Dng.pdf", ".pdf", "Ngu-n-Ph-Tr-ng.pdf"},
		{"", "https://x.org/" + strings.Repeat("a", 200), ".md", strings.Repeat("a", 80) + ".md"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := fetchedName(tt.disposition, u, tt.ext); got != tt.want {
			t.Errorf("fetchedName(%q, %s) = %q, want %q", tt.disposition, tt.url, got, tt.want)
		}
	}
}
