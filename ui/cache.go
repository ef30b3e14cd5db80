package ui

import (
	"container/list"

	"samizdat/corpus"
)

// chunkKey names a chunk laid out at one width. The glamour style is fixed
// for the run, so it is not part of the key.
type chunkKey struct {
	doc   *corpus.Document
	chunk int
	width int
}

// chunkCache keeps rendered chunks, the least recently used dropped first
// once they hold more than max bytes. It is used from Update only, on the
// program's goroutine.
type chunkCache struct {
	max, size int
	entries   map[chunkKey]*list.Element
	order     *list.List // of *cacheEntry, most recently used first
}

type cacheEntry struct {
	key   chunkKey
	chunk *renderedChunk
}

func newChunkCache(max int) *chunkCache {
	return &chunkCache{max: max, entries: map[chunkKey]*list.Element{}, order: list.New()}
}

// peek returns a chunk without counting it as used: for View.
func (c *chunkCache) peek(k chunkKey) (*renderedChunk, bool) {
	e, ok := c.entries[k]
	if !ok {
		return nil, false
	}
	return e.Value.(*cacheEntry).chunk, true
}

// touch counts a chunk as used, so it is dropped last.
func (c *chunkCache) touch(k chunkKey) {
	if e, ok := c.entries[k]; ok {
		c.order.MoveToFront(e)
	}
}

// put stores a chunk and drops the least recently used ones beyond the
// bound, never the one just stored.
func (c *chunkCache) put(k chunkKey, rc *renderedChunk) {
	if e, ok := c.entries[k]; ok {
		c.size -= e.Value.(*cacheEntry).chunk.size
		c.order.Remove(e)
	}
	c.entries[k] = c.order.PushFront(&cacheEntry{key: k, chunk: rc})
	c.size += rc.size
	for c.size > c.max && c.order.Len() > 1 {
		last := c.order.Back()
		ent := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.entries, ent.key)
		c.size -= ent.chunk.size
	}
}

func (c *chunkCache) len() int { return c.order.Len() }
