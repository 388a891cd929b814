// response_mode=form_post: posts the authorization response (security/FormPostResponse) to the client's redirect
// URI as soon as the page is read. A file, not inline script: the Content-Security-Policy allows only this server's
// scripts. Without script, the page shows a submit button instead.
document.getElementById('authorization-response').submit();
