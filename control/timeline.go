package control

import "slices"

// FoldedEntry is a timeline entry and how many wins it stands for.
type FoldedEntry struct {
	TimelineEntry
	Count int
}

// Folded lays today out for a person: the wins at other than a clock time
// fold into one entry an anchor, at its latest win, since a day of
// interval wins would otherwise be dozens of lines; everything else is as
// the daemon sent it. The entries stay in time order.
func (t *TodayStatus) Folded() []FoldedEntry {
	var out []FoldedEntry
	wins := map[string]int{}
	for _, e := range t.Timeline {
		if e.At != "" || e.State != "done" {
			out = append(out, FoldedEntry{e, 1})
			continue
		}
		if i, ok := wins[e.Anchor]; ok {
			out[i].Count++
			if e.Time.After(out[i].Time) {
				out[i].Time = e.Time
			}
			continue
		}
		wins[e.Anchor] = len(out)
		out = append(out, FoldedEntry{e, 1})
	}
	slices.SortStableFunc(out, func(a, b FoldedEntry) int { return a.Time.Compare(b.Time) })
	return out
}
