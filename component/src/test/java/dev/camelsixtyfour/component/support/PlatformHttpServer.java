package dev.camelsixtyfour.component.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Adds camel's Vert.x platform-http server on a free 127.0.0.1 port to a plain CamelContext, the way a Camel Main
 * or Quarkus runtime would provide it.
 */
public final class PlatformHttpServer {

    private PlatformHttpServer() {
    }

    /**
     * Registers the server with the context (it starts with the context) and returns its port.
     */
    public static int addTo(CamelContext context) throws Exception {
        int port = freePort();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(configuration));
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
