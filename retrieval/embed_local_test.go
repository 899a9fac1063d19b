package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math"
	"slices"
	"sync"
	"testing"
)

func embedOne(t *testing.T, e Embedder, text string) []float32 {
	t.Helper()
	vs, err := e.Embed(context.Background(), []string{text})
	if err != nil || len(vs) != 1 {
		t.Fatalf("Embed(%q) = %d vectors, %v", text, len(vs), err)
	}
	return vs[0]
}

func TestLocalEmbedderVectors(t *testing.T) {
	texts := []struct {
		name, text string
	}{
		{"a question", "What are the Three Nos?"},
		{"a passage", "The country’s constitution commits the ruling party to a so-called “Three Nos” national security doctrine."},
		{"one word", "Vietnam"},
		{"non-Latin script", "越南与中国的关系"},
		{"numbers", "$60 million in 2023"},
		{"empty text", ""},
		{"white space", " \n\t "},
		{"stop words only", "what are the"},
		{"punctuation only", "… — !?"},
		{"invalid UTF-8", "Vi\xeat Nam"},
	}
	e := NewLocalEmbedder()
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			v := embedOne(t, e, tt.text)
			if len(v) != 512 {
				t.Fatalf("dimension %d, want 512", len(v))
			}
			for i, x := range v {
				if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
					t.Fatalf("component %d is %v", i, x)
				}
			}
			if n := vecNorm(v); math.Abs(n-1) > 1e-5 {
				t.Errorf("norm %v, want 1", n)
			}
			if again := embedOne(t, NewLocalEmbedder(), tt.text); !slices.Equal(v, again) {
				t.Error("the same text gave another vector")
			}
		})
	}
}

func TestLocalEmbedderBatchesAsSingles(t *testing.T) {
	texts := []string{"Xi visits Hanoi", "", "Trong visits Beijing", "Xi visits Hanoi"}
	e := NewLocalEmbedder()
	vs, err := e.Embed(context.Background(), texts)
	if err != nil || len(vs) != len(texts) {
		t.Fatalf("Embed = %d vectors, %v; want %d", len(vs), err, len(texts))
	}
	for i, text := range texts {
		if !slices.Equal(vs[i], embedOne(t, e, text)) {
			t.Errorf("text %d %q: its vector in a batch differs from its own", i, text)
		}
	}
	if slices.Equal(vs[0], vs[2]) {
		t.Error("two different texts gave the same vector")
	}
	if none, err := e.Embed(context.Background(), nil); err != nil || len(none) != 0 {
		t.Errorf("Embed(nil) = %v, %v; want no vectors and no error", none, err)
	}
}

// TestLocalEmbedderSimilarity specifies what the built-in embedder is for:
// a text is nearer to one about the same thing than to one about something
// else.
func TestLocalEmbedderSimilarity(t *testing.T) {
	tests := []struct {
		name, text, near, far string
	}{
		{"question and its answer",
			"What are the Three Nos?",
			"Vietnam follows a “Three Nos” defence policy: no military alliances, no foreign bases, no siding with one country against another.",
			"Xi Jinping arrived in Hanoi on December 12, 2023, with his wife Peng Liyuan."},
		{"plural and singular",
			"party-to-party relations",
			"The relation between the two parties remains strong.",
			"A railway line project would increase trade."},
		{"a misspelling",
			"Chinse President",
			"Chinese President Xi Jinping",
			"maritime disputes in the sea"},
		{"the same words in another order",
			"Trong visited Beijing in October",
			"In October, Beijing was visited by Trong",
			"Biden traveled to Vietnam in September"},
		{"identical texts are nearest",
			"South China Sea disputes",
			"South China Sea disputes",
			"South China Sea disputes between Vietnam and China in 2014"},
	}
	e := NewLocalEmbedder()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, near, far := embedOne(t, e, tt.text), embedOne(t, e, tt.near), embedOne(t, e, tt.far)
			if n, f := vecDot(v, near), vecDot(v, far); n <= f {
				t.Errorf("similarity to the near text %.3f, to the far text %.3f; want near > far", n, f)
			}
		})
	}
}

// TestLocalEmbedderVectorsArePinnedToItsID: the vectors of a few texts,
// hashed, are pinned to the embedder's ID. Cached vectors are reused by ID,
// so a change to Terms or to the embedder that moves any vector must come
// with a new ID (and a new line here); changing the vectors alone fails.
func TestLocalEmbedderVectorsArePinnedToItsID(t *testing.T) {
	golden := map[string]string{
		"local-hash-v4-d512": "6f628fb9a9ca3376df1be3c2ef8d2b0270297b37d5f5b4bcf91ff6a273e70a8c",
	}
	texts := []string{
		"What are the Three Nos?",
		"Nguyễn Phú Trọng visited Beijing between October 30 and November 2, 2022.",
		"Vietnam’s “bamboo diplomacy” hedges between China and the United States.",
		"",
	}
	vs, err := NewLocalEmbedder().Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, v := range vs {
		for _, x := range v {
			// rounded, so that a fused multiply-add on another
			// processor does not move the hash
			binary.Write(h, binary.LittleEndian, int32(math.Round(float64(x)*1e6)))
		}
	}
	got := hex.EncodeToString(h.Sum(nil))
	id := NewLocalEmbedder().ID()
	want, ok := golden[id]
	switch {
	case !ok:
		t.Errorf("no golden vectors for ID %q: add %q: %q", id, id, got)
	case got != want:
		t.Errorf("the vectors of ID %q changed (hash %s, pinned %s): a change of the vectors needs a new ID", id, got, want)
	}
}

func TestLocalEmbedderStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	vs, err := NewLocalEmbedder().Embed(ctx, []string{"Xi visits Hanoi"})
	if !errors.Is(err, context.Canceled) || vs != nil {
		t.Errorf("Embed = %d vectors, %v; want none and context.Canceled", len(vs), err)
	}
}

// TestLocalEmbedderIsSafeForConcurrentUse is meant for -race.
func TestLocalEmbedderIsSafeForConcurrentUse(t *testing.T) {
	e := NewLocalEmbedder()
	want := embedOne(t, e, "Vietnam hedges between China and the United States")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			vs, err := e.Embed(context.Background(), []string{"Vietnam hedges between China and the United States", "another text"})
			if err != nil || !slices.Equal(vs[0], want) {
				t.Errorf("concurrent Embed = %v", err)
			}
		})
	}
	wg.Wait()
}
