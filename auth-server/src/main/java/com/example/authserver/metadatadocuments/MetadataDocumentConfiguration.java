package com.example.authserver.metadatadocuments;

import com.example.authserver.security.ProtocolContribution;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Puts {@link MetadataDocumentClients} in front of the client repository and {@link StoringAuthorizations} in front
 * of the authorization store, whichever package defines them (so this feature stays in its package), and says in
 * both discovery documents whether documents are fetched.
 */
@Configuration(proxyBeanMethods = false)
class MetadataDocumentConfiguration {

    static final String SUPPORTED = "client_id_metadata_document_supported";

    /** Static: a post-processor is made before the other beans; what it needs is looked up when first used. */
    @Bean
    static BeanPostProcessor metadataDocumentClientsInFront(
            ObjectProvider<MetadataDocuments> documents, ObjectProvider<RegisteredClientRepository> clients) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RegisteredClientRepository database && !(bean instanceof MetadataDocumentClients)) {
                    return new MetadataDocumentClients(database, documents.getObject());
                }
                if (bean instanceof OAuth2AuthorizationService authorizations
                        && !(bean instanceof StoringAuthorizations)) {
                    return new StoringAuthorizations(
                            authorizations,
                            () -> clients.getIfUnique() instanceof MetadataDocumentClients documentClients
                                    ? documentClients
                                    : null);
                }
                return bean;
            }
        };
    }

    @Bean
    ProtocolContribution metadataDocumentDiscovery(MetadataDocuments documents) {
        return new ProtocolContribution() {
            @Override
            public void advertise(Map<String, Object> metadata) {
                if (documents.enabled()) {
                    metadata.put(SUPPORTED, true);
                }
            }
        };
    }
}
