module corefix

go 1.26.7

require (
	github.com/gofrs/flock v0.13.2
	github.com/google/go-cmp v0.7.0
)

require golang.org/x/sys v0.49.0 // indirect
