package dev.conform.runtime.net;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders and files only their owner may read: created with their permissions as an attribute of
 * the creation itself (0700, 0600), so a secret is never world-readable, not even between a
 * create and a chmod.
 */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Creates {@code dir} (and missing parents) with mode 0700; an existing folder must already be owner-only. */
    public static Path directory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
            if (!mode.endsWith("------")) {
                throw new IOException(dir + " exists and is readable by others (" + mode + ")");
            }
        }
        return dir;
    }

    /** Writes a new file {@code file} with mode 0600 holding {@code bytes}; an existing file is replaced. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, bytes);
    }
}
