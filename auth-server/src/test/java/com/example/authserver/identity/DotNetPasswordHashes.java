package com.example.authserver.identity;

/**
 * Hashes of {@link #PASSWORD} written by .NET's own {@code PasswordHasher<TUser>}, as published in ASP.NET Core's
 * tests (dotnet/aspnetcore, src/Identity/Extensions.Core/test/PasswordHasherTest.cs), named as there: format
 * version, PRF, iterations, salt and subkey sizes in bits.
 */
final class DotNetPasswordHashes {

    static final String PASSWORD = "my password";

    static final String V2_SHA1_1000ITER_128SALT_256SUBKEY =
            "AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJg==";

    static final String V3_SHA1_250ITER_128SALT_128SUBKEY =
            "AQAAAAAAAAD6AAAAEAhftMyfTJylOlZT+eEotFXd1elee8ih5WsjXaR3PA9M";

    static final String V3_SHA256_250000ITER_256SALT_256SUBKEY =
            "AQAAAAEAA9CQAAAAIESkQuj2Du8Y+kbc5lcN/W/3NiAZFEm11P27nrSN5/tId+bR1SwV8CO1Jd72r4C08OLvplNlCDc3oQZ8efcW+jQ=";

    static final String V3_SHA512_50ITER_128SALT_128SUBKEY =
            "AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw";

    static final String V3_SHA512_250ITER_256SALT_512SUBKEY =
            "AQAAAAIAAAD6AAAAIJbVi5wbMR+htSfFp8fTw8N8GOS/Sje+S/4YZcgBfU7EQuqv4OkVYmc4VJl9AGZzmRTxSkP7LtVi9IWyUxX8IAAfZ8v+ZfhjCcudtC1YERSqE1OEdXLW9VukPuJWBBjLuw==";

    static final String V3_SHA512_10000ITER_128SALT_256SUBKEY =
            "AQAAAAIAACcQAAAAEAABAgMEBQYHCAkKCwwNDg9B0Oxwty+PGIDSp95gcCfzeDvA4sGapUIUov8usXfD6A==";

    /** What .NET 7 and later write by default; the salt is 0x00 to 0x0f (the tests' sequential random numbers). */
    static final String V3_SHA512_100000ITER_128SALT_256SUBKEY =
            "AQAAAAIAAYagAAAAEAABAgMEBQYHCAkKCwwNDg/Q8A0WMKbtHQJQ2DHCdoEeeFBrgNlldq6vH4qX/CGqGQ==";

    /** The same tests' failure cases: a wrong subkey, too short, extra data at the end; for versions 2 and 3. */
    static final String[] FAILURE_CASES = {
        "AAABAgMEBQYHCAkKCwwNDg+uAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALtH1uJg==",
        "AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggE=",
        "AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJgAAAAAAAAAAAAA=",
        "AQAAAAAAAAD6AAAAEAhftMyfTJyAAAAAAAAAAAAAAAAAAAih5WsjXaR3PA9M",
        "AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4A=",
        "AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHwAAAAAAAAAAAA"
    };

    private DotNetPasswordHashes() {}
}
