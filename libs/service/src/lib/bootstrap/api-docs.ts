import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { requiredAccess } from '@fram/auth';

/** Where every service serves its OpenAPI document and the interactive docs. */
export const API_DOCS_PATH = '/docs';
export const OPENAPI_JSON_PATH = '/docs/openapi.json';

/** The security scheme every protected operation names. */
export const BEARER_SCHEME = 'bearer';

type Handler = (...args: never[]) => unknown;
interface Route {
  handler: Handler;
  controller: Type<unknown>;
  name: string;
}

/** Every route handler of the app, by the operationId @nestjs/swagger gives it (`Controller_method`). */
function handlersByOperationId(app: INestApplication): Map<string, Route> {
  const handlers = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller?.prototype) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name !== 'constructor' && typeof handler === 'function') {
          handlers.set(`${controller.name}_${name}`, { handler: handler as Handler, controller, name });
        }
      }
    }
  }
  return handlers;
}

/** nestjs-zod's mark on the classes createZodDto makes. */
const isZodDto = (type: unknown) => typeof type === 'function' && (type as { isZodDto?: unknown }).isZodDto === true;

const INPUTS: Partial<Record<RouteParamtypes, string>> = { [RouteParamtypes.BODY]: 'body', [RouteParamtypes.QUERY]: 'query' };

/** The inputs (body, query) a route reads without a zod DTO: neither validated by the pipe nor described in the document. */
function inputsWithoutSchema({ controller, name }: Route): string[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, name) ?? []) as unknown[];
  const found = new Set<string>();
  for (const [key, { index }] of Object.entries(args)) {
    const input = INPUTS[Number(key.split(':')[0]) as RouteParamtypes];
    if (input !== undefined && !isZodDto(types[index])) found.add(input);
  }
  return [...found].sort();
}

/**
 * Writes into each operation what the access decorators of its route say:
 * no security for @Public(), the bearer scheme otherwise, with the role it
 * needs in `x-fram-roles` (empty: any valid token) and required scopes in
 * `x-fram-scopes`; and in `x-fram-input-without-schema` what it reads without
 * a zod DTO (so without validation or a schema here).
 */
function documentAccess(app: INestApplication, document: OpenAPIObject): void {
  const handlers = handlersByOperationId(app);
  const reflector = app.get(Reflector);
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, { operationId?: string } & Record<string, unknown>>)) {
      const route = operation.operationId === undefined ? undefined : handlers.get(operation.operationId);
      if (!route) continue;
      const unchecked = inputsWithoutSchema(route);
      if (unchecked.length > 0) operation['x-fram-input-without-schema'] = unchecked;
      const access = requiredAccess(reflector, route.handler, route.controller);
      if (access.public) {
        operation['security'] = [];
        continue;
      }
      operation['security'] = [{ [BEARER_SCHEME]: [] }];
      operation['x-fram-roles'] = access.role === null ? [] : [access.role];
      if (access.scopes.length > 0) operation['x-fram-scopes'] = access.scopes;
    }
  }
}

/**
 * The service's OpenAPI 3.1 document: request and response schemas from its
 * zod DTOs (nestjs-zod), bearer authentication (a JWT access token), and for
 * each operation whether it is public and which role and scopes it needs.
 */
export function buildApiDocument(app: INestApplication, service: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Fram ${service}`)
    .setDescription(
      `The ${service} service of Fram. Every operation needs \`Authorization: Bearer <access token>\` unless it is public; ` +
        '`x-fram-roles` names the role it needs (admin includes write, which includes read).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  documentAccess(app, document);
  return document;
}

/**
 * Serves the OpenAPI document and the interactive docs, without a token: the
 * API's shape is no secret, and every operation still needs one.
 */
export function setUpApiDocs(app: INestApplication, service: string): void {
  SwaggerModule.setup(API_DOCS_PATH, app, buildApiDocument(app, service), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: '/docs/openapi.yaml',
  });
}
