package dev.camelsixtyfour.app.format;

/** A file that cannot be read any further: the rows before {@link #line()} were read, the rest cannot be. */
public class MalformedFileException extends RuntimeException {

    private final String fileName;
    private final long line;

    public MalformedFileException(String fileName, long line, String reason, Throwable cause) {
        super(fileName + " line " + line + ": " + reason, cause);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    public long line() {
        return line;
    }
}
