//go:build linux

package model

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// tinyFS mounts a tmpfs of size bytes for the test, or skips when the test
// may not mount (not root). Real full and read-only filesystems are the only
// honest way to see what a failed save leaves behind.
func tinyFS(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): run as root to test full and read-only disks", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

func TestSaveOnFullDiskKeepsPreviousFile(t *testing.T) {
	dir := tinyFS(t, "64k")
	path := filepath.Join(dir, "a.corefix.json")
	small := newTestAnnotation(t)
	if err := SaveAnnotation(path, small); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	big := randomAnnotation(t, nil) // the seed: ~40 KB of JSON, cannot fit twice
	var err error
	for i := 0; i < 3 && err == nil; i++ { // fill the disk until a save fails
		err = SaveAnnotation(filepath.Join(dir, "filler"+string(rune('a'+i))+".json"), big)
	}
	if err == nil {
		t.Fatal("the tiny disk never filled")
	}
	if err := SaveAnnotation(path, big); err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("save on a full disk: err = %v, want no space left", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Errorf("the previous annotation file changed after a failed save")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestSaveOnReadOnlyDiskKeepsPreviousFile(t *testing.T) {
	dir := tinyFS(t, "1m")
	path := filepath.Join(dir, "a.corefix.json")
	a := newTestAnnotation(t)
	if err := SaveAnnotation(path, a); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("remount read-only: %v", err)
	}
	_ = a.Reject(0)
	if err := SaveAnnotation(path, a); err == nil || !strings.Contains(err.Error(), "read-only file system") {
		t.Fatalf("save on a read-only disk: err = %v", err)
	}
	if got, err := ReadAnnotationFile(path); err != nil || got.Span(0).Status != Pending {
		t.Errorf("previous file not intact: %v", err)
	}
}
