/**
 * The app:// scheme replaces file:// for everything the window loads. It must be declared privileged
 * before the app is ready (standard: real origins and relative URLs; secure: a secure context;
 * supportFetchAPI + corsEnabled: the UI at app://app may fetch app://files/<id> for pdf.js), and
 * handled once ready.
 */
import { protocol } from 'electron';
import { respondToAppRequest, type AppProtocolContext } from './app-response.js';
import { APP_SCHEME } from './origins.js';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function handleAppProtocol(context: AppProtocolContext): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, context));
}
