package dev.camelsixtyfour.app.source;

/**
 * A file whose size or modification time at the end of reading differ from those it was picked up with: its writer
 * was not done, and what it wrote after the read cannot be told apart from what was read. The file fails as a whole.
 */
public class FileChangedWhileReadingException extends RuntimeException {

    public FileChangedWhileReadingException(String fileName, long pickedUpBytes, long pickedUpModified, long nowBytes,
            long nowModified) {
        super(fileName + " changed while it was read: picked up with " + pickedUpBytes + " bytes, modified at "
                + pickedUpModified + " (epoch ms), now " + nowBytes + " bytes, modified at " + nowModified
                + "; what was written after it was picked up may not have been read. Let the writer finish first: a"
                + " done file (source.done-file-name) or an upload under a temporary name renamed at the end");
    }
}
