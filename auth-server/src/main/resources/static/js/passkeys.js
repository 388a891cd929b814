// Passkeys (WebAuthn) in the browser: the one script of this server, loaded by the pages that use passkeys.
// Every page works without it; it shows the passkey parts of a page only where the browser has WebAuthn.
//   data-passkey="sign-in"        /login: sign in without a password (Spring Security's /login/webauthn)
//   data-passkey="second-factor"  /login/two-factor: a passkey instead of a code (passkeys/PasskeySecondFactorController)
//   data-passkey="register"       /account/passkeys: add a passkey (Spring Security's /webauthn/register)
// Each element carries the URLs to call, the CSRF header and its failure message; binary values travel as base64url
// strings.
"use strict";

(() => {
    const base64url = {
        encode(buffer) {
            const text = String.fromCharCode(...new Uint8Array(buffer));
            return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
        },
        decode(value) {
            const text = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
            return Uint8Array.from(text, (character) => character.charCodeAt(0)).buffer;
        },
    };

    async function post(element, url, body) {
        const response = await fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: {
                "Content-Type": "application/json",
                "Accept": "application/json",
                [element.dataset.csrfHeader]: element.dataset.csrfToken,
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (response.status === 401 && response.headers.get("Location")) {
            // a change that needs a recent sign-in (account/RecentSignIn): sign in again, then come back
            window.location.assign(response.headers.get("Location"));
            return new Promise(() => {});
        }
        if (!response.ok) {
            throw new Error(`${url} answered ${response.status}`);
        }
        return response.json();
    }

    /** Asks the authenticator for an assertion and sends it; the server answers where to go next. */
    async function signIn(element) {
        const options = await post(element, element.dataset.optionsUrl);
        const credential = await navigator.credentials.get({
            publicKey: {
                ...options,
                challenge: base64url.decode(options.challenge),
                allowCredentials: (options.allowCredentials || [])
                    .map((allowed) => ({ ...allowed, id: base64url.decode(allowed.id) })),
            },
        });
        const result = await post(element, element.dataset.url, {
            id: credential.id,
            rawId: base64url.encode(credential.rawId),
            type: credential.type,
            response: {
                authenticatorData: base64url.encode(credential.response.authenticatorData),
                clientDataJSON: base64url.encode(credential.response.clientDataJSON),
                signature: base64url.encode(credential.response.signature),
                userHandle: credential.response.userHandle
                    ? base64url.encode(credential.response.userHandle) : undefined,
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment,
        });
        if (!result.authenticated || !result.redirectUrl) {
            throw new Error("The server did not sign in");
        }
        window.location.assign(result.redirectUrl);
    }

    /** Has the authenticator create a key pair for this account and sends the public key, with its name. */
    async function register(element, label) {
        const options = await post(element, element.dataset.optionsUrl);
        const credential = await navigator.credentials.create({
            publicKey: {
                ...options,
                challenge: base64url.decode(options.challenge),
                user: { ...options.user, id: base64url.decode(options.user.id) },
                excludeCredentials: (options.excludeCredentials || [])
                    .map((excluded) => ({ ...excluded, id: base64url.decode(excluded.id) })),
            },
        });
        const result = await post(element, element.dataset.url, {
            publicKey: {
                label,
                credential: {
                    id: credential.id,
                    rawId: base64url.encode(credential.rawId),
                    type: credential.type,
                    response: {
                        attestationObject: base64url.encode(credential.response.attestationObject),
                        clientDataJSON: base64url.encode(credential.response.clientDataJSON),
                        transports: credential.response.getTransports ? credential.response.getTransports() : [],
                    },
                    clientExtensionResults: credential.getClientExtensionResults(),
                    authenticatorAttachment: credential.authenticatorAttachment,
                },
            },
        });
        if (!result.success) {
            throw new Error("The server did not keep the passkey");
        }
        window.location.assign(element.dataset.doneUrl);
    }

    /** Runs the ceremony when the button is pressed; on failure shows the element's message (data-failure). */
    function wire(element, ceremony) {
        const button = element.querySelector("button");
        const error = document.createElement("p");
        error.className = "alert alert-error";
        error.setAttribute("role", "alert");
        error.textContent = element.dataset.failure;
        button.hidden = false;
        button.addEventListener("click", async () => {
            error.remove();
            button.disabled = true;
            try {
                await ceremony();
            }
            catch (failure) {
                console.warn("Passkey ceremony failed:", failure);
                (button.closest(".actions") || button).before(error);
            }
            finally {
                button.disabled = false;
            }
        });
    }

    if (!window.PublicKeyCredential || !navigator.credentials) {
        return;
    }
    for (const element of document.querySelectorAll("[data-passkey]")) {
        if (element.dataset.passkey === "register") {
            const label = element.querySelector("input");
            element.hidden = false;
            wire(element, () => {
                if (!label.reportValidity()) {
                    return Promise.resolve();
                }
                return register(element, label.value.trim());
            });
        }
        else {
            wire(element, () => signIn(element));
        }
    }
})();
