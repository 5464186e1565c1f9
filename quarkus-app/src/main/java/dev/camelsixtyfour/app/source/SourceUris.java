package dev.camelsixtyfour.app.source;

import java.nio.file.Path;
import java.util.Locale;

import dev.camelsixtyfour.app.config.PipelineConfig.SftpConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * The Camel endpoint URIs of a pipeline's source. Both kinds read a file only once its size and modification time
 * have stayed the same for {@code stable-for} ({@code readLock=changed}), and never files named like uploads in
 * progress (a leading dot, or .part/.tmp); an optional done file makes the uploader say when a file is complete.
 * Processed files move to {@code .done/}, failed ones to {@code .error/} beside a report. A file is keyed by name,
 * size and modification time in a JDBC idempotent repository, written only once the file is fully handed on, so a
 * file interrupted by a crash is read again (from where it stopped) and a finished one never is.
 */
public final class SourceUris {

    /** Set by the source route before the consumer commits: {@code .done} or {@code .error}. */
    public static final String DISPOSITION = "SixtyfourAppDisposition";
    public static final String DONE = ".done";
    public static final String ERROR = ".error";

    /** Set by the source route when it picks a file up: the moment in the moved file's name (and its report's). */
    public static final String PICKED_UP_AT = "SixtyfourAppPickedUpAt";

    /** The name a file gets in {@code .done/} or {@code .error/}. */
    private static final String MOVED_NAME = "${file:name.noext}-${exchangeProperty." + PICKED_UP_AT
            + "}.${file:ext}";
    private static final String UPLOADS_IN_PROGRESS = "^\\..*|.*\\.(part|tmp|filepart)$";

    private SourceUris() {
    }

    /** The consumer URI of the pipeline's source; {@code processedFiles} names the idempotent repository bean. */
    public static String consumer(Pipeline pipeline, String processedFiles) {
        SourceConfig source = pipeline.config().source();
        long stableMillis = source.stableFor().toMillis();
        StringBuilder options = new StringBuilder()
                .append("readLock=changed")
                .append("&readLockCheckInterval=").append(stableMillis)
                .append("&readLockTimeout=").append(Math.max(60_000L, stableMillis * 10))
                .append("&readLockMinLength=0")
                .append("&delay=").append(source.pollInterval().toMillis())
                .append("&include=RAW(").append(source.include()).append(')')
                .append("&exclude=RAW(").append(UPLOADS_IN_PROGRESS).append(')')
                .append("&sortBy=file:modified")
                .append("&idempotent=true&idempotentEager=false")
                .append("&idempotentRepository=#").append(processedFiles)
                .append("&idempotentKey=RAW(${file:name}|${file:size}|${file:modified})")
                .append("&move=RAW(${exchangeProperty.").append(DISPOSITION)
                .append("}/").append(MOVED_NAME).append(')');
        source.doneFileName().ifPresent(done -> options.append("&doneFileName=RAW(")
                .append(DoneFileName.camelExpression(pipeline.name(), done)).append(')'));
        return switch (source.type()) {
            case FILE -> "file:" + folder(pipeline) + "?" + options;
            case SFTP -> sftpBase(source, folder(pipeline)) + "&" + options
                    + "&localWorkDirectory=" + pipeline.paths().work().resolve("sftp").toAbsolutePath()
                    + "&binary=true&stepwise=false";
            case HTTP, JMS, AMQP, KAFKA, RABBITMQ, MAIL -> throw notAFolder(pipeline);
        };
    }

    /**
     * A producer URI writing the failed file's report into the source's error folder, named after the moved file
     * ({@code <moved name>.report.txt}) so a second failure of a same-named file keeps the first report.
     */
    public static String errorReport(Pipeline pipeline) {
        SourceConfig source = pipeline.config().source();
        String errorFolder = folder(pipeline) + "/" + ERROR;
        String fileName = "&fileName=RAW(" + MOVED_NAME + ".report.txt)&fileExist=Override";
        return switch (source.type()) {
            case FILE -> "file:" + Path.of(errorFolder) + "?autoCreate=true" + fileName;
            case SFTP -> sftpBase(source, errorFolder) + fileName;
            case HTTP, JMS, AMQP, KAFKA, RABBITMQ, MAIL -> throw notAFolder(pipeline);
        };
    }

    /** The watched folder of a file or SFTP source, which those kinds require. */
    public static String folder(Pipeline pipeline) {
        return pipeline.config().source().directory().orElseThrow(() -> new IllegalStateException("Pipeline "
                + pipeline.name() + ": sixtyfour.pipelines." + pipeline.name() + ".source.directory is required for a "
                + pipeline.config().source().type().name().toLowerCase(Locale.ROOT) + " source"));
    }

    private static IllegalStateException notAFolder(Pipeline pipeline) {
        return new IllegalStateException("Pipeline " + pipeline.name() + " has a "
                + pipeline.config().source().type().name().toLowerCase(Locale.ROOT) + " source, not a folder");
    }

    private static String sftpBase(SourceConfig source, String directory) {
        SftpConfig sftp = source.sftp();
        StringBuilder uri = new StringBuilder("sftp://").append(sftp.host()).append(':').append(sftp.port())
                .append('/').append(directory.startsWith("/") ? directory.substring(1) : directory)
                .append("?username=").append(sftp.username())
                .append("&knownHostsFile=").append(sftp.knownHostsFile())
                .append("&useUserKnownHostsFile=false")
                .append("&strictHostKeyChecking=").append(sftp.strictHostKeyChecking() ? "yes" : "no")
                .append("&autoCreate=true");
        sftp.password().ifPresent(password -> uri.append("&password=RAW(").append(password).append(')'));
        sftp.privateKeyFile().ifPresent(key -> uri.append("&privateKeyFile=").append(key));
        return uri.toString();
    }
}
