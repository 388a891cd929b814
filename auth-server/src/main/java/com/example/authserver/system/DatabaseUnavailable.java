package com.example.authserver.system;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable, every request that needs it is answered with 503 and a clear
 * error (an error page for browsers, RFC 6749's {@code temporarily_unavailable} for clients) instead
 * of a 500. Nothing else is needed to recover: the connection pool reconnects once the database is back.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DataSource dataSource) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(dataSource));
        // outside Spring Security, so failures inside its filters (sign-in, token endpoint) are caught too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class DatabaseUnavailableFilter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

        private static final String RETRY_AFTER_SECONDS = "5";

        private final DataSource dataSource;

        DatabaseUnavailableFilter(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        private static final byte[] PROTOCOL_ERROR = ("{\"error\":\"temporarily_unavailable\","
                        + "\"error_description\":\"The server cannot reach its database. Try again shortly.\"}")
                .getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException ex) {
                boolean unreachable = isDatabaseUnreachable(ex) || isDataAccessFailure(ex) && !databaseAnswers();
                if (!unreachable || response.isCommitted()) {
                    throw ex;
                }
                log.warn(
                        "Database unreachable, answered {} {} with 503: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        rootCause(ex).toString());
                response.resetBuffer();
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                String accept = request.getHeader(HttpHeaders.ACCEPT);
                if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
                    response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                } else {
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getOutputStream().write(PROTOCOL_ERROR);
                }
            }
        }

        static boolean isDatabaseUnreachable(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof DataAccessResourceFailureException
                        || cause instanceof CannotCreateTransactionException
                        || cause instanceof SQLTransientConnectionException
                        || cause instanceof SQLNonTransientConnectionException
                        || cause instanceof SQLRecoverableException
                        || cause instanceof ConnectException
                        || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                    return true;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return false;
        }

        /**
         * A failure of the data layer whose cause got lost (for example a rollback that failed after the
         * connection broke replaces the original error): then the database is asked directly.
         */
        static boolean isDataAccessFailure(Throwable failure) {
            for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof DataAccessException
                        || cause instanceof TransactionException
                        || cause instanceof PersistenceException
                        || cause instanceof SQLException) {
                    return true;
                }
            }
            return false;
        }

        private boolean databaseAnswers() {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(2);
            } catch (SQLException | RuntimeException unreachable) {
                return false;
            }
        }

        /** SQLSTATE 08xxx: connection exception; 57Pxx: the server was shut down or crashed (PostgreSQL). */
        private static boolean isConnectionState(String sqlState) {
            return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
        }

        private static Throwable rootCause(Throwable failure) {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
