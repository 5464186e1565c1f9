package dev.camelsixtyfour.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator until interrupted:
 * {@code java -jar camel-sixtyfour-emulator-<version>-runnable.jar [--port 8064] [--fixtures file.yaml]
 * [--step-millis 500]}.
 * <p>
 * Keys come from {@code SIXTYFOUR_EMULATOR_API_KEYS} ({@code key=org,key2=org2}) and the signing secret from
 * {@code SIXTYFOUR_EMULATOR_SIGNING_SECRET}; neither is ever printed. Without keys the demo key is accepted and
 * printed: it is the emulator's own, not a secret.
 */
public final class EmulatorMain {

    static final String KEYS_ENV = "SIXTYFOUR_EMULATOR_API_KEYS";
    static final String SECRET_ENV = "SIXTYFOUR_EMULATOR_SIGNING_SECRET";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");

        SixtyfourEmulator.Builder builder = configure(args);
        SixtyfourEmulator emulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "sixtyfour-emulator-shutdown"));

        System.out.println(banner(emulator, builder.usesDefaultKeys()));
        stopped.await();
    }

    static SixtyfourEmulator.Builder configure(String[] args) {
        SixtyfourEmulator.Builder builder = SixtyfourEmulator.builder().port(EmulatorDefaults.DEFAULT_RUNNABLE_PORT);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--fixtures" -> builder.fixtures(Path.of(value));
                case "--step-millis" -> builder.runStepDuration(Duration.ofMillis(Long.parseLong(value)));
                default -> throw new IllegalArgumentException("Unknown option " + option
                        + "; known: --port, --fixtures, --step-millis");
            }
        }

        String keys = System.getenv(KEYS_ENV);
        if (keys != null && !keys.isBlank()) {
            for (String pair : keys.split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException(KEYS_ENV + " must be key=org pairs separated by commas");
                }
                builder.apiKey(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        String secret = System.getenv(SECRET_ENV);
        if (secret != null && !secret.isBlank()) {
            builder.signingSecret(secret);
        }
        return builder;
    }

    static String banner(SixtyfourEmulator emulator, boolean defaultKeys) {
        StringBuilder text = new StringBuilder();
        text.append("Sixtyfour emulator listening on ").append(emulator.baseUri()).append('\n');
        text.append("Workflows:\n");
        emulator.workflowIds().forEach(id -> text.append("  ").append(id).append("  ")
                .append(emulator.workflowName(id)).append('\n'));
        if (defaultKeys) {
            text.append("API key (x-api-key): ").append(EmulatorDefaults.DEFAULT_API_KEY).append('\n');
        } else {
            text.append("API keys: as configured in ").append(KEYS_ENV).append(" (not shown)\n");
        }
        text.append("Stop with Ctrl-C.");
        return text.toString();
    }
}
