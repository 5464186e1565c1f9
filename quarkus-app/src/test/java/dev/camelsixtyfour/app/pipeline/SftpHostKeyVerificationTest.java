package dev.camelsixtyfour.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.SftpPipelineProfile;
import dev.camelsixtyfour.app.support.SftpServerResource;
import dev.camelsixtyfour.app.support.TestFiles;

/** Host keys are verified by default: a server whose key known_hosts does not list gets no file read. */
@QuarkusTest
@TestProfile(SftpPipelineProfile.class)
@QuarkusTestResource(value = SftpServerResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = SftpServerResource.KNOWN_HOSTS, value = "other-key"))
class SftpHostKeyVerificationTest {

    @Test
    void aServerWithAnUnlistedHostKeyIsNotTrusted() throws IOException {
        Path upload = SftpServerResource.served().resolve("drop/sp500.csv");

        Files.write(upload, TestFiles.resource("sp500-constituents.csv"));

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> EmulatorResource.emulator().runs().isEmpty() && Files.exists(upload));
        assertThat(SftpServerResource.served().resolve("drop/.done")).doesNotExist();
    }
}
