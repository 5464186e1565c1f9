package dev.camelsixtyfour.app.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes strictly (undecodable bytes are an error, never replaced) but hands out every character before the
 * undecodable bytes first and throws only when the reader reaches them. {@code InputStreamReader} throws for the
 * whole chunk it was decoding, so a bad byte on line 78 of a file failed the read of its header row.
 */
final class StrictDecodingReader extends Reader {

    private static final int CHUNK = 8192;

    private final InputStream input;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
    private final CharBuffer chars = CharBuffer.allocate(CHUNK).flip();
    private CoderResult undecodable;
    private boolean endOfInput;
    private boolean flushed;

    StrictDecodingReader(InputStream input, CharsetDecoder decoder) {
        this.input = input;
        this.decoder = decoder;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (undecodable != null) {
                undecodable.throwException();
            }
            if (flushed) {
                return -1;
            }
            decodeMore();
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        return count;
    }

    /** Decodes up to the next undecodable bytes, a full buffer, or the end of the input. */
    private void decodeMore() throws IOException {
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                undecodable = result;
                break;
            }
            if (result.isOverflow() || chars.position() > 0 && !endOfInput) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            readBytes();
        }
        chars.flip();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int read = input.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
