package com.example.authserver.admin.clients;

import com.example.authserver.clients.ApiResources;
import com.example.authserver.clients.ClientDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clients page of the console: the registered clients a page at a time, the API resources and their scopes, and
 * the form that creates a client. A confidential client's secret is generated here and shown on the response to the
 * creating POST only ({@link ClientController#showSecret}).
 */
@Controller
class ClientsController {

    static final String PATH = "/admin/clients";

    static final String LIST = "admin/clients/list";

    static final String FORM = "admin/clients/form";

    /** An API resource as listed: its scopes sorted. */
    public record ResourceLine(String name, String uri, String scopes) {}

    private static final int PAGE_SIZE = 25;

    private static final int MAX_PAGE = 10_000;

    private final ClientDirectory directory;

    private final ApiResources resources;

    private final ClientAdministration administration;

    ClientsController(ClientDirectory directory, ApiResources resources, ClientAdministration administration) {
        this.directory = directory;
        this.resources = resources;
        this.administration = administration;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("clients", directory.page(Math.max(0, Math.min(page, MAX_PAGE)), PAGE_SIZE));
        model.addAttribute(
                "resources",
                resources.all().stream()
                        .map(resource -> new ResourceLine(
                                resource.displayName(),
                                resource.uri(),
                                String.join(" ", new TreeSet<>(resource.scopes()))))
                        .sorted(Comparator.comparing(ResourceLine::name))
                        .toList());
        return LIST;
    }

    @GetMapping(PATH + "/new")
    String newClient(Model model) {
        model.addAttribute("clientForm", new ClientForm());
        model.addAttribute("creating", true);
        model.addAttribute("grantTypes", ClientForm.GRANT_TYPES);
        return FORM;
    }

    @PostMapping(PATH)
    String create(
            @ModelAttribute ClientForm clientForm, BindingResult errors, Model model, HttpServletResponse response) {
        ClientFormRules.check(clientForm, true, errors);
        if (!errors.hasFieldErrors("clientId") && administration.exists(clientForm.getClientId())) {
            errors.rejectValue("clientId", "admin.clients.error.clientId.taken");
        }
        if (!errors.hasErrors()) {
            try {
                ClientAdministration.NewSecret created = administration.create(clientForm);
                if (created.secret() == null) {
                    return "redirect:" + PATH + "/" + created.client().getId() + "?created";
                }
                return ClientController.showSecret(created, model, response);
            } catch (DuplicateKeyException createdMeanwhile) {
                errors.rejectValue("clientId", "admin.clients.error.clientId.taken");
            }
        }
        model.addAttribute("creating", true);
        model.addAttribute("grantTypes", ClientForm.GRANT_TYPES);
        return FORM;
    }
}
