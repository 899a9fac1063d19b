package text

import "testing"

func TestAsksAboutAuthorship(t *testing.T) {
	tests := []struct {
		query string
		want  bool
	}{
		{"Who wrote the piece on party-to-party ties?", true},
		{"Which outlet published the article on the Three Nos?", true},
		{"Name the authors of the European Guanxi article", true},
		{"What are the Three Nos?", false},
		{"On which dates was Trong in Beijing?", false},
		{"How many agreements were signed?", false},
		{"Who is Ge Hongliang?", false},
		{"Who wrote about Trọng?", true},
		{"What did Xi write about who should shape Asia's future?", false}, // what he wrote, not who
		{"Who is Nguyễn Phú Trọng?", false},                                // "who" alone asks about a person, not a byline
	}
	for _, tt := range tests {
		if got := AsksAboutAuthorship(tt.query); got != tt.want {
			t.Errorf("AsksAboutAuthorship(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}
