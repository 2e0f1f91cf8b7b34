package model

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// WriteFileAtomic replaces path with data so that a reader (or a crash at
// any moment) sees either the old file or the new one, never a mix: write a
// temporary file in the same directory, fsync it, rename it over path, then
// fsync the directory so the rename itself survives a power cut. On any
// error the temporary file is removed and the previous file is untouched.
// (The same sequence as google/renameio; done here in 30 lines rather than
// adding a dependency for it.)
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic is WriteFileAtomic for output too large to hold in memory
// (a dataset export): write streams the content into the temporary file.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("save %s: %w", path, err)
		}
	}()
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir fsyncs directory dir, so that a file created or renamed in it
// survives a power cut. Best effort: not every filesystem supports
// syncing a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
