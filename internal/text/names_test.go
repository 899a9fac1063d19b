package text

import "testing"

func TestJoinNames(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"Le Hong Hiep"}, "Le Hong Hiep"},
		{[]string{"Alice Colantoni", "Giulia Alessandra Foti"}, "Alice Colantoni and Giulia Alessandra Foti"},
		{[]string{"A", "B", "C"}, "A, B and C"},
		{[]string{"A", "B", "C", "D"}, "A, B, C and D"},
	}
	for _, tt := range tests {
		if got := JoinNames(tt.names); got != tt.want {
			t.Errorf("JoinNames(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		authors         []string
		publisher, date string
		want            string
	}{
		{[]string{"Le Hong Hiep"}, "ISEAS", "2023", "Le Hong Hiep · ISEAS · 2023"},
		{[]string{"A", "B", "C"}, "", "", "A, B and C"},
		{nil, "Asia Times", "", "Asia Times"},
		{nil, "", "December 2023", "December 2023"},
		{nil, "", "", ""},
	}
	for _, tt := range tests {
		if got := Byline(tt.authors, tt.publisher, tt.date); got != tt.want {
			t.Errorf("Byline(%q, %q, %q) = %q, want %q", tt.authors, tt.publisher, tt.date, got, tt.want)
		}
	}
}
