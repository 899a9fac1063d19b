package endpoint

import (
	"bytes"
	"io"
	"net/http"
	"sync/atomic"
)

// watcher is the HTTP client of one attempt: it keeps the reply's headers
// in the attempt's Reply (go-openai drops them from its errors, and
// Retry-After is among them) and watches the body for "data: [DONE]".
type watcher struct {
	client *http.Client
	reply  *Reply
}

// Do sends req and watches the reply.
func (w watcher) Do(req *http.Request) (*http.Response, error) {
	resp, err := w.client.Do(req)
	if err != nil {
		return resp, err
	}
	w.reply.Header = resp.Header
	w.reply.requestURL = DisplayURL(req.URL.String())
	resp.Body = &doneBody{ReadCloser: resp.Body, watch: w.reply.watch}
	return resp, nil
}

// doneWatch records whether a stream's closing event has been read.
type doneWatch struct{ seen atomic.Bool }

// doneBody sets its watch when the bytes read hold a "data: [DONE]" event.
type doneBody struct {
	io.ReadCloser
	watch *doneWatch
	tail  []byte // the last bytes read, for a marker split between reads
}

var doneEvent = []byte("[DONE]")

func (b *doneBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 && !b.watch.seen.Load() {
		b.tail = append(b.tail, p[:n]...)
		if containsDoneEvent(b.tail) {
			b.watch.seen.Store(true)
		}
		b.tail = b.tail[max(0, len(b.tail)-len("data: [DONE]")):]
	}
	return n, err
}

// containsDoneEvent reports whether window holds "[DONE]" after "data:"
// and optional spaces: the closing event of an OpenAI event stream.
func containsDoneEvent(window []byte) bool {
	for i := 0; ; {
		j := bytes.Index(window[i:], doneEvent)
		if j < 0 {
			return false
		}
		if bytes.HasSuffix(bytes.TrimRight(window[:i+j], " "), []byte("data:")) {
			return true
		}
		i += j + 1
	}
}
