package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"samizdat/internal/regular"
)

// DefaultMaxSize is the largest file a folder library reads.
const DefaultMaxSize = 64 << 20

// DirOptions say how to read a folder of the reader's own.
type DirOptions struct {
	// MaxSize is the largest file read, in bytes; a larger one is skipped
	// without being read. 0 means DefaultMaxSize.
	MaxSize int64
	// FollowOutside follows symbolic links that lead out of the folder.
	FollowOutside bool
}

// Notice is something wrong with one file of a folder, which was skipped
// or shown with repairs.
type Notice struct {
	Path    string // relative to the folder
	Message string
}

func (n Notice) String() string {
	if n.Path == "" {
		return n.Message
	}
	return SanitizeLine(n.Path) + ": " + n.Message
}

// LoadDir reads the Markdown (.md, .markdown) and plain-text (.txt) files
// in root and every folder below it, as a library ordered by path. It
// reads only what it needs to list them (the front matter, or the first
// heading); the rest of each file is read by Document.Load when the
// document is first needed. Files it cannot use (unreadable, binary, too
// large, empty, behind a broken or looping link, or outside the folder) are
// skipped with a notice. A folder that does not exist, is not a folder, or
// holds no document at all is an error.
func LoadDir(root string, opts DirOptions) (*Library, []Notice, error) {
	if opts.MaxSize <= 0 {
		opts.MaxSize = DefaultMaxSize
	}
	info, err := os.Stat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("no folder %s", SanitizeLine(root))
	case err != nil:
		return nil, nil, fmt.Errorf("cannot read %s: %w", SanitizeLine(root), unwrapPath(err))
	case !info.IsDir():
		return nil, nil, fmt.Errorf("%s is a file, not a folder", SanitizeLine(root))
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", SanitizeLine(root), unwrapPath(err))
	}
	w := &walker{root: real, opts: opts, seen: map[string]bool{real: true}}
	w.walk(real, "")
	slices.SortFunc(w.found, func(a, b found) int { return strings.Compare(a.rel, b.rel) })

	lib := &Library{}
	ids := map[string]int{}
	for _, f := range w.found {
		d, notice := openLazy(f, opts.MaxSize)
		if notice != "" {
			w.notices = append(w.notices, Notice{f.rel, notice})
			continue
		}
		d.ID = uniqueAnchor(ids, d.ID)
		lib.Docs = append(lib.Docs, d)
	}
	if len(lib.Docs) == 0 {
		return nil, w.notices, fmt.Errorf("no Markdown or text files to read in %s", SanitizeLine(root))
	}
	return lib, w.notices, nil
}

// unwrapPath drops the path a *PathError repeats, for a shorter message.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// found is a file the walk will offer as a document.
type found struct {
	path string // to open
	rel  string // as the reader knows it: relative to the folder
	size int64
}

type walker struct {
	root    string
	opts    DirOptions
	seen    map[string]bool // real paths of the folders walked, against loops
	found   []found
	notices []Notice
}

// walk visits dir (a real path) whose path relative to the folder is rel.
func (w *walker) walk(dir, rel string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.notices = append(w.notices, Notice{relOrDot(rel), "cannot read this folder: " + unwrapPath(err).Error()})
		return
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden files and folders: .git and the like
		}
		path := filepath.Join(dir, name)
		erel := filepath.Join(rel, name)
		if e.Type()&fs.ModeSymlink != 0 {
			w.link(path, erel)
			continue
		}
		if e.IsDir() {
			w.dir(path, erel)
			continue
		}
		if !isDocName(name) {
			continue
		}
		if !e.Type().IsRegular() {
			w.notices = append(w.notices, Notice{erel, "not a regular file; skipped"})
			continue
		}
		info, err := e.Info()
		if err != nil {
			w.notices = append(w.notices, Notice{erel, "cannot read it: " + unwrapPath(err).Error()})
			continue
		}
		w.file(path, erel, info.Size())
	}
}

func (w *walker) dir(path, rel string) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.notices = append(w.notices, Notice{rel, "cannot read this folder: " + unwrapPath(err).Error()})
		return
	}
	if w.seen[real] {
		w.notices = append(w.notices, Notice{rel, "leads back to a folder already read (a loop of links); skipped"})
		return
	}
	w.seen[real] = true
	w.walk(real, rel)
}

// link follows a symbolic link if it leads to a document or a folder
// inside the library's folder (or anywhere, if the reader said so).
func (w *walker) link(path, rel string) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		msg := "a broken link; skipped"
		if !errors.Is(err, fs.ErrNotExist) {
			msg = "a link that cannot be followed (" + unwrapPath(err).Error() + "); skipped"
		}
		w.notices = append(w.notices, Notice{rel, msg})
		return
	}
	if !w.opts.FollowOutside && !within(w.root, target) {
		w.notices = append(w.notices, Notice{rel, "a link to outside the folder; skipped"})
		return
	}
	info, err := os.Stat(target)
	if err != nil {
		w.notices = append(w.notices, Notice{rel, "cannot read it: " + unwrapPath(err).Error()})
		return
	}
	switch {
	case info.IsDir():
		w.dir(target, rel)
	case isDocName(rel) && info.Mode().IsRegular():
		w.file(target, rel, info.Size())
	}
}

func (w *walker) file(path, rel string, size int64) {
	switch {
	case size > w.opts.MaxSize:
		w.notices = append(w.notices, Notice{rel, fmt.Sprintf("%s, larger than the %s cap; skipped", byteSize(size), byteSize(w.opts.MaxSize))})
	case size == 0:
		w.notices = append(w.notices, Notice{rel, "empty; skipped"})
	default:
		w.found = append(w.found, found{path: path, rel: rel, size: size})
	}
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func relOrDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

func isDocName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// headSize is how much of a file is read to list it: enough for front
// matter and a first heading, and to tell text from binary.
const headSize = 16 << 10

// openLazy reads the head of a file: it rejects binary files, and takes
// the document's title and author from its front matter, else its first
// heading, else its name. The rest is read by Load.
func openLazy(f found, maxSize int64) (*Document, string) {
	head, err := readHead(f.path, headSize)
	if err != nil {
		return nil, "cannot read it: " + unwrapPath(err).Error()
	}
	if isBinary(head) {
		return nil, "a binary file, not text; skipped"
	}
	name := SanitizeLine(f.rel)
	d := &Document{Path: name, Size: f.size}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	id := Slug(strings.TrimSuffix(f.rel, filepath.Ext(f.rel)))
	isText := strings.EqualFold(filepath.Ext(f.rel), ".txt")
	if !isText {
		text, _, _ := sanitizeMarkdown(string(head))
		if fm, rest, ok := frontMatterOf(text); ok {
			var m Meta
			if err := yaml.Unmarshal([]byte(fm), &m); err == nil {
				d.Meta = m.oneLine()
				if m.ID != "" {
					id = Slug(m.ID)
				}
			}
			text = rest
		}
		if d.Title == "" {
			d.Title = firstHeading(text)
		}
	}
	if d.Title == "" {
		d.Title = base
	}
	if d.ID = id; d.ID == "" {
		d.ID = "document"
	}
	d.lazy = &lazy{load: func() (*Document, error) {
		data, err := readHead(f.path, maxSize+1)
		if err != nil {
			return nil, unwrapPath(err) // the path is the document's, sanitised, in Load's error
		}
		if int64(len(data)) > maxSize {
			return nil, fmt.Errorf("grew past the %s cap", byteSize(maxSize))
		}
		if isText {
			data = []byte(textToMarkdown(string(data)))
		}
		return Parse(name, data), nil
	}}
	return d, ""
}

// readHead reads the first n bytes of the file at path. The file may have
// changed since the folder was listed: one that is no longer a regular file
// (a named pipe, which would wait for a writer forever) is refused.
func readHead(path string, n int64) ([]byte, error) {
	f, err := regular.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// isBinary reports whether the start of a file looks like anything but
// text: a NUL byte, or more than one byte in ten a control or not UTF-8.
func isBinary(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c == 0 {
			return true
		}
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}

// frontMatterOf splits a document's front matter from the text after it.
func frontMatterOf(s string) (fm, rest string, ok bool) {
	s, ok = strings.CutPrefix(s, "---\n")
	if !ok {
		return "", "", false
	}
	fm, rest, ok = strings.Cut(s, "\n---")
	return fm, rest, ok
}

// firstHeading is the title of the first ATX heading in s, or "".
func firstHeading(s string) string {
	for line := range blocks(s, nil) {
		if _, title, _, ok := parseHeading(line); ok {
			return SanitizeLine(unescape(title))
		}
	}
	return ""
}

// textToMarkdown turns a plain-text file into Markdown that shows it as
// written: paragraphs are separated by blank lines, the lines of a
// paragraph wrapped by hand are joined, and nothing is read as markup.
func textToMarkdown(s string) string {
	// Lines may end in CRLF, or in CR alone (an old Mac file).
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	for para := range strings.SplitSeq(s, "\n\n") {
		lines := strings.Fields(para)
		if len(lines) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(EscapeMarkdown(strings.Join(lines, " ")))
	}
	b.WriteString("\n")
	return b.String()
}

// lazy loads a document's text when it is first needed.
type lazy struct {
	once   sync.Once
	loaded atomic.Bool
	tried  atomic.Bool // read, or found unreadable
	load   func() (*Document, error)
	err    error
}

// Load reads the document's text if it has not been read: a folder's
// documents are listed first and read when needed. It is safe to call from
// several goroutines; the document's text fields may be used once it has
// returned nil.
func (d *Document) Load() error {
	if d.lazy == nil {
		return nil
	}
	d.lazy.once.Do(func() {
		defer d.lazy.tried.Store(true)
		full, err := d.lazy.load()
		if err != nil {
			d.lazy.err = fmt.Errorf("%s: %w", SanitizeLine(d.Path), err)
			return
		}
		// The metadata stays as the listing read it: others may be
		// reading it now.
		d.Body, d.Outline, d.Pages, d.Notes, d.Blocks = full.Body, full.Outline, full.Pages, full.Notes, full.Blocks
		d.spans, d.plainLen, d.Warnings = full.spans, full.plainLen, full.Warnings
		d.lazy.loaded.Store(true)
	})
	return d.lazy.err
}

// Loaded reports whether the document's text has been read.
func (d *Document) Loaded() bool {
	return d.lazy == nil || d.lazy.loaded.Load()
}

// Tried reports whether reading the document's text has been tried:
// it was read, or it could not be (its file vanished, or grew past the
// size cap, after the folder was listed), and will not be tried again.
func (d *Document) Tried() bool {
	return d.lazy == nil || d.lazy.tried.Load()
}

// LoadAll reads the text of every document not yet read, in parallel, and
// returns what could not be read, one error a document.
func (l *Library) LoadAll() []error {
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	next := make(chan *Document)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				if err := d.Load(); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, d := range l.Docs {
		if !d.Loaded() {
			next <- d
		}
	}
	close(next)
	wg.Wait()
	return errs
}

// LoadNext reads the text of up to n documents not yet tried, in library
// order and in parallel, and returns their indices and what could not be
// read. It returns no index once every document has been tried, each
// failure being returned once.
func (l *Library) LoadNext(n int) (loaded []int, errs []error) {
	var batch []*Document
	for i, d := range l.Docs {
		if len(loaded) == n {
			break
		}
		if !d.Tried() {
			loaded = append(loaded, i)
			batch = append(batch, d)
		}
	}
	sub := Library{Docs: batch}
	return loaded, sub.LoadAll()
}
