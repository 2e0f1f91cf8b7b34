//go:build !linux

package model

// adviseHugePages does nothing here: huge pages are asked for on Linux
// (see hugepages_linux.go).
func adviseHugePages([]byte) {}
