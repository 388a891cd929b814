package com.example.authserver.mail;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The development mailbox exists outside the prod profile, while no SMTP server is configured. */
class DevelopmentMailboxCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        return !StringUtils.hasText(environment.getProperty("spring.mail.host"))
                && !StringUtils.hasText(environment.getProperty("spring.mail.jndi-name"))
                && !environment.matchesProfiles("prod");
    }
}
