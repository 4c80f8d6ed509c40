package footprint

import "testing"

// The test binary is a Go program like the daemon: releasing its own
// pages must shrink what it holds, mark the mappings for random reads,
// leave RELRO alone, and keep the code running.
func TestReleaseHandsBackTheProgramsPagesAndKeepsItRunning(t *testing.T) {
	before, err := Read()
	if err != nil {
		t.Fatal(err)
	}
	if before.Program <= 0 || before.Resident < before.Program || before.Anon <= 0 {
		t.Fatalf("usage before = %+v", before)
	}
	if err := Release(); err != nil {
		t.Fatal(err)
	}
	after, err := Read()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("program part %s → %s", MB(before.Program), MB(after.Program))
	if after.Program >= before.Program {
		t.Errorf("program part %d → %d", before.Program, after.Program)
	}
	maps, err := smaps()
	if err != nil {
		t.Fatal(err)
	}
	dev, inode, err := program(maps)
	if err != nil {
		t.Fatal(err)
	}
	var marked, relro int
	for _, m := range maps {
		switch {
		case m.releasable(dev, inode) && m.randomRead:
			marked++
		case m.releasable(dev, inode):
			t.Errorf("mapping %x-%x released without MADV_RANDOM", m.start, m.end)
		case m.dev == dev && m.inode == inode && m.randomRead:
			relro++
		}
	}
	if marked == 0 || relro != 0 {
		t.Errorf("%d mappings marked for random reads, %d copied-on-write ones touched", marked, relro)
	}
	// Code paged out a moment ago runs: parse the sample again.
	if len(mustParse(t, sample)) != 7 {
		t.Error("the parser misbehaves after its pages were released")
	}
}

// Read runs on each status request and every ten minutes.
func BenchmarkRead(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(); err != nil {
			b.Fatal(err)
		}
	}
}
