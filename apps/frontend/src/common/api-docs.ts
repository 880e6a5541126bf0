import { ApiResponse } from '@nestjs/swagger';

/** The schema of a page or a static file: text (or bytes) the OpenAPI document does not describe further. */
const TEXT = { type: 'string' } as const;

/** A browser page (HTML), e.g. a sign-in problem page or the web UI's shell. */
export const ApiHtmlResponse = (status: number, description: string) =>
  ApiResponse({ status, description, content: { 'text/html': { schema: TEXT } } });

/** A redirect: no body, the next address in Location. */
export const ApiRedirectResponse = (status: 302 | 303, description: string) =>
  ApiResponse({ status, description, headers: { Location: { description: 'Where the browser goes next', schema: TEXT } } });

/** Files of the given media types. */
export const ApiFileResponse = (description: string, types: readonly string[]) =>
  ApiResponse({ status: 200, description, content: Object.fromEntries(types.map((type) => [type, { schema: TEXT }])) });
