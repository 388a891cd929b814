// Front-channel logout (logout/FrontChannelLogoutPage): the clients' logout pages load in hidden frames; once they
// all loaded (the window's load event waits for frames), or after a few seconds at most, the browser goes on to the
// "continue" link: the client's post_logout_redirect_uri with its state, or the sign-in page. A file, not inline
// script: the Content-Security-Policy allows only this server's scripts.
(function () {
    var done = false;
    function proceed() {
        if (done) {
            return;
        }
        done = true;
        var next = document.getElementById('continue');
        if (next) {
            window.location.assign(next.href);
        }
    }
    window.setTimeout(proceed, 4000);
    if (document.readyState === 'complete') {
        proceed();
    } else {
        window.addEventListener('load', proceed);
    }
})();
