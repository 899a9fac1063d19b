package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"strings"
	"testing"
)

// bomb is a zip whose one entry, 8 MiB of zeros, packs into a few KB.
func bomb(t testing.TB) []byte {
	return buildZip(t, []zipEntry{{name: "word/document.xml", data: strings.Repeat("\x00", 8<<20)}})
}

// lyingZip holds an entry whose headers claim 10 bytes while it unpacks
// to 1 MiB.
func lyingZip(t testing.TB) []byte {
	t.Helper()
	content := bytes.Repeat([]byte("a"), 1<<20)
	// Deflate content through an honest archive and lift the bytes.
	var tmp bytes.Buffer
	zw := zip.NewWriter(&tmp)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
	w.Write(content)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(tmp.Bytes()), int64(tmp.Len()))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := zr.File[0].OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	var compressed bytes.Buffer
	compressed.ReadFrom(raw)

	var out bytes.Buffer
	zw = zip.NewWriter(&out)
	rw, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(content), CompressedSize64: uint64(compressed.Len()), UncompressedSize64: 10})
	if err != nil {
		t.Fatal(err)
	}
	rw.Write(compressed.Bytes())
	zw.Close()
	return out.Bytes()
}

func TestZipArchiveLimits(t *testing.T) {
	many := make([]zipEntry, 30)
	for i := range many {
		many[i] = zipEntry{name: strings.Repeat("d/", i%3) + string(rune('a'+i)) + ".xml", data: "<x/>"}
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		read string
		want string
		err  error
	}{
		{name: "a zip bomb is refused while it unpacks", data: bomb(t), lim: Limits{MaxUncompressed: 1 << 20},
			read: "word/document.xml", want: "unpacks to more than 1048576 bytes (a zip bomb?)", err: ErrTooLarge},
		{name: "headers that understate the size are not believed", data: lyingZip(t), lim: Limits{MaxUncompressed: 1 << 30},
			read: "word/document.xml", want: "damaged"},
		{name: "too many entries", data: buildZip(t, many), lim: Limits{MaxEntries: 20}, want: "30 entries; the limit is 20", err: ErrTooLarge},
		{name: "truncated", data: bomb(t)[:100], want: "not a readable zip archive"},
		{name: "a name that climbs out is never matched", data: buildZip(t, []zipEntry{{name: "../../word/document.xml", data: "x"}}),
			read: "word/document.xml", want: "the archive has no word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z, err := openZip(tt.data, tt.lim.withDefaults())
			if err == nil && tt.read != "" {
				_, err = z.read(context.Background(), tt.read)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

func TestZipArchiveCountsAllEntriesTogether(t *testing.T) {
	data := buildZip(t, []zipEntry{{name: "a", data: strings.Repeat("a", 600)}, {name: "b", data: strings.Repeat("b", 600)}})
	z, err := openZip(data, Limits{MaxUncompressed: 1000, MaxEntries: 10})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := z.read(context.Background(), "a"); err != nil {
		t.Fatalf("the first entry alone is within the limit: %v", err)
	}
	if _, err := z.read(context.Background(), "b"); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge for the two together", err)
	}
}

func TestZipBombsAreRefusedByEveryZipFormat(t *testing.T) {
	lim := Limits{MaxUncompressed: 1 << 20}
	for _, name := range []string{"bomb.docx", "bomb.epub"} {
		data := bomb(t)
		if name == "bomb.epub" {
			data = buildZip(t, []zipEntry{{name: "content.opf", data: "<package>" + strings.Repeat(" ", 8<<20) + "</package>"}})
		}
		_, err := Extract(context.Background(), name, data, lim)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", name, err)
		}
	}
}

func TestCleanEntryName(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"OEBPS/text/a.xhtml", "OEBPS/text/a.xhtml", true},
		{`OEBPS\text\a.xhtml`, "OEBPS/text/a.xhtml", true},
		{"OEBPS/./text/../a.xhtml", "OEBPS/a.xhtml", true},
		{"../a", "", false}, {"a/../../b", "", false}, {"/etc/passwd", "", false},
		{"C:/x", "", false}, {"dir/", "", false}, {"a\x00b", "", false}, {"", "", false}, {"..", "", false},
	}
	for _, tt := range tests {
		got, ok := cleanEntryName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("cleanEntryName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzZipArchive reads every entry of arbitrary bytes taken as a zip.
func FuzzZipArchive(f *testing.F) {
	f.Add(buildZip(f, []zipEntry{{name: "a.xml", data: "<a><b>text</b></a>"}, {name: "../b", data: "x"}}))
	f.Add(bomb(f)[:200])
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxUncompressed: 1 << 20, MaxEntries: 100}.withDefaults()
		z, err := openZip(data, lim)
		if err != nil {
			return
		}
		total := 0
		for _, name := range z.names {
			if _, ok := cleanEntryName(name); !ok {
				t.Fatalf("unsafe name %q kept", name)
			}
			b, err := z.read(context.Background(), name)
			if err != nil {
				continue
			}
			total += len(b)
		}
		if int64(total) > lim.MaxUncompressed {
			t.Fatalf("unpacked %d bytes, over the limit", total)
		}
	})
}
