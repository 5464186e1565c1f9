package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An embedded GreenMail server for a Quarkus test on free 127.0.0.1 ports: SMTP (tests send mails through it, as a
 * mail client would), IMAP and IMAPS. IMAPS presents a certificate made for 127.0.0.1 at start, whose truststore
 * the app is given, so the server's identity is checked as in production.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String MAILBOX_USER = "companies@mail.test";
    public static final String SECURE_USER = "secure@mail.test";
    public static final String UNTRUSTED_USER = "untrusted@mail.test";
    public static final String PASSWORD = "mail-" + UUID.randomUUID();
    private static final String STORE_PASSWORD = "store-" + UUID.randomUUID();

    private static GreenMail greenMail;
    private static int smtpPort;
    private static int imapPort;

    @Override
    public Map<String, String> start() {
        Path truststore = certificates();
        smtpPort = freePort();
        imapPort = freePort();
        int imapsPort = freePort();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(imapsPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
        greenMail.setUser(MAILBOX_USER, MAILBOX_USER, PASSWORD);
        greenMail.setUser(SECURE_USER, SECURE_USER, PASSWORD);
        greenMail.setUser(UNTRUSTED_USER, UNTRUSTED_USER, PASSWORD);
        greenMail.start();
        return Map.of(
                "sixtyfour-test.imap-port", String.valueOf(imapPort),
                "sixtyfour-test.imaps-port", String.valueOf(imapsPort),
                "sixtyfour-test.mail-password", PASSWORD,
                "sixtyfour-test.truststore", truststore.toString(),
                "sixtyfour-test.truststore-password", STORE_PASSWORD);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Sends the mail through the SMTP server, as a mail client would. */
    public static void send(MimeMessage mail) {
        try {
            Transport.send(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot send a test mail: " + e.getMessage(), e);
        }
    }

    /** A mail session whose SMTP transport is the test server. */
    public static Session smtpSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        return Session.getInstance(properties);
    }

    /** The mails in a folder of a user's mailbox, read over IMAP as an operator's mail client would. */
    public static List<MimeMessage> folder(String user, String folderName) {
        return read(user, folderName, List.of(), folder -> {
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                if (!message.isSet(Flags.Flag.DELETED)) {
                    copies.add(new MimeMessage((MimeMessage) message));
                }
            }
            return copies;
        });
    }

    /** How many mails of the folder nobody has read (no SEEN flag). */
    public static int unseen(String user, String folderName) {
        return read(user, folderName, 0, Folder::getUnreadMessageCount);
    }

    private interface FolderRead<T> {
        T read(Folder folder) throws MessagingException;
    }

    private static <T> T read(String user, String folderName, T missing, FolderRead<T> reading) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imapPort, user, PASSWORD);
            try {
                Folder folder = store.getFolder(folderName);
                if (!folder.exists()) {
                    return missing;
                }
                folder.open(Folder.READ_ONLY);
                T result = reading.read(folder);
                folder.close(false);
                return result;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read folder " + folderName + " of " + user + ": "
                    + e.getMessage(), e);
        }
    }

    /** A key pair for 127.0.0.1 that GreenMail's IMAPS serves, and a truststore holding its certificate. */
    private static Path certificates() {
        try {
            Path directory = Files.createTempDirectory("greenmail-tls");
            Path server = directory.resolve("server.p12");
            Path certificate = directory.resolve("server.crt");
            Path truststore = directory.resolve("truststore.p12");
            keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", server.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
            keytool("-exportcert", "-alias", "greenmail", "-keystore", server.toString(), "-storepass",
                    STORE_PASSWORD, "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "greenmail", "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
            System.setProperty("greenmail.tls.keystore.file", server.toString());
            System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
            System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
            return truststore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while keytool ran", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
