import { Body, Controller, Get, HttpCode, Logger, Module, Post, Put, Query } from '@nestjs/common';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AuthModule, loadAuthConfig, NoRoleRequired, Public, RequireRole, RequireScopes } from '@fram/auth';
import { HealthModule, MetricsModule, WhoAmIModule } from '@fram/service';
import { call, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';

const item = z.object({ name: z.string().min(1), tags: z.array(z.string()).max(2) });
class ItemDto extends createZodDto(item) {}
class ItemsQuery extends createZodDto(z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) })) {}
class ItemListDto extends createZodDto(z.object({ items: z.array(item), limit: z.number() })) {}
class RecordsDto extends createZodDto(z.object({ records: z.array(z.object({ key: z.string(), count: z.number() })) })) {}
class CountDto extends createZodDto(z.object({ count: z.number() })) {}

@Controller('items')
class ItemsController {
  @Get()
  @ZodResponse({ status: 200, type: ItemListDto })
  list(@Query() query: ItemsQuery) {
    return { items: [{ name: 'a', tags: [], secret: 'not in the schema' }], limit: query.limit };
  }

  @Post()
  @RequireRole('write')
  @ZodResponse({ status: 200, type: ItemDto })
  add(@Body() body: ItemDto) {
    return body;
  }

  @Put('records')
  @HttpCode(200)
  @RequireRole('admin')
  @RequireScopes('records:write')
  @ZodResponse({ type: CountDto })
  records(@Body() body: RecordsDto) {
    return { count: body.records.length };
  }

  @Get('mine')
  @NoRoleRequired()
  @ZodResponse({ type: CountDto })
  mine() {
    return { count: 0 };
  }

  /** Read without DTOs: passed through as they come, and flagged in the document. */
  @Post('legacy')
  @HttpCode(200)
  legacy(@Body() body: unknown, @Query('q') q: string) {
    return { body, q };
  }

  @Get('broken')
  @ZodResponse({ status: 200, type: CountDto })
  broken() {
    return { count: 'many' } as unknown as { count: number };
  }

  @Get('open')
  @Public()
  @ZodResponse({ type: CountDto })
  open() {
    return { count: 1 };
  }
}

interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  'x-fram-roles'?: string[];
  'x-fram-scopes'?: string[];
  'x-fram-input-without-schema'?: string[];
}

/** The one validation pipe and the OpenAPI documents of every service (nestjs-zod DTOs). */
describe('request validation and OpenAPI from zod DTOs', () => {
  let idp: TestIssuer;
  let server: RunningApp;
  let token: string;

  beforeAll(async () => {
    idp = await TestIssuer.start();
    @Module({
      imports: [AuthModule.forRoot({ config: loadAuthConfig({ AUTH_ISSUERS: idp.issuer }) }), HealthModule, WhoAmIModule, MetricsModule],
      controllers: [ItemsController],
    })
    class ItemsModule {}
    server = await startTestApp(ItemsModule, { service: 'items' });
    token = idp.serviceToken('0oa-items', ['admin:system', 'records:write']);
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
  });

  const send = (method: string, path: string, body: unknown) =>
    call(`${server.url}${path}`, { method, token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('parses bodies and queries with their DTOs, and answers the DTO of the response only', async () => {
    expect((await send('POST', '/items', { name: 'orders', tags: ['gold'] })).json()).toEqual({ name: 'orders', tags: ['gold'] });
    expect((await call(`${server.url}/items?limit=5`, { token })).json()).toEqual({ items: [{ name: 'a', tags: [] }], limit: 5 });
    expect((await call(`${server.url}/items`, { token })).json()).toMatchObject({ limit: 10 });
  });

  it('refuses bad input with a 400 in the errors shape, naming where each problem is', async () => {
    const bad = await send('POST', '/items', { name: '', tags: ['a', 'b', 'c'] });
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({
      statusCode: 400,
      code: 'bad_request',
      message: 'name: Too small: expected string to have >=1 characters; tags: Too big: expected array to have <=2 items',
    });
    expect((await send('POST', '/items', [1])).json()).toMatchObject({
      statusCode: 400,
      message: 'body: Invalid input: expected object, received array',
    });
    const query = await call(`${server.url}/items?limit=500`, { token });
    expect(query.json()).toEqual({ statusCode: 400, code: 'bad_request', message: 'limit: Too big: expected number to be <=50' });
  });

  it('answers 500 when an answer does not fit its schema, and logs where it does not fit', async () => {
    const errors: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    try {
      const broken = await call(`${server.url}/items/broken`, { token });
      expect(broken.status).toBe(500);
      expect(broken.text).not.toContain('many');
      expect(errors).toContain('The answer to GET /items/broken does not fit its schema (count: invalid_type)');
    } finally {
      spy.mockRestore();
    }
  });

  it('names a refused list item by its key', async () => {
    const refused = await send('PUT', '/items/records', { records: [{ key: 'a', count: 1 }, { key: 'b', count: 'two' }, 'c'] });
    expect(refused.json<{ message: string }>().message).toBe(
      'records.1 (b).count: Invalid input: expected number, received string; records.2: Invalid input: expected object, received string',
    );
  });

  it('documents every operation: request and response schemas, bearer auth and the roles it needs', async () => {
    const document = (await call(`${server.url}/docs/openapi.json`)).json<{
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes['bearer']).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const list = document.paths['/items']['get'];
    expect(list.parameters).toEqual([
      expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ type: 'integer', maximum: 50 }) }),
    ]);
    expect(list.responses['200'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/ItemListDto_Output' });
    expect(list.security).toEqual([{ bearer: [] }]);
    expect(list['x-fram-roles']).toEqual(['read']);

    const add = document.paths['/items']['post'];
    expect(add.requestBody?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ItemDto' });
    expect(add['x-fram-roles']).toEqual(['write']);
    const records = document.paths['/items/records']['put'];
    expect([records['x-fram-roles'], records['x-fram-scopes']]).toEqual([['admin'], ['records:write']]);
    expect(document.paths['/items/mine']['get']['x-fram-roles']).toEqual([]);
    expect(add['x-fram-input-without-schema']).toBeUndefined();
    expect(document.paths['/items/legacy']['post']['x-fram-input-without-schema']).toEqual(['body', 'query']);

    const open = document.paths['/items/open']['get'];
    expect(open.security).toEqual([]);
    expect(open['x-fram-roles']).toBeUndefined();
    // The routes every service has are documented too.
    expect(document.paths['/whoami']['get'].responses['200'].content?.['application/json'].schema).toEqual({
      $ref: '#/components/schemas/WhoAmIDto_Output',
    });
    expect(Object.keys(document.paths['/healthcheck']['get'].responses).sort()).toEqual(['200', '503']);
    expect(Object.keys(document.paths['/metrics']['get'].responses['200'].content ?? {})).toEqual(['text/plain']);
    expect(document.components.schemas['ItemDto']).toMatchObject({ type: 'object', required: ['name', 'tags'] });
    expect((await send('POST', '/items/legacy?q=1', { any: 'thing' })).json()).toEqual({ body: { any: 'thing' }, q: '1' });
  });
});
