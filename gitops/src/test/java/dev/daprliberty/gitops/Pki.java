package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loopback cluster's own certificates, made with openssl under target/: one CA, which signs the API server's
 * serving certificate, the admin's client certificate and the git server's certificate; and the service
 * account signing key pair.
 */
final class Pki {

    private final Path dir;

    private Pki(Path dir) {
        this.dir = dir;
    }

    static Pki create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pki pki = new Pki(dir);
        pki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=gitops-loop-ca",
                "-keyout", pki.key("ca").toString(), "-out", pki.cert("ca").toString());
        pki.openssl("genrsa", "-out", pki.key("service-accounts").toString(), "2048");
        pki.openssl("rsa", "-in", pki.key("service-accounts").toString(), "-pubout",
                "-out", pki.dir.resolve("service-accounts.pub").toString());
        return pki;
    }

    /** A certificate for {@code name} signed by the CA: subject, subjectAltName (or null) and extendedKeyUsage. */
    Pki issue(String name, String subject, String subjectAltName, String usage) {
        Path extensions = dir.resolve(name + ".ext");
        try {
            Files.writeString(extensions, "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=" + usage + "\n" + (subjectAltName == null ? "" : "subjectAltName=" + subjectAltName + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path request = dir.resolve(name + ".csr");
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", key(name).toString(),
                "-out", request.toString());
        openssl("x509", "-req", "-in", request.toString(), "-CA", cert("ca").toString(), "-CAkey", key("ca").toString(),
                "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", cert(name).toString());
        return this;
    }

    /** The certificate and key of {@code name} as a PKCS #12 key store, for Java's HTTPS server. */
    Path keyStore(String name, String password) {
        Path store = dir.resolve(name + ".p12");
        openssl("pkcs12", "-export", "-in", cert(name).toString(), "-inkey", key(name).toString(),
                "-out", store.toString(), "-passout", "pass:" + password);
        return store;
    }

    Path cert(String name) {
        return dir.resolve(name + ".crt");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    Path serviceAccountPublicKey() {
        return dir.resolve("service-accounts.pub");
    }

    private void openssl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        CommandRun.run(command, Map.of(), dir).orFail();
    }
}
