package corpus

import (
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	para := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name string
		md   string
		size int
		want []string // the text of each chunk
	}{
		{
			name: "every heading starts a chunk",
			md:   "# One\n\nalpha\n\n## Two\n\nbeta\n\ngamma\n",
			size: 1000,
			want: []string{"# One\n\nalpha", "## Two\n\nbeta\n\ngamma"},
		},
		{
			name: "text before the first heading is a chunk",
			md:   "preface\n\n# One\n\nalpha\n",
			size: 1000,
			want: []string{"preface", "# One\n\nalpha"},
		},
		{
			name: "cut at the block that would outgrow the size",
			md:   para(4) + "\n\n" + para(4) + "\n\n" + para(4) + "\n",
			size: 10,
			want: []string{para(4) + "\n\n" + para(4), para(4)},
		},
		{
			name: "a block longer than the size stands alone",
			md:   "a\n\n" + para(30) + "\n\nb\n",
			size: 10,
			want: []string{"a", para(30), "b"},
		},
		{
			name: "a heading right after a long block",
			md:   para(30) + "\n\n# H\n",
			size: 10,
			want: []string{para(30), "# H"},
		},
		{
			name: "empty document",
			md:   "",
			size: 10,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("t.md", []byte(tt.md))
			chunks := d.Chunks(tt.size)
			var got []string
			for i, c := range chunks {
				got = append(got, d.Body[c.Start:c.End])
				if c.Start != d.Blocks[c.First].Start || c.End != d.Blocks[c.Last-1].End {
					t.Errorf("chunk %d: range %d-%d does not match its blocks %d-%d", i, c.Start, c.End, c.First, c.Last)
				}
				if i > 0 && c.First != chunks[i-1].Last {
					t.Errorf("chunk %d: starts at block %d, want %d", i, c.First, chunks[i-1].Last)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("chunks:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestChunkAtAndBlockAt(t *testing.T) {
	d := Parse("t.md", []byte("# One\n\nalpha\n\n# Two\n\nbeta\n"))
	chunks := d.Chunks(1000)
	two := strings.Index(d.Body, "# Two")
	beta := strings.Index(d.Body, "beta")
	tests := []struct {
		off, chunk, block int
	}{
		{-5, 0, 0},
		{0, 0, 0},
		{two - 1, 0, 1},
		{two, 1, 2},
		{beta + 2, 1, 3},
		{len(d.Body) + 10, 1, 3},
	}
	for _, tt := range tests {
		if got := ChunkAt(chunks, tt.off); got != tt.chunk {
			t.Errorf("ChunkAt(%d) = %d, want %d", tt.off, got, tt.chunk)
		}
		if got := d.BlockAt(tt.off); got != tt.block {
			t.Errorf("BlockAt(%d) = %d, want %d", tt.off, got, tt.block)
		}
	}
}

func TestChunksCoverEmbeddedDocuments(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range lib.Docs {
		chunks := d.Chunks(2048)
		last := 0
		for _, c := range chunks {
			if c.First != last {
				t.Fatalf("%s: chunk starts at block %d, want %d", d.ID, c.First, last)
			}
			last = c.Last
		}
		if last != len(d.Blocks) {
			t.Errorf("%s: chunks end at block %d of %d", d.ID, last, len(d.Blocks))
		}
		for _, h := range d.Outline {
			if c := chunks[ChunkAt(chunks, h.Offset)]; c.Start != h.Offset {
				t.Errorf("%s: heading %q is not at the start of its chunk", d.ID, h.Title)
			}
		}
	}
}
