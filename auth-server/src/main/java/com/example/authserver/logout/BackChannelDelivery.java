package com.example.authserver.logout;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The queued task that delivers one logout token: a POST of {@code logout_token} to the client's
 * {@code backchannel_logout_uri} (read again at each attempt, so a client that removed it gets nothing). Any answer
 * but a 2xx, or none within the timeout, is a failure: retried after a wait that doubles each time, and logged as a
 * warning when the last attempt failed.
 */
@Component
class BackChannelDelivery {

    static final String TASK_NAME = "backchannel-logout";

    private static final Logger log = LoggerFactory.getLogger(BackChannelDelivery.class);

    private final RegisteredClientRepository clients;

    private final LogoutTokens tokens;

    private final BackChannelLogoutProperties properties;

    private final HttpClient http;

    private final OneTimeTask<LogoutDelivery> task;

    BackChannelDelivery(
            RegisteredClientRepository clients, LogoutTokens tokens, BackChannelLogoutProperties properties) {
        this.clients = clients;
        this.tokens = tokens;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.task = Tasks.oneTime(TASK_NAME, LogoutDelivery.class)
                .onFailure(this::retryOrGiveUp)
                .execute((instance, context) -> deliver(instance.getData()));
    }

    OneTimeTask<LogoutDelivery> task() {
        return task;
    }

    void deliver(LogoutDelivery delivery) {
        RegisteredClient client = clients.findById(delivery.registeredClientId());
        String uri =
                client == null ? null : client.getClientSettings().getSetting(LogoutClientSettings.BACK_CHANNEL_URI);
        if (uri == null) {
            return;
        }
        String body = "logout_token="
                + URLEncoder.encode(tokens.sign(delivery, client.getClientId()), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(properties.getTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException ex) {
            throw new DeliveryFailed(client.getClientId() + ": " + ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed(client.getClientId() + ": interrupted");
        }
        if (status < 200 || status >= 300) {
            throw new DeliveryFailed(client.getClientId() + ": answered " + status);
        }
    }

    private void retryOrGiveUp(ExecutionComplete complete, ExecutionOperations<LogoutDelivery> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        String cause = complete.getCause().map(Throwable::getMessage).orElse("unknown");
        if (failures >= properties.getMaxAttempts()) {
            log.warn("Back-channel logout not delivered after {} attempts, given up: {}", failures, cause);
            operations.stop();
            return;
        }
        log.debug("Back-channel logout attempt {} failed, retrying: {}", failures, cause);
        operations.reschedule(
                complete,
                complete.getTimeDone().plus(properties.getFirstRetry().multipliedBy(1L << Math.min(failures - 1, 20))));
    }

    /** A delivery that did not get a 2xx answer; its message names the client and the reason (no token). */
    static final class DeliveryFailed extends RuntimeException {

        DeliveryFailed(String message) {
            super(message, null, false, false);
        }
    }
}
