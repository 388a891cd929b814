package com.example.authserver.mail;

import com.example.authserver.security.ApplicationChainContribution;
import java.util.List;
import org.springframework.stereotype.Component;

/** The development mailbox is open to visitors: the emails of accounts not confirmed yet are read there. */
@Component
class MailPages implements ApplicationChainContribution {

    @Override
    public List<String> publicPaths() {
        return List.of(DevelopmentMailbox.PAGE);
    }
}
