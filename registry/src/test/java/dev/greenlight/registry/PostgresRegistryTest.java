package dev.greenlight.registry;

/** The registry contract on a real PostgreSQL server ({@link PostgresServer}). */
class PostgresRegistryTest extends RegistryContract {

    @Override
    String newUrl() {
        return PostgresServer.require().newSchemaUrl();
    }
}
