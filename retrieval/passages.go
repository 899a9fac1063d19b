package retrieval

// Passages returns every passage of the current index that comes from the
// text of source, in reading order (by offset), or of every source when
// source is "". Bylines made from the manifest are left out: they are not
// the document's own words. It returns nil before any index is built. The
// passages are copies; changing them changes nothing in the store.
func (s *Store) Passages(source string) []Passage {
	ix := s.current.Load()
	if ix == nil {
		return nil
	}
	var out []Passage
	for _, c := range ix.chunks {
		if c.Byline || source != "" && c.Source != source {
			continue
		}
		out = append(out, Passage{Chunk: c.Chunk, Info: ix.infos[c.Source]})
	}
	return out
}
