module corefix

go 1.26.7

require github.com/google/go-cmp v0.7.0
