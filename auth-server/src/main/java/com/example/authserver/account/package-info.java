/** The account pages shared by their flows (subpackages): their addresses, settings, tokens in links, emails and notices. */
package com.example.authserver.account;
