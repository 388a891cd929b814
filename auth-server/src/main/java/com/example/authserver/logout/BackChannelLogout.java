package com.example.authserver.logout;

import com.example.authserver.security.ProtocolContribution;
import com.example.authserver.sessions.SessionEnded;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a session ends, a delivery is queued for each client authorized in it
 * that registered a {@code backchannel_logout_uri} ({@link BackChannelDelivery} sends it later, so the user's page is
 * not kept waiting); discovery says so.
 */
@Component
class BackChannelLogout implements ProtocolContribution {

    private final RegisteredClientRepository clients;

    private final LogoutQueue.RestartableScheduler queue;

    private final BackChannelDelivery delivery;

    BackChannelLogout(
            RegisteredClientRepository clients, LogoutQueue.RestartableScheduler queue, BackChannelDelivery delivery) {
        this.clients = clients;
        this.queue = queue;
        this.delivery = delivery;
    }

    @EventListener
    void sessionEnded(SessionEnded ended) {
        for (String registeredClientId : ended.registeredClientIds()) {
            RegisteredClient client = clients.findById(registeredClientId);
            if (client != null
                    && client.getClientSettings().getSetting(LogoutClientSettings.BACK_CHANNEL_URI) != null) {
                LogoutDelivery data =
                        new LogoutDelivery(ended.issuer(), registeredClientId, ended.userId(), ended.sid());
                queue.client()
                        .schedule(delivery.task().instance(UUID.randomUUID().toString(), data), Instant.now());
            }
        }
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        metadata.put("backchannel_logout_supported", true);
        metadata.put("backchannel_logout_session_supported", true);
    }
}
