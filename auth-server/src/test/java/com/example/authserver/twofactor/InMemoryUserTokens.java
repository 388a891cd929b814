package com.example.authserver.twofactor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.authserver.identity.UserToken;
import com.example.authserver.identity.UserTokenRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of {@code user_tokens} in a map, behind a mocked {@link UserTokenRepository}: what the two-factor classes
 * use of it (find, save, delete, and the compare-and-set {@code replaceIfUnchanged}) behaves as the table does.
 * {@link #afterNextRead} lets a test play another request that writes between a read and the write that follows it.
 */
final class InMemoryUserTokens {

    final UserTokenRepository repository = mock(UserTokenRepository.class);

    private final Map<UserToken.Key, UserToken> rows = new ConcurrentHashMap<>();

    private volatile Runnable afterNextRead;

    InMemoryUserTokens() {
        when(repository.findById(any())).thenAnswer(call -> {
            Optional<UserToken> found = Optional.ofNullable(rows.get(call.<UserToken.Key>getArgument(0)))
                    .map(InMemoryUserTokens::copy);
            Runnable meanwhile = afterNextRead;
            afterNextRead = null;
            if (meanwhile != null) {
                meanwhile.run();
            }
            return found;
        });
        when(repository.save(any(UserToken.class))).thenAnswer(call -> {
            UserToken token = call.getArgument(0);
            rows.put(new UserToken.Key(token.getUserId(), token.getLoginProvider(), token.getName()), copy(token));
            return token;
        });
        doAnswer(call -> rows.remove(call.<UserToken.Key>getArgument(0)))
                .when(repository)
                .deleteById(any());
        doAnswer(call -> {
                    call.<Iterable<UserToken.Key>>getArgument(0).forEach(rows::remove);
                    return null;
                })
                .when(repository)
                .deleteAllById(anyIterable());
        when(repository.replaceIfUnchanged(anyString(), anyString(), anyString(), anyString(), anyString()))
                .thenAnswer(call -> {
                    UserToken.Key key =
                            new UserToken.Key(call.getArgument(0), call.getArgument(1), call.getArgument(2));
                    UserToken current = rows.get(key);
                    if (current == null || !current.getValue().equals(call.getArgument(3))) {
                        return 0;
                    }
                    current.setValue(call.getArgument(4));
                    return 1;
                });
    }

    /** The stored value of the user's server-kept token of that name, or null. */
    String value(String userId, String name) {
        UserToken row = rows.get(key(userId, name));
        return row == null ? null : row.getValue();
    }

    /** Sets a value as another request would (outside the class under test). */
    void put(String userId, String name, String value) {
        rows.put(key(userId, name), new UserToken(userId, UserToken.SERVER_PROVIDER, name, value));
    }

    /** Runs {@code meanwhile} once, right after the next read returned: a concurrent request's write. */
    void afterNextRead(Runnable meanwhile) {
        afterNextRead = meanwhile;
    }

    private static UserToken.Key key(String userId, String name) {
        return new UserToken.Key(userId, UserToken.SERVER_PROVIDER, name);
    }

    private static UserToken copy(UserToken token) {
        return new UserToken(token.getUserId(), token.getLoginProvider(), token.getName(), token.getValue());
    }
}
