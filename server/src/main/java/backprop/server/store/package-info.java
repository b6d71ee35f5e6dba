/**
 * Storage: the connection pool and migrations for SQLite or PostgreSQL, the experiments table, and
 * the group-committing writer that batches saves.
 */
package backprop.server.store;
