package endpoint

import "strings"

// Redact replaces every secret (an API key, a bot token) that occurs in
// text with "[redacted]". Secrets shorter than four bytes are left alone:
// replacing them would mangle the text and hide nothing.
func Redact(text string, secrets ...string) string {
	for _, s := range secrets {
		if len(s) >= 4 {
			text = strings.ReplaceAll(text, s, "[redacted]")
		}
	}
	return text
}

// redactedError is an error whose message has secrets replaced: a server
// may repeat the key it refused in its error body ("Incorrect API key
// provided: sk-…"), and that body becomes the message of go-openai's
// error. errors.As and errors.Is still see the original.
type redactedError struct {
	err     error
	secrets []string
}

// RedactError hides the secrets in err's message; with no secret to hide,
// it returns err itself.
func RedactError(err error, secrets ...string) error {
	if err == nil || !anyLong(secrets) {
		return err
	}
	return &redactedError{err: err, secrets: secrets}
}

func anyLong(secrets []string) bool {
	for _, s := range secrets {
		if len(s) >= 4 {
			return true
		}
	}
	return false
}

// Error is the original message, secrets replaced.
func (e *redactedError) Error() string { return Redact(e.err.Error(), e.secrets...) }

// Unwrap returns the original error.
func (e *redactedError) Unwrap() error { return e.err }
