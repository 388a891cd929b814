/**
 * The device authorization grant (RFC 8628): the endpoints switched on ({@link DeviceFlow}), public device clients,
 * short user codes ({@link UserCodes}) and the page where the user types them ({@code /activate}).
 */
package com.example.authserver.device;
