package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An SFTP server (Apache MINA SSHD) on 127.0.0.1 and a free port, with a freshly generated host key that a
 * known_hosts file lists, serving a temporary folder to one user; alongside the emulator as the Sixtyfour API.
 */
public class SftpServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "partner";
    public static final String PASSWORD = "drop-zone-secret";

    /** Init argument: {@code other-key} lists a different host key in known_hosts (a server being impersonated). */
    public static final String KNOWN_HOSTS = "known-hosts";

    private static Path served;
    private static final List<String> RENAMES = new CopyOnWriteArrayList<>();
    private final EmulatorResource emulator = new EmulatorResource();
    private SshServer server;
    private boolean impersonated;

    @Override
    public void init(Map<String, String> initArgs) {
        impersonated = "other-key".equals(initArgs.get(KNOWN_HOSTS));
    }

    /** The folder the SFTP user sees as its home. */
    public static Path served() {
        return served;
    }

    /** Every rename done over SFTP so far, as {@code "<from file name> -> <to file name>"}. */
    public static List<String> renames() {
        return List.copyOf(RENAMES);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(emulator.start());
        try {
            Path root = Files.createTempDirectory("sixtyfour-sftp");
            served = Files.createDirectories(root.resolve("home"));
            Files.createDirectories(served.resolve("drop"));
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(root.resolve("host-key"));
            server.setKeyPairProvider(hostKeys);
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
            server.setFileSystemFactory(new VirtualFileSystemFactory(served));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory();
            sftp.addSftpEventListener(new SftpEventListener() {
                @Override
                public void moved(ServerSession session, Path from, Path to, Collection<CopyOption> options,
                        Throwable failure) {
                    if (failure == null) {
                        RENAMES.add(from.getFileName() + " -> " + to.getFileName());
                    }
                }
            });
            server.setSubsystemFactories(List.of(sftp));
            server.start();
            PublicKey listed = impersonated ? otherHostKey(root) : hostKeys.loadKeys(null).iterator().next().getPublic();
            Path knownHosts = writeKnownHosts(root, listed);
            config.put("sixtyfour-test.sftp-port", String.valueOf(server.getPort()));
            config.put("sixtyfour-test.known-hosts", knownHosts.toString());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test SFTP server", e);
        }
    }

    private static PublicKey otherHostKey(Path root) throws Exception {
        SimpleGeneratorHostKeyProvider other = new SimpleGeneratorHostKeyProvider(root.resolve("other-host-key"));
        return other.loadKeys(null).iterator().next().getPublic();
    }

    private Path writeKnownHosts(Path root, PublicKey hostKey) throws IOException {
        String line = "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n";
        return Files.writeString(root.resolve("known_hosts"), line);
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.stop(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            emulator.stop();
        }
    }
}
