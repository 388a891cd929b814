package com.example.authserver;

import com.example.authserver.admin.AdminCommandLine;
import com.example.authserver.imports.ImportCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        // "import <kind> ..." runs an import without the web server and exits (imports/)
        if (ImportCommandLine.isImport(args)) {
            System.exit(ImportCommandLine.run(args, System.out, System.err));
        }
        // "admin create ..." makes an administrator in the server's context, without serving requests (admin/)
        if (AdminCommandLine.isAdmin(args)) {
            System.exit(AdminCommandLine.run(
                    AuthServerApplication.class,
                    args,
                    System.out,
                    System.err,
                    AdminCommandLine.PasswordPrompt.system()));
        }
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
