package retrieval

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"

	"github.com/lectern/lectern/internal/text"
)

// localDimensions is the length of the local embedder's vectors.
const localDimensions = 512

// Feature weights of the local embedder: whole stemmed words count most,
// word pairs add phrase sense, character 4-grams catch spelling variants
// ("Chinse", "Vietnamese"/"Vietnam").
const (
	unigramWeight  = 1.0
	bigramWeight   = 0.6
	charGramWeight = 0.25
)

// LocalEmbedder is the built-in embedder: hashed stemmed words, word pairs
// and character 4-grams, weighted by sublinear term frequency, signed-hashed
// into 512 dimensions and normalised. Pure Go, no network, deterministic and
// safe for concurrent use. A text with no words gets a fixed unit vector.
type LocalEmbedder struct{}

// NewLocalEmbedder returns the built-in embedder.
func NewLocalEmbedder() *LocalEmbedder { return &LocalEmbedder{} }

// ID names the embedder and everything that shapes its vectors; the
// version goes up whenever text.Terms changes (v3: contractions such as
// "hasn’t" became stop words; v4: diacritics are folded, "Trọng" = "Trong"), so that cached vectors are made anew.
func (*LocalEmbedder) ID() string {
	return fmt.Sprintf("local-hash-v4-d%d", localDimensions)
}

// Embed returns one normalised vector per text.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("embed texts locally: %w", err)
			}
		}
		out[i] = embedLocal(t)
	}
	return out, nil
}

// embedLocal computes the vector of one text.
func embedLocal(s string) []float32 {
	counts := map[string]float64{}
	terms := text.Terms(s)
	for i, t := range terms {
		counts["w:"+t]++
		if i > 0 {
			counts["b:"+terms[i-1]+" "+t]++
		}
		padded := []rune(" " + t + " ")
		for j := 0; j+4 <= len(padded); j++ {
			counts["c:"+string(padded[j:j+4])]++
		}
	}
	v := make([]float64, localDimensions)
	h := fnv.New64a()
	for feature, count := range counts {
		h.Reset()
		h.Write([]byte(feature))
		sum := h.Sum64()
		idx := sum % localDimensions
		sign := 1.0
		if sum>>63 == 1 {
			sign = -1
		}
		// Sublinear frequency: the tenth "China" adds little.
		v[idx] += sign * (1 + math.Log(count)) * weightScale(feature)
	}
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	vec := make([]float32, localDimensions)
	if norm == 0 {
		vec[0] = 1
		return vec
	}
	norm = math.Sqrt(norm)
	for i, x := range v {
		vec[i] = float32(x / norm)
	}
	return vec
}

// weightScale is the weight of a feature's class.
func weightScale(feature string) float64 {
	switch feature[0] {
	case 'b':
		return bigramWeight
	case 'c':
		return charGramWeight
	default:
		return unigramWeight
	}
}
