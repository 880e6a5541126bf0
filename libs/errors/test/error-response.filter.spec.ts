import { BadRequestException, Body, Controller, Get, Module, NotFoundException, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { DomainError, ErrorResponseFilter } from '@fram/errors';

class TableNotFound extends DomainError {
  readonly status = 404;
  readonly code = 'table_not_found';
  override get headers() {
    return { 'x-fram-hint': 'check the key' };
  }
}

@Controller()
class FailingController {
  @Get('domain')
  domain() {
    throw new TableNotFound('No table hive://gold.core/orders');
  }
  @Get('http')
  http() {
    throw new NotFoundException('Nothing here');
  }
  @Get('validation')
  validation() {
    throw new BadRequestException(['name must be a string', 'key is required']);
  }
  @Get('crash')
  crash() {
    throw new Error('secret=hunter2 at /srv/app.js:12');
  }
  @Post('echo')
  echo(@Body() body: unknown) {
    return body;
  }
}

@Module({ controllers: [FailingController], providers: [{ provide: APP_FILTER, useClass: ErrorResponseFilter }] })
class FailingModule {}

describe('ErrorResponseFilter', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = (await Test.createTestingModule({ imports: [FailingModule] }).compile()).createNestApplication({ logger: ['fatal'] });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    close = () => app.close();
  });
  afterAll(() => close());

  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(base + path, init);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };

  it('maps domain errors with their status, code, message and headers', async () => {
    const { status, headers, body } = await get('/domain');
    expect(status).toBe(404);
    expect(headers.get('x-fram-hint')).toBe('check the key');
    expect(body).toEqual({ statusCode: 404, message: 'No table hive://gold.core/orders', code: 'table_not_found' });
  });

  it('maps Nest HTTP exceptions to the same shape', async () => {
    expect((await get('/http')).body).toEqual({ statusCode: 404, message: 'Nothing here', code: 'not_found' });
    expect((await get('/validation')).body).toEqual({
      statusCode: 400,
      message: 'name must be a string; key is required',
      code: 'bad_request',
    });
    expect((await get('/no-route')).body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('hides unexpected errors behind a plain 500', async () => {
    const { status, body } = await get('/crash');
    expect(status).toBe(500);
    expect(body).toEqual({ statusCode: 500, message: 'Internal server error', code: 'internal_error' });
  });

  it('answers malformed JSON with 400', async () => {
    const { status, body } = await get('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(status).toBe(400);
    expect(body).toEqual({ statusCode: 400, message: 'The request body is not valid JSON', code: 'bad_request' });
    const quoted = await get('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'eyJhbGciOi.secret' });
    expect(quoted.body).toEqual(body);
  });
});
