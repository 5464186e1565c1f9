package dev.camelsixtyfour.app.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

import dev.camelsixtyfour.app.config.PipelineConfig.FormatConfig;

/** Opens the {@link RowReader} a pipeline's format asks for, after the checks every format shares. */
public final class RowReaders {

    private static final int SNIFF_BYTES = 8192;

    private RowReaders() {
    }

    public static RowReader open(InputStream input, FormatConfig format, String fileName) throws IOException {
        Charset charset = Charset.forName(format.charset());
        InputStream bytes = new BufferedInputStream(withoutByteOrderMark(input), SNIFF_BYTES * 2);
        rejectBinary(bytes, fileName);
        Reader reader = strictReader(bytes, charset);
        RowReader rows = switch (format.type()) {
            case CSV -> CsvRowReader.open(reader, format.delimiter(), fileName);
            case JSON -> JsonArrayRowReader.open(reader, fileName);
            case NDJSON -> new NdjsonRowReader(reader, fileName);
        };
        return new FailureInTurn(rows);
    }

    private static InputStream withoutByteOrderMark(InputStream input) throws IOException {
        return BOMInputStream.builder().setInputStream(input).setByteOrderMarks(ByteOrderMark.UTF_8).get();
    }

    /** Text files hold no NUL byte in any of the supported charsets; one in the first block means binary. */
    private static void rejectBinary(InputStream bytes, String fileName) throws IOException {
        bytes.mark(SNIFF_BYTES);
        byte[] head = bytes.readNBytes(SNIFF_BYTES);
        bytes.reset();
        for (int offset = 0; offset < head.length; offset++) {
            if (head[offset] == 0) {
                throw new MalformedFileException(fileName, 1,
                        "binary content (a NUL byte at offset " + offset + "), not a text file", null);
            }
        }
    }

    /** Undecodable bytes stop the file with a report instead of turning into replacement characters. */
    private static Reader strictReader(InputStream bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new StrictDecodingReader(bytes, decoder);
    }
}
