import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Where every service serves its OpenAPI document and the interactive docs. */
export const API_DOCS_PATH = '/docs';
export const OPENAPI_JSON_PATH = '/docs/openapi.json';

/**
 * OpenAPI 3 for the service's routes, with bearer authentication (a JWT
 * access token) declared for every operation. Served without a token: the
 * API's shape is no secret, and every operation still needs one.
 */
export function setUpApiDocs(app: INestApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(`Fram ${service}`)
    .setDescription(`The ${service} service of Fram. Every operation needs \`Authorization: Bearer <access token>\` unless it is public.`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, yamlDocumentUrl: '/docs/openapi.yaml' });
}
