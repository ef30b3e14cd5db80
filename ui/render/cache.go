package render

import (
	"container/list"

	"samizdat/corpus"
)

// Key names a chunk laid out at one width. The glamour style is fixed
// for the run, so it is not part of the key.
type Key struct {
	Doc   *corpus.Document
	Chunk int
	Width int
}

// Cache keeps rendered chunks, the least recently used dropped first
// once they hold more than max bytes. It is used from Update only, on the
// program's goroutine.
type Cache struct {
	max, size int
	entries   map[Key]*list.Element
	order     *list.List // of *cacheEntry, most recently used first
}

type cacheEntry struct {
	key   Key
	chunk *Chunk
}

// NewCache keeps up to max bytes of rendered chunks.
func NewCache(max int) *Cache {
	return &Cache{max: max, entries: map[Key]*list.Element{}, order: list.New()}
}

// Peek returns a chunk without counting it as used: for View.
func (c *Cache) Peek(k Key) (*Chunk, bool) {
	e, ok := c.entries[k]
	if !ok {
		return nil, false
	}
	return e.Value.(*cacheEntry).chunk, true
}

// Touch counts a chunk as used, so it is dropped last.
func (c *Cache) Touch(k Key) {
	if e, ok := c.entries[k]; ok {
		c.order.MoveToFront(e)
	}
}

// Put stores a chunk and drops the least recently used ones beyond the
// bound, never the one just stored.
func (c *Cache) Put(k Key, rc *Chunk) {
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

// Len is how many chunks the cache holds.
func (c *Cache) Len() int { return c.order.Len() }
