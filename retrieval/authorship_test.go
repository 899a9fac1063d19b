package retrieval

import (
	"context"
	"slices"
	"testing"
)

func TestSubjectTerms(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"Who wrote the piece on party-to-party ties?", []string{"parti", "parti", "tie"}},
		{"Who published the article on the Three Nos?", []string{"three", "nos"}},
		{"Name the authors of the European Guanxi column", []string{"name", "european", "guanxi"}},
	}
	for _, tt := range tests {
		if got := subjectTerms(tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("subjectTerms(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestBylinesAnswerOnlyAuthorshipQuestions: a byline repeats its document's
// title, so for a question on the document's subject it would come first;
// it is returned only when the question asks who wrote or published, and
// then just before its document's best passage.
func TestBylinesAnswerOnlyAuthorshipQuestions(t *testing.T) {
	ctx := context.Background()
	info := SourceInfo{Source: "visit.txt", Title: "Trong goes to Beijing", Authors: []string{"Vincenzo Caporale"}, Publisher: "European Guanxi"}
	byline, ok := bylineChunk(info)
	if !ok {
		t.Fatal("no byline chunk for a source with an author")
	}
	body := "Trong arrived in Beijing on October 30 and was greeted with a twenty-one gun salute."
	chunks := []storedChunk{byline, {Chunk: Chunk{ID: "body", Source: "visit.txt", Title: info.Title, Text: body, Start: 0, End: len(body)}, SearchText: body, Windows: sentenceWindows(body)}}
	emb := NewLocalEmbedder()
	vectors, err := emb.Embed(ctx, []string{chunks[0].SearchText, chunks[1].SearchText})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := newIndex(ctx, "", emb, chunks, vectors, indexMeta{Sources: []SourceStats{{SourceInfo: info}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query     string
		wantFirst string
		wantCount int
	}{
		{"Who wrote the article on Trong going to Beijing?", byline.ID, 2},
		{"When did Trong go to Beijing?", "body", 1},
	}
	for _, tt := range tests {
		vec, err := emb.Embed(ctx, []string{tt.query})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.search(ctx, tt.query, vec[0], 5, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tt.wantCount || got[0].ID != tt.wantFirst {
			ids := make([]string, len(got))
			for i, p := range got {
				ids[i] = p.ID
			}
			t.Errorf("search(%q) = %v, want %d passages, %s first", tt.query, ids, tt.wantCount, tt.wantFirst)
		}
	}
}
