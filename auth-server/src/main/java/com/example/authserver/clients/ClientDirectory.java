package com.example.authserver.clients;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registered clients as a list, a page at a time, ordered by client id (the framework's repository only finds
 * one client by id). For the admin console; token requests never read it.
 */
@Component
public class ClientDirectory {

    /** One line of the list. */
    public record Entry(String id, String clientId, String clientName) {}

    /** A page of the list, and whether another follows. */
    public record Page(List<Entry> entries, int page, boolean hasNext) {}

    private final JdbcClient jdbc;

    ClientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(int page, int size) {
        List<Entry> entries = jdbc.sql("select id, client_id, client_name from oauth2_registered_client"
                        + " order by client_id limit ? offset ?")
                .params(size + 1, page * size)
                .query((row, number) ->
                        new Entry(row.getString("id"), row.getString("client_id"), row.getString("client_name")))
                .list();
        return new Page(entries.stream().limit(size).toList(), page, entries.size() > size);
    }
}
