package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser that loads several pages of one session at once (tabs, prefetching) makes requests that each add the
 * same session attribute at the same moment: none may fail.
 */
@ServerTest
class ParallelRequestsInOneSessionTests {

    @Autowired
    TestServer server;

    @Test
    void requestsOfOneSessionAddingTheSameAttributeAtOnceAllSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                Browser browser = server.browser();
                browser.get("/login"); // the session
                String request = server.interactiveClient()
                        .authorizationRequest("openid")
                        .requestUri()
                        .toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Browser.Page>> pages = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    // each keeps the authorization request in the session, to come back to after signing in
                    pages.add(threads.submit(() -> {
                        start.await();
                        return browser.get(request);
                    }));
                }
                start.countDown();
                for (Future<Browser.Page> page : pages) {
                    assertThat(page.get().status()).as("round %s", round).isEqualTo(302);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
