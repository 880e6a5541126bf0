import { amundsenProblems, amundsenRef as ref } from '@fram/testing';
import { problemsOf, report } from './compatibility';
import { KNOWN_GAPS } from './known-gaps';
import { operationId, type Operation } from './operation';
import { OPERATIONS } from './operations';

/** What the suite calls, and how it judges an answer (no services started). */
describe("Amundsen's operations as data", () => {
  const ids = OPERATIONS.map(operationId);

  it("lists each of Amundsen's operations once", () => {
    expect(ids.length).toBe(new Set(ids).size);
    const count = (service: string) => OPERATIONS.filter((o) => o.service === service).length;
    // metadata: the 41 paths of metadata_service/__init__.py times their Resource's methods, 60, less PUT /user/<path:id>
    // (see metadata-operations.ts); search: the 16 paths of search_service/__init__.py times their methods; frontend: the 41
    // @route decorators of api/** (two on /api/metadata/v0/user/bookmark) times their methods, and the 2 issue resources.
    expect({ metadata: count('metadata'), search: count('search'), frontend: count('frontend') }).toEqual({
      metadata: 59,
      search: 20,
      frontend: 49,
    });
  });

  it('names operations in KNOWN_GAPS that exist, once each', () => {
    expect(KNOWN_GAPS.filter((id) => !ids.includes(id))).toEqual([]);
    expect(KNOWN_GAPS.length).toBe(new Set(KNOWN_GAPS).size);
  });

  it('has schemas that compile, every model they name defined', () => {
    for (const operation of OPERATIONS) {
      if (operation.expect.body) expect(() => amundsenProblems(operation.expect.body!, null)).not.toThrow();
    }
  });

  it('sends requests as paths of the service, with a JSON body or a form, never both', () => {
    for (const { request } of OPERATIONS) {
      expect(request.target).toMatch(/^\//);
      expect(request.json !== undefined && request.form !== undefined).toBe(false);
    }
  });
});

describe('judging an answer', () => {
  const operation = (expect: Operation['expect']): Operation => ({
    service: 'metadata',
    method: 'GET',
    route: '/x',
    source: 'x.py',
    request: { target: '/x' },
    expect,
  });

  it("takes Amundsen's status and a body of Amundsen's model, extra keys allowed", () => {
    const badge = { badge_name: 'alpha', category: 'table_status', extra: 1 };
    expect(problemsOf(operation({ status: 200, body: ref('Badge') }), { status: 200, text: JSON.stringify(badge) })).toEqual([]);
  });

  it('names a status that is not Amundsen’s, with the start of the answer', () => {
    expect(problemsOf(operation({ status: 200, body: ref('Badge') }), { status: 404, text: '{"message":"No such table"}' })).toEqual([
      'status 404, Amundsen 200: No such table',
    ]);
    expect(problemsOf(operation({ status: [200, 500] }), { status: 500, text: 'boom' })).toEqual([]);
  });

  it('names what the body lacks or gets wrong', () => {
    const problems = problemsOf(operation({ status: 200, body: ref('Badge') }), { status: 200, text: '{"badge_name": 3}' });
    expect(problems).toEqual(expect.arrayContaining(["/ must have required property 'category'", '/badge_name must be string']));
  });

  it('refuses an answer that is not JSON, and takes an empty one as null', () => {
    expect(problemsOf(operation({ status: 200, body: ref('Badge') }), { status: 200, text: '<html>' })).toEqual([
      'the answer is not JSON: <html>',
    ]);
    const nothing = operation({ status: 200, body: { type: 'null' } });
    expect(problemsOf(nothing, { status: 200, text: '' })).toEqual([]);
    expect(problemsOf(nothing, { status: 200, text: '{}' })).toEqual(['/ must be null']);
  });

  it('takes a body JSON-encoded twice where Amundsen answers so', () => {
    const user = JSON.stringify(JSON.stringify({ user_id: 'a@example.com', is_active: true }));
    expect(problemsOf(operation({ status: 201, body: ref('User'), jsonInString: true }), { status: 201, text: user })).toEqual([]);
    expect(problemsOf(operation({ status: 201, body: ref('User') }), { status: 201, text: user })).toEqual(['/ must be object']);
  });
});

describe('the report', () => {
  it('lists each operation with its problems, then the count per service and in all', () => {
    const [first, second] = OPERATIONS;
    const text = report(
      [
        { id: operationId(first), operation: first, problems: [] },
        { id: operationId(second), operation: second, problems: ['status 404, Amundsen 200'] },
      ],
      ['data/sample-catalog.json: loaded'],
    );
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  data/sample-catalog.json: loaded',
        expect.stringMatching(/^ {2}1 {2}metadata {2}GET +\/healthcheck +compatible$/),
        expect.stringMatching(/^ {2}2 {2}metadata {2}GET +\/popular_tables\/ +status 404, Amundsen 200$/),
        'metadata 1 of 2, search 0 of 0, frontend 0 of 0',
      ]),
    );
    expect(lines.at(-1)).toBe('Amundsen compatibility: 1 of 2 operations');
  });
});
