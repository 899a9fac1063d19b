package openaitest

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	openai "github.com/sashabaranov/go-openai"
)

// embeddingRequest is the part of OpenAI's embeddings request the server
// reads; Input stays raw because it may be a string or a list of strings.
type embeddingRequest struct {
	Input          json.RawMessage `json:"input"`
	Model          string          `json:"model"`
	EncodingFormat string          `json:"encoding_format"`
	Dimensions     int             `json:"dimensions"`
}

// embeddingItem is one vector of the reply, as floats or base64.
type embeddingItem struct {
	Object    string `json:"object"`
	Embedding any    `json:"embedding"`
	Index     int    `json:"index"`
}

type embeddingResponse struct {
	Object string          `json:"object"`
	Data   []embeddingItem `json:"data"`
	Model  string          `json:"model"`
	Usage  openai.Usage    `json:"usage"`
}

func (s *Server) embeddings(w http.ResponseWriter, r *http.Request, fault *Fault) {
	var req embeddingRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "",
			"We could not parse the JSON body of your request: "+err.Error(), 0)
		return
	}
	if fault != nil {
		f := *fault
		if f.kind == kindStatus && f.Code == "model_not_found" && f.Message == "" {
			f.Message = modelNotFound(req.Model)
		}
		switch f.kind {
		case kindStreamError:
			f.kind = kindStatus
		case kindStall:
			s.wait(r.Context(), time.Hour)
			abort()
		}
		if s.applyHTTPFault(w, r, f) {
			return
		}
	}
	if !s.knows(req.Model) {
		writeError(w, http.StatusNotFound, "invalid_request_error", "model_not_found", modelNotFound(req.Model), 0)
		return
	}
	texts, err := parseInput(req.Input)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "", err.Error(), 0)
		return
	}

	s.mu.Lock()
	dim, scale := s.dimension, s.scale
	s.mu.Unlock()
	if req.Dimensions > 0 {
		dim = req.Dimensions
	}
	resp := embeddingResponse{Object: "list", Model: req.Model}
	tokens := 0
	for i, text := range texts {
		vec := Vector(text, dim)
		for j := range vec {
			vec[j] *= scale
		}
		if fault != nil && fault.kind == kindRaggedVectors && i == len(texts)-1 && i > 0 {
			vec = vec[:len(vec)-1]
		}
		item := embeddingItem{Object: "embedding", Embedding: vec, Index: i}
		if req.EncodingFormat == "base64" {
			item.Embedding = encodeBase64(vec)
		}
		resp.Data = append(resp.Data, item)
		tokens += len(strings.Fields(text))
	}
	resp.Usage = openai.Usage{PromptTokens: tokens, TotalTokens: tokens}
	if fault != nil {
		switch fault.kind {
		case kindMissingVector:
			resp.Data = resp.Data[:len(resp.Data)-1]
		case kindReordered:
			for i, j := 0, len(resp.Data)-1; i < j; i, j = i+1, j-1 {
				resp.Data[i], resp.Data[j] = resp.Data[j], resp.Data[i]
			}
		case kindCut:
			b, _ := json.Marshal(resp)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", strconv.Itoa(len(b)))
			_, _ = w.Write(b[:len(b)/2])
			w.(http.Flusher).Flush()
			abort()
		}
	}
	s.mu.Lock()
	s.embedded = append(s.embedded, texts...)
	s.mu.Unlock()
	writeJSON(w, resp)
}

// parseInput reads the input of an embeddings request: one string or a
// non-empty list of strings.
func parseInput(raw json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, fmt.Errorf("'$.input' is invalid: openaitest accepts a string or a list of strings")
	}
	if len(many) == 0 {
		return nil, fmt.Errorf("'$.input' is invalid: the list of inputs is empty")
	}
	return many, nil
}

// modelNotFound is OpenAI's message for an unknown model.
func modelNotFound(model string) string {
	return fmt.Sprintf("The model `%s` does not exist", model)
}

// Vector is the vector the server returns for text: a hashed bag of its
// lower-cased words, of length dim and unit length, so texts sharing words
// are near each other. The same text always gives the same vector.
func Vector(text string, dim int) []float32 {
	vec := make([]float32, dim)
	if dim <= 0 {
		return vec
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		words = []string{text}
	}
	for _, w := range words {
		h := fnv.New64a()
		_, _ = h.Write([]byte(w))
		sum := h.Sum64()
		sign := float32(1)
		if sum>>63 == 1 {
			sign = -1
		}
		vec[sum%uint64(dim)] += sign
	}
	var norm float64
	for _, v := range vec {
		norm += float64(v) * float64(v)
	}
	if norm == 0 { // words cancelled out: any fixed unit vector will do
		vec[0] = 1
		return vec
	}
	inv := float32(1 / math.Sqrt(norm))
	for i := range vec {
		vec[i] *= inv
	}
	return vec
}

// encodeBase64 writes vec as OpenAI's base64 encoding: little-endian float32s.
func encodeBase64(vec []float32) string {
	b := make([]byte, 4*len(vec))
	for i, v := range vec {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
	}
	return base64.StdEncoding.EncodeToString(b)
}
