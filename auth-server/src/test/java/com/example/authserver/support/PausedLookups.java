package com.example.authserver.support;

import com.example.authserver.authorization.ForwardingAuthorizationService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Lets a test hold one request inside the server right after it looked a token up, and let it go on later: the way
 * to play a race between two requests (a refresh and a revocation, say) in a fixed order, over real HTTP. Inert
 * unless a test asks for a pause.
 */
public class PausedLookups implements BeanPostProcessor {

    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    /** A request held after its lookup: wait until it got there, do something, then let it go. */
    public record Pause(CountDownLatch reached, CountDownLatch released) {

        public void awaitReached() throws InterruptedException {
            if (!reached.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("No request looked the token up within 15 s");
            }
        }

        public void release() {
            released.countDown();
        }
    }

    /** The next request that looks up this token value stops right after the lookup. */
    public Pause pauseAfterLookupOf(String tokenValue) {
        Pause pause = new Pause(new CountDownLatch(1), new CountDownLatch(1));
        pauses.put(tokenValue, pause);
        return pause;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof OAuth2AuthorizationService service) {
            return new Pausing(service);
        }
        return bean;
    }

    /** The store as it is, except that a lookup of a paused token waits after it found it. */
    private final class Pausing extends ForwardingAuthorizationService {

        Pausing(OAuth2AuthorizationService delegate) {
            super(delegate);
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            OAuth2Authorization found = super.findByToken(token, tokenType);
            Pause pause = pauses.remove(token);
            if (pause != null) {
                pause.reached().countDown();
                try {
                    pause.released().await(15, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            return found;
        }
    }
}
