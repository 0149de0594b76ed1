package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA's files and their custody: where they are, the keystore password (given, read from a
 * file, or generated into an owner-only file), and reading and writing PKCS#12 keystores so that
 * no other user can read them and no reader ever sees half a file. Every failure is one line
 * naming the file, never the password.
 */
final class CaFiles {

    static final String CA_KEYSTORE = "ca.p12";
    static final String RECOVERY_KEYSTORE = "key-recovery.p12";
    static final String PASSWORD_FILE = "keystore.password";

    private static final Logger LOG = LoggerFactory.getLogger(CaFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final EmbeddedCaSettings settings;
    private final SecureRandom random;

    CaFiles(EmbeddedCaSettings settings, SecureRandom random) {
        this.settings = settings;
        this.random = random;
    }

    Path directory() {
        return settings.caDirectory();
    }

    /** The keystore with the CA keys: the operator's, or the embedded one in the CA directory. */
    Path caKeystore() {
        return settings.keystore().orElse(directory().resolve(CA_KEYSTORE));
    }

    boolean operatorKeystore() {
        return settings.keystore().isPresent();
    }

    Path recoveryKeystore() {
        return directory().resolve(RECOVERY_KEYSTORE);
    }

    Path passwordFile() {
        return directory().resolve(PASSWORD_FILE);
    }

    /** Creates the CA directory, owner-only, if it is missing. */
    void ensureDirectory() {
        Path directory = directory();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.toAbsolutePath().getParent());
                Files.createDirectory(directory, ownerOnly(OWNER_ONLY_DIRECTORY));
            }
        } catch (FileAlreadyExistsException e) {
            // created by another instance meanwhile
        } catch (IOException e) {
            throw new CertificateAuthorityUnavailable(
                    "the CA directory " + directory + " cannot be created: " + reason(e));
        }
    }

    /**
     * The keystore password: the setting, else the first line of the password file setting, else
     * the generated password file in the CA directory. It is generated (256 random bits) only
     * while no CA keystore exists yet, so a lost password file is never silently replaced.
     */
    char[] password() {
        if (settings.keystorePassword().isPresent()) {
            return settings.keystorePassword().get().toCharArray();
        }
        if (settings.keystorePasswordFile().isPresent()) {
            return readPassword(settings.keystorePasswordFile().get());
        }
        Path file = passwordFile();
        if (Files.exists(file)) {
            return readPassword(file);
        }
        if (Files.exists(caKeystore())) {
            throw new CertificateAuthorityUnavailable("the CA keystore " + caKeystore()
                    + " exists but no password was given and " + file + " is missing");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Arrays.fill(secret, (byte) 0);
        try {
            Files.write(
                    Files.createFile(file, ownerOnly(OWNER_ONLY_FILE)),
                    (generated + "\n").getBytes(StandardCharsets.US_ASCII));
            LOG.info("Generated the CA keystore password into {} (readable by its owner only)", file);
            return generated.toCharArray();
        } catch (FileAlreadyExistsException e) {
            return readPassword(file); // another instance generated it first
        } catch (IOException e) {
            throw new CertificateAuthorityUnavailable(
                    "the CA keystore password file " + file + " cannot be written: " + reason(e));
        }
    }

    private static char[] readPassword(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = content.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw new CertificateAuthorityUnavailable("the CA keystore password file " + file + " is empty");
            }
            return firstLine.toCharArray();
        } catch (IOException e) {
            throw new CertificateAuthorityUnavailable(
                    "the CA keystore password file " + file + " cannot be read: " + reason(e));
        }
    }

    /** The keystore at {@code path}, or empty when there is no file. */
    Optional<KeyStore> load(Path path, char[] password, String what) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return Optional.of(store);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new CertificateAuthorityUnavailable(
                        "the " + what + " " + path + " cannot be opened: the password is wrong");
            }
            if (e instanceof AccessDeniedException) {
                throw new CertificateAuthorityUnavailable(
                        "the " + what + " " + path + " cannot be read: permission denied");
            }
            throw new CertificateAuthorityUnavailable(
                    "the " + what + " " + path + " cannot be opened: it is not a PKCS#12 keystore or it is damaged");
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityUnavailable(
                    "the " + what + " " + path + " cannot be opened: it is not a PKCS#12 keystore or it is damaged");
        }
    }

    /**
     * Writes a new keystore at {@code path} unless one is there already: written to a temporary
     * owner-only file first, then linked into place, which fails if another instance got there
     * first (then its keystore is the one to use: answer false).
     */
    boolean createNew(Path path, KeyStore store, char[] password) {
        Path temporary = writeTemporary(path, store, password);
        try {
            Files.createLink(path, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            return moveInto(path, temporary, false);
        } catch (IOException e) {
            throw new CertificateAuthorityUnavailable("the keystore " + path + " cannot be written: " + reason(e));
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Replaces the keystore at {@code path} in one step (readers see the old or the new file, whole). */
    void replace(Path path, KeyStore store, char[] password) {
        Path temporary = writeTemporary(path, store, password);
        try {
            moveInto(path, temporary, true);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private Path writeTemporary(Path path, KeyStore store, char[] password) {
        try {
            Path temporary = Files.createTempFile(
                    path.toAbsolutePath().getParent(), "." + path.getFileName(), ".tmp", ownerOnly(OWNER_ONLY_FILE));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                store.store(out, password);
                out.flush();
                channel.force(true);
            }
            return temporary;
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityUnavailable("the keystore " + path + " cannot be written: " + reason(e));
        }
    }

    private static boolean moveInto(Path path, Path temporary, boolean replace) {
        try {
            if (replace) {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temporary, path);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new CertificateAuthorityUnavailable("the keystore " + path + " cannot be written: " + reason(e));
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary file {}: {}", path, reason(e));
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        if (!POSIX) {
            LOG.warn("This file system has no POSIX permissions: protect {} by other means", "the CA directory");
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    /** An exception's kind and message, for one-line failures (file-system messages name paths, not secrets). */
    private static String reason(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
