package com.example.authserver.system;

import static com.example.authserver.system.Gen.chance;

import com.example.authserver.support.RawHttp;
import com.example.authserver.system.Case.Trait;
import com.example.authserver.system.SweepSessions.Visit;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The cases of one endpoint: its fields, each present or missing, duplicated, misnamed, with bad values or now and
 * then a valid one; unknown fields; the parameters in the query, a form, JSON or multipart body, encoded right or
 * wrong, under a fitting or a wrong Content-Type; odd headers; sent by a stranger or in a session, with the CSRF
 * token right, wrong, twice or missing. {@link Headers} and {@link SweepSessions} supply headers and senders.
 */
final class RequestGen implements Gen<Case> {

    private static final List<String> OTHER_METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    private final String method;

    private final List<String> paths;

    private final Map<String, Gen<String>> fields = new LinkedHashMap<>();

    private final List<Gen<List<Map.Entry<String, String>>>> headers = new ArrayList<>();

    private Gen<Visit> senders = Gen.constant(Visit.STRANGER);

    private Gen<String> jsonBodies;

    private double csrfRight = 0.7;

    private RequestGen(String method, String... paths) {
        this.method = method;
        this.paths = List.of(paths);
    }

    /** The same cases, sent with another method. */
    RequestGen withMethod(String otherMethod) {
        RequestGen copy = new RequestGen(otherMethod, paths.toArray(String[]::new));
        copy.fields.putAll(fields);
        copy.headers.addAll(headers);
        copy.senders = senders;
        copy.jsonBodies = jsonBodies;
        copy.csrfRight = csrfRight;
        return copy;
    }

    static RequestGen get(String... paths) {
        return new RequestGen("GET", paths);
    }

    static RequestGen post(String... paths) {
        return new RequestGen("POST", paths);
    }

    RequestGen field(String name, Gen<String> values) {
        fields.put(name, values);
        return this;
    }

    RequestGen headers(Gen<List<Map.Entry<String, String>>> more) {
        headers.add(more);
        return this;
    }

    RequestGen sentBy(Gen<Visit> visits) {
        this.senders = visits;
        return this;
    }

    /** A JSON endpoint: most cases carry one of these bodies (the CSRF token then goes in a header). */
    RequestGen json(Gen<String> bodies) {
        this.jsonBodies = bodies;
        return this;
    }

    /** How often a case sent in a session carries its CSRF token right (and so reaches the controller). */
    RequestGen csrfRight(double probability) {
        this.csrfRight = probability;
        return this;
    }

    @Override
    public Case next(SplittableRandom random) {
        Set<Trait> traits = EnumSet.noneOf(Trait.class);
        String verb = chance(random, 0.92) ? method : Gen.oneOf(OTHER_METHODS).next(random);
        String path = Gen.oneOf(paths).next(random);
        if (chance(random, 0.03)) {
            path = Gen.oneOf(path + "/", path + ";x=1", "/" + path, path.toUpperCase(), path + "%2F", path + "/..")
                    .next(random);
            traits.add(Trait.TRANSPORT);
        }
        List<Map.Entry<String, String>> params = params(random);
        Visit sender = senders.next(random);
        List<Map.Entry<String, String>> head = new ArrayList<>(Headers.common(random, traits));
        if (sender.cookie() != null) {
            head.add(Map.entry("Cookie", sender.cookie()));
        }
        if (sender.signedIn()) {
            traits.add(Trait.SIGNED_IN);
        }
        String csrf = csrf(sender, random);
        boolean json = jsonBodies != null && verb.equals("POST") && chance(random, 0.85);
        boolean csrfInHeader = csrf != null && (json || chance(random, 0.1));
        if (csrfInHeader) {
            head.add(Map.entry("X-CSRF-TOKEN", csrf));
        } else if (csrf != null) {
            params.add(random.nextInt(params.size() + 1), Map.entry("_csrf", csrf));
        }
        headers.forEach(more -> head.addAll(more.next(random)));
        Body body = json ? Body.json(jsonBodies.next(random), random) : Body.of(params, verb, random);
        String target = body.query() == null ? path : path + "?" + body.query();
        boolean rightType = body.contentType() != null && chance(random, 0.92);
        if (rightType) {
            head.add(Map.entry("Content-Type", body.contentType()));
        } else if (body.content() != null && chance(random, 0.8)) {
            head.add(Map.entry("Content-Type", Headers.oddContentType(random)));
        }
        if (!body.readable()
                || !WireFormat.firewallAccepts(params)
                || !WireFormat.firewallAcceptsHeaders(head)
                || body.content() != null && !rightType) {
            traits.add(Trait.UNREADABLE);
        }
        if (!WireFormat.validTarget(target) || headSize(target, head) > 7800 || Headers.refusedByContainer(head)) {
            traits.add(Trait.TRANSPORT);
        }
        if (sender.csrfToken() != null
                && sender.csrfToken().equals(csrf)
                && (csrfInHeader || body.formFields() && arrivesIntact(body, csrf))
                && !traits.contains(Trait.TRANSPORT)
                && !traits.contains(Trait.UNREADABLE)) {
            traits.add(Trait.CSRF_VALID);
        }
        return new Case(new RawHttp.Request(verb, target, head, body.content()), params, traits, sender.description());
    }

    private List<Map.Entry<String, String>> params(SplittableRandom random) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (chance(random, 0.75)) {
                String field = chance(random, 0.03)
                        ? Gen.oneOf(name.toUpperCase(), name + " ", name + "[]", " " + name, name + "\u0000")
                                .next(random)
                        : name;
                params.add(Map.entry(field, values.next(random)));
                if (chance(random, 0.06)) {
                    params.add(Map.entry(field, values.next(random)));
                }
            }
        });
        for (int i = random.nextInt(3); i > 0 && chance(random, 0.3); i--) {
            params.add(
                    random.nextInt(params.size() + 1),
                    Map.entry(BadValues.text().next(random), BadValues.text().next(random)));
        }
        if (chance(random, 0.03)) {
            params.add(new java.util.AbstractMap.SimpleEntry<>(BadValues.text().next(random), null));
        }
        return params;
    }

    /**
     * Whether the form fields (body or query) still carry the token as it was: a broken escape put into the middle of it can make
     * a valid one by chance ({@code %} before {@code 23} is {@code #}), and the server then rightly refuses it.
     */
    private static boolean arrivesIntact(Body body, String csrf) {
        String form = body.content() != null
                ? new String(body.content(), StandardCharsets.ISO_8859_1)
                : body.query() == null ? "" : body.query();
        for (String field : form.split("&")) {
            if (field.startsWith("_csrf=")) {
                try {
                    return URLDecoder.decode(field.substring("_csrf=".length()), StandardCharsets.UTF_8)
                            .equals(csrf);
                } catch (IllegalArgumentException ex) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The token the case sends: its session's (most of the time, if it has one), another, or none. */
    private String csrf(Visit sender, SplittableRandom random) {
        if (sender.csrfToken() != null && chance(random, csrfRight)) {
            return sender.csrfToken();
        }
        return Gen.<String>mix()
                .add(3, Gen.constant(null))
                .add(2, BadValues.token())
                .add(1, BadValues.text())
                .next(random);
    }

    private static int headSize(String target, List<Map.Entry<String, String>> head) {
        return target.length()
                + head.stream()
                        .mapToInt(header ->
                                header.getKey().length() + header.getValue().length() + 4)
                        .sum();
    }
}
