package dev.camelsixtyfour.app;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import org.apache.camel.quarkus.core.CamelRuntime;

import dev.camelsixtyfour.app.config.SixtyfourAppConfig;
import dev.camelsixtyfour.app.demo.DemoMode;
import dev.camelsixtyfour.app.ops.OneShotRun;

/**
 * The app's entry point. As a service it runs until stopped; in one-shot mode ({@code sixtyfour.one-shot=true}) it
 * processes what its sources hold, prints a summary and exits. {@code demo} as the first argument starts the
 * bundled emulator in-process first (unless SIXTYFOUR_API_KEY points it at the real service).
 */
@QuarkusMain
public class SixtyfourApp implements QuarkusApplication {

    @Inject
    SixtyfourAppConfig config;

    @Inject
    OneShotRun oneShot;

    public static void main(String... args) {
        try (DemoMode demo = DemoMode.fromArguments(args)) {
            Quarkus.run(SixtyfourApp.class, args);
        }
    }

    @Inject
    CamelRuntime camel;

    /** Starts Camel as Camel Quarkus's own main would, then either serves until stopped or runs one shot. */
    @Override
    public int run(String... args) throws Exception {
        camel.start(new String[0]);
        if (!config.oneShot()) {
            return camel.waitForExit();
        }
        int exitCode = oneShot.runToCompletion();
        camel.stop();
        return exitCode;
    }
}
