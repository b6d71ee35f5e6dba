/**
 * Storage: the connection pool and migrations for SQLite or PostgreSQL, the experiments table, the
 * group-committing writer that batches saves (with a bounded queue), the database's health (a
 * timed {@code SELECT 1}, down/up without a restart) and the storage quota.
 */
package backprop.server.store;
