package dev.camelsixtyfour.app.source;

/**
 * The {@code source.done-file-name} setting as Camel's {@code doneFileName}. The configuration system expands
 * {@code ${file:name}} itself (to {@code name}) before the app sees it, so the setting takes the placeholders
 * {@code {name}} and {@code {name.noext}} instead and the app translates them; a value that reaches the app without
 * any file placeholder would make every file wait for the same done file, and is refused at startup.
 */
public final class DoneFileName {

    private static final String NAME = "{name}";
    private static final String NAME_NOEXT = "{name.noext}";
    private static final String CAMEL_NAME = "${file:name}";
    private static final String CAMEL_NAME_NOEXT = "${file:name.noext}";

    private DoneFileName() {
    }

    /** Camel's done-file expression for the configured value of pipeline {@code pipeline}. */
    public static String camelExpression(String pipeline, String configured) {
        String expression = configured.replace(NAME_NOEXT, CAMEL_NAME_NOEXT).replace(NAME, CAMEL_NAME);
        if (!expression.contains(CAMEL_NAME) && !expression.contains(CAMEL_NAME_NOEXT)) {
            throw new IllegalStateException("Pipeline " + pipeline + ": sixtyfour.pipelines." + pipeline
                    + ".source.done-file-name is '" + configured + "', which names no file: every file would wait"
                    + " for that one done file. Use {name} or {name.noext}, e.g. {name}.done (a ${file:name} in the"
                    + " configuration is expanded by the configuration system before the app sees it)");
        }
        return expression;
    }
}
