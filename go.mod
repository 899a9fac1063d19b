module github.com/lectern/lectern

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/kljensen/snowball v0.10.0
)
