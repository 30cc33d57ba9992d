package io.mvinfra.host.store;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection of {@link Database}'s one-shot connections, lent to one user: {@link #close()} hands it back for the next
 * one instead of closing it, everything else is the connection's own. Written out rather than a
 * {@link java.lang.reflect.Proxy}: generating a proxy class of {@link Connection} costs a one-shot command some 10 ms
 * of its start, and every call through it a reflective invocation.
 */
final class LentConnection implements Connection {
    /** Where a lent connection goes back to. */
    interface Lender {
        void giveBack(Connection physical) throws SQLException;
    }

    private final Connection physical;
    private final Lender lender;

    LentConnection(Connection physical, Lender lender) {
        this.physical = physical;
        this.lender = lender;
    }

    @Override
    public void close() throws SQLException {
        lender.giveBack(physical);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return physical.isClosed();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        physical.abort(executor);
    }

    @Override
    public void beginRequest() throws SQLException {
        physical.beginRequest();
    }

    @Override
    public void clearWarnings() throws SQLException {
        physical.clearWarnings();
    }

    @Override
    public void commit() throws SQLException {
        physical.commit();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return physical.createArrayOf(typeName, elements);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return physical.createBlob();
    }

    @Override
    public Clob createClob() throws SQLException {
        return physical.createClob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return physical.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return physical.createSQLXML();
    }

    @Override
    public Statement createStatement() throws SQLException {
        return physical.createStatement();
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return physical.createStatement(type, concurrency);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        return physical.createStatement(type, concurrency, holdability);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return physical.createStruct(typeName, attributes);
    }

    @Override
    public void endRequest() throws SQLException {
        physical.endRequest();
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return physical.getAutoCommit();
    }

    @Override
    public String getCatalog() throws SQLException {
        return physical.getCatalog();
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return physical.getClientInfo();
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return physical.getClientInfo(name);
    }

    @Override
    public int getHoldability() throws SQLException {
        return physical.getHoldability();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return physical.getMetaData();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return physical.getNetworkTimeout();
    }

    @Override
    public String getSchema() throws SQLException {
        return physical.getSchema();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return physical.getTransactionIsolation();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return physical.getTypeMap();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return physical.getWarnings();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return physical.isReadOnly();
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        return physical.isValid(timeoutSeconds);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return physical.isWrapperFor(iface);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return physical.nativeSQL(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return physical.prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return physical.prepareCall(sql, type, concurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return physical.prepareCall(sql, type, concurrency, holdability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return physical.prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return physical.prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return physical.prepareStatement(sql, columnNames);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return physical.prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return physical.prepareStatement(sql, type, concurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        return physical.prepareStatement(sql, type, concurrency, holdability);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        physical.releaseSavepoint(savepoint);
    }

    @Override
    public void rollback() throws SQLException {
        physical.rollback();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        physical.rollback(savepoint);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        physical.setAutoCommit(autoCommit);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        physical.setCatalog(catalog);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        physical.setClientInfo(properties);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        physical.setClientInfo(name, value);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        physical.setHoldability(holdability);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int timeoutMillis) throws SQLException {
        physical.setNetworkTimeout(executor, timeoutMillis);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        physical.setReadOnly(readOnly);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return physical.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return physical.setSavepoint(name);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        physical.setSchema(schema);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        physical.setShardingKey(shardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        physical.setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeoutSeconds) throws SQLException {
        return physical.setShardingKeyIfValid(shardingKey, timeoutSeconds);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeoutSeconds) throws SQLException {
        return physical.setShardingKeyIfValid(shardingKey, superShardingKey, timeoutSeconds);
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        physical.setTransactionIsolation(level);
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        physical.setTypeMap(map);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return physical.unwrap(iface);
    }
}
