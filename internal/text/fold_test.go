package text

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Vietnamese names lose their tone and vowel marks", "Nguyễn Phú Trọng", "Nguyen Phu Trong"},
		{"d with stroke becomes d, in either case", "Đà Nẵng, đổi mới", "Da Nang, doi moi"},
		{"every Vietnamese vowel with every tone", "ạảãàáâậầấẩẫăắằặẳẵ óòọõỏôộổỗồốơờớợởỡ éèẻẹẽêếềệểễ úùụủũưựữửừứ íìịỉĩ ýỳỷỵỹ", "aaaaaaaaaaaaaaaaa ooooooooooooooooo eeeeeeeeeee uuuuuuuuuuu iiiii yyyyy"},
		{"capitals keep their case", "ÀÁẠ ỨỪ Ỹ", "AAA UU Y"},
		{"decomposed marks are dropped too", "Tro\u0323ng Vie\u0302\u0323t", "Trong Viet"},
		{"other Latin letters fold", "Città, São Paulo, Zürich, façade", "Citta, Sao Paulo, Zurich, facade"},
		{"ASCII is unchanged", "Xi visited Hanoi in 2023.", "Xi visited Hanoi in 2023."},
		{"other scripts are unchanged", "越南 中国 Вьетнам", "越南 中国 Вьетнам"},
		{"punctuation is unchanged", "Vietnam’s “Three Nos” — 56.9%", "Vietnam’s “Three Nos” — 56.9%"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestWordsFoldDiacritics: a word with diacritics is the same word, and
// the same term, as its plain-letter twin.
func TestWordsFoldDiacritics(t *testing.T) {
	tests := []struct{ marked, plain string }{
		{"Who is Nguyễn Phú Trọng?", "Who is Nguyen Phu Trong?"},
		{"Phạm Minh Chính met Võ Văn Thưởng", "Pham Minh Chinh met Vo Van Thuong"},
		{"TRỌNG’S VISIT", "TRONG’S VISIT"},
		{"Lê Hồng Anh went to Beijing", "Le Hong Anh went to Beijing"},
	}
	for _, tt := range tests {
		if got, want := Words(tt.marked), Words(tt.plain); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q as for %q", tt.marked, got, want, tt.plain)
		}
		if got, want := Terms(tt.marked), Terms(tt.plain); !slices.Equal(got, want) {
			t.Errorf("Terms(%q) = %q, want %q as for %q", tt.marked, got, want, tt.plain)
		}
	}
}

// FuzzFold: folding never panics, gives valid UTF-8 from valid UTF-8, is
// idempotent on UTF-8, never lengthens the text, and leaves ASCII alone.
func FuzzFold(f *testing.F) {
	f.Add("Nguyễn Phú Trọng")
	f.Add("Tro\u0323ng \u0301\u0301 Đ")
	f.Add("越南 ǅ ﬁ Å Ω")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		if again := Fold(got); utf8.ValidString(s) && again != got {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, again, got)
		}
		if len(got) > len(s) {
			t.Fatalf("Fold(%q) = %q, longer", s, got)
		}
		if isASCII(s) && got != s {
			t.Fatalf("Fold changed ASCII %q to %q", s, got)
		}
		for _, r := range got {
			if !utf8.ValidString(s) {
				break
			}
			if isCombiningDiacritic(r) {
				t.Fatalf("Fold(%q) = %q keeps a combining mark", s, got)
			}
		}
	})
}
