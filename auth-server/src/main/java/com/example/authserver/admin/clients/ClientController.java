package com.example.authserver.admin.clients;

import com.example.authserver.clients.ClientSecretRotation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One client in the console: its settings (edited with {@link ClientForm}), its secret (rotated with an overlap) and
 * its deletion.
 *
 * <p>Clients written again at every start ({@code clients/SeededClients}: {@code authforge.clients.configured} and the
 * development clients) are shown read-only, with a note that application.yml (or {@code clients/Clients}) defines
 * them. Editing them here would be undone silently at the next start, and worse for secrets: a rotation meant to
 * retire a leaked secret would bring the leaked one back at the next restart. The configuration stays their one
 * source of truth.
 */
@Controller
class ClientController {

    static final String SECRET = "admin/clients/secret";

    private static final String CLIENT = ClientsController.PATH + "/{id}";

    /** The overlap a rotation proposes: a week to deploy the new secret everywhere the client runs. */
    static final int DEFAULT_OVERLAP_DAYS = 7;

    private static final int MAX_OVERLAP_DAYS = 90;

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ClientAdministration administration;

    private final ClientSecretRotation rotation;

    ClientController(ClientAdministration administration, ClientSecretRotation rotation) {
        this.administration = administration;
        this.rotation = rotation;
    }

    @GetMapping(CLIENT)
    String show(@PathVariable String id, Model model) {
        RegisteredClient client = found(id);
        return page(client, ClientForm.of(client), model);
    }

    @PostMapping(CLIENT)
    String update(@PathVariable String id, @ModelAttribute ClientForm clientForm, BindingResult errors, Model model) {
        RegisteredClient client = found(id);
        clientForm.setClientId(client.getClientId());
        clientForm.setPublicClient(ClientForm.isPublic(client));
        ClientFormRules.check(clientForm, false, errors);
        if (errors.hasErrors()) {
            return page(client, clientForm, model);
        }
        try {
            administration.update(client, clientForm);
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            RegisteredClient current = found(id);
            model.addAttribute("stale", true);
            return page(current, ClientForm.of(current), model);
        }
        return "redirect:" + ClientsController.PATH + "/" + id + "?saved";
    }

    @PostMapping(CLIENT + "/secret")
    String rotate(
            @PathVariable String id,
            @RequestParam(required = false) String overlapDays,
            Model model,
            HttpServletResponse response) {
        RegisteredClient client = found(id);
        if (administration.isSeeded(client)) {
            return seeded(client, model, response);
        }
        if (ClientForm.isPublic(client)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Integer days = days(overlapDays);
        if (days == null) {
            model.addAttribute("overlapError", true);
            model.addAttribute("overlapDays", overlapDays);
            return page(client, ClientForm.of(client), model);
        }
        return showSecret(administration.rotate(client, Duration.ofDays(days)), model, response);
    }

    @PostMapping(CLIENT + "/delete")
    String delete(@PathVariable String id, Model model, HttpServletResponse response) {
        RegisteredClient client = found(id);
        if (administration.isSeeded(client)) {
            return seeded(client, model, response);
        }
        administration.delete(client);
        return "redirect:" + ClientsController.PATH + "?deleted";
    }

    /** A change to a client the configuration owns: its read-only page, which says why, with 409 Conflict. */
    private String seeded(RegisteredClient client, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return page(client, ClientForm.of(client), model);
    }

    /**
     * The page that shows a new secret: the answer to the POST that made it, never a page to come back to (nothing
     * keeps the secret, so reloading the client's page does not show it), and not kept by any cache.
     */
    static String showSecret(ClientAdministration.NewSecret secret, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("client", secret.client());
        model.addAttribute("secret", secret.secret());
        model.addAttribute("previousSecretEnds", shown(secret.previousSecretEnds()));
        return SECRET;
    }

    private String page(RegisteredClient client, ClientForm form, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("clientForm", form);
        model.addAttribute("creating", false);
        model.addAttribute("grantTypes", ClientForm.GRANT_TYPES);
        model.addAttribute("seeded", administration.isSeeded(client));
        model.addAttribute("publicClient", ClientForm.isPublic(client));
        model.addAttribute(
                "overlapEnd", shown(rotation.overlapEnd(client.getId()).orElse(null)));
        if (!model.containsAttribute("overlapDays")) {
            model.addAttribute("overlapDays", DEFAULT_OVERLAP_DAYS);
        }
        return ClientsController.FORM;
    }

    private static String shown(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    private RegisteredClient found(String id) {
        return administration.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Integer days(String value) {
        try {
            int days = Integer.parseInt(value == null ? "" : value.strip());
            return days >= 0 && days <= MAX_OVERLAP_DAYS ? days : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
