package dev.daprliberty.gitops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The repositories under one folder, served over HTTPS on loopback the way GitHub serves a fork: git's own smart
 * HTTP server ({@code git http-backend}, as CGI) behind Java's HTTPS server. Pushes are allowed: the repositories
 * set http.receivepack.
 */
final class GitHttpsServer implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Path projectRoot;

    private GitHttpsServer(Path projectRoot, SSLContext tls) throws IOException {
        this.projectRoot = projectRoot;
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static GitHttpsServer start(Path projectRoot, Path keyStore, String password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return new GitHttpsServer(projectRoot, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The https URL of a repository (a folder under the project root). */
    String url(String repository) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ProcessBuilder backend = new ProcessBuilder("git", "http-backend").redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> cgi = backend.environment();
            cgi.put("GIT_PROJECT_ROOT", projectRoot.toString());
            cgi.put("GIT_HTTP_EXPORT_ALL", "1");
            cgi.put("REQUEST_METHOD", exchange.getRequestMethod());
            cgi.put("PATH_INFO", exchange.getRequestURI().getRawPath());
            cgi.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
            cgi.put("REMOTE_ADDR", "127.0.0.1");
            putHeader(exchange, "Content-Type", cgi, "CONTENT_TYPE");
            putHeader(exchange, "Content-Encoding", cgi, "HTTP_CONTENT_ENCODING");
            putHeader(exchange, "Git-Protocol", cgi, "GIT_PROTOCOL");
            Process process = backend.start();
            Thread body = new Thread(() -> copyAndClose(exchange.getRequestBody(), process.getOutputStream()));
            body.start();
            InputStream out = process.getInputStream();
            int status = 200;
            for (String line = readLine(out); !line.isEmpty(); line = readLine(out)) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.substring(0, 3));
                } else {
                    exchange.getResponseHeaders().add(name, value);
                }
            }
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream response = exchange.getResponseBody()) {
                out.transferTo(response);
            }
            process.waitFor();
            body.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putHeader(HttpExchange exchange, String header, Map<String, String> cgi, String variable) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            cgi.put(variable, value);
        }
    }

    /** One CGI header line, without its line end; empty at the blank line that ends the headers. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void copyAndClose(InputStream from, OutputStream to) {
        try (from; to) {
            from.transferTo(to);
        } catch (IOException e) {
            // git http-backend stopped reading: its answer says why.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
