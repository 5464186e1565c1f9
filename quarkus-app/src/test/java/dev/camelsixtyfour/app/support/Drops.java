package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import dev.camelsixtyfour.emulator.EmulatedRun;
import dev.camelsixtyfour.emulator.EmulatorDefaults;

/** What a test drops into the inbox pipeline and what it reads back from the emulator and the outbox. */
public final class Drops {

    private Drops() {
    }

    public static Path inbox() {
        return EmulatorResource.root().resolve("inbox");
    }

    public static Path out() {
        return EmulatorResource.root().resolve("out").resolve(InboxPipelineProfile.PIPELINE);
    }

    /** The first {@code rows} data rows of the S&P 500 list, header included. */
    public static String sp500Head(int rows) {
        List<String> lines = new String(TestFiles.resource("sp500-constituents.csv"), StandardCharsets.UTF_8)
                .lines().toList();
        return String.join("\n", lines.subList(0, rows + 1)) + "\n";
    }

    /** Writes the file under a temporary name, then renames it, as a careful uploader does. */
    public static Path drop(String name, byte[] content) {
        return drop(name, content, null);
    }

    public static Path drop(String name, byte[] content, FileTime modified) {
        return drop(inbox(), name, content, modified);
    }

    /** Drops UTF-8 text into another pipeline's folder (created when missing), the same careful way. */
    public static Path drop(Path folder, String name, String content) {
        return drop(folder, name, content.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Drops {@code content} into {@code folder}, with the given modification time when not null. */
    public static Path drop(Path folder, String name, byte[] content, FileTime modified) {
        try {
            Path part = Files.createDirectories(folder).resolve("." + name + ".part");
            Files.write(part, content);
            if (modified != null) {
                Files.setLastModifiedTime(part, modified);
            }
            return Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values of {@code column} of every row the COMPANY workflow received, across all its runs. */
    public static List<String> sent(String column) {
        return EmulatorResource.emulator().runs().stream()
                .filter(run -> EmulatorDefaults.COMPANY_WORKFLOW_ID.equals(run.workflowId()))
                .map(EmulatedRun::rows)
                .flatMap(List::stream)
                .map(row -> String.valueOf(row.get(column)))
                .toList();
    }

    /**
     * The reports in {@code errors} on the failed copies of {@code name}, each named after its moved copy:
     * {@code <name without extension>-<when picked up>.<extension>.report.txt}.
     */
    public static List<Path> errorReports(Path errors, String name) {
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot) + "-";
        return TestFiles.files(errors, name.substring(dot) + ".report.txt").stream()
                .filter(report -> report.getFileName().toString().startsWith(stem))
                .toList();
    }

    public static List<Map<String, Object>> outboxRows() {
        return TestFiles.ndjsonRows(out().resolve("results"), ".ndjson");
    }
}
