package dev.camelsixtyfour.app.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;


/** One pipeline, {@code partner}: the SFTP drop folder of the test server, host key verified against known_hosts. */
public class SftpPipelineProfile implements QuarkusTestProfile {

    public static final String PIPELINE = "partner";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String prefix = "sixtyfour.pipelines." + PIPELINE + ".";
        config.put(prefix + "source.type", "sftp");
        config.put(prefix + "source.directory", "drop");
        config.put(prefix + "source.stable-for", "1s");
        config.put(prefix + "source.poll-interval", "300ms");
        config.put(prefix + "source.sftp.host", "127.0.0.1");
        config.put(prefix + "source.sftp.port", "${sixtyfour-test.sftp-port}");
        config.put(prefix + "source.sftp.username", SftpServerResource.USER);
        config.put(prefix + "source.sftp.password", SftpServerResource.PASSWORD);
        config.put(prefix + "source.sftp.known-hosts-file", "${sixtyfour-test.known-hosts}");
        InboxPipelineProfile.companiesForTests(prefix, config);
        return config;
    }
}
