import { IngestError } from './ingest-client';
import { finishIngestRun, RemovalLimitError } from './ingest-runs-client';

const connection = { metadataUrl: 'http://metadata.test', token: async () => 'token' };

/** fetch answering the finish with a refusal as the service words it. */
function refusing(code: string, message: string) {
  return jest
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(new Response(JSON.stringify({ statusCode: 409, code, message }), { status: 409 }));
}

describe('finishing a run over HTTP', () => {
  afterEach(() => jest.restoreAllMocks());

  it('tells a refusal over the removal limit (a higher limit would do) from any other 409', async () => {
    refusing('conflict', 'Finishing ingest run r1 would remove 4 of the 4 records');
    await expect(finishIngestRun(connection, 'r1', 50)).rejects.toBeInstanceOf(RemovalLimitError);
  });

  it('answers a run a later run of its source superseded as a plain IngestError, with the service message', async () => {
    refusing('ingest_run_superseded', 'Ingest run r1 was not finished: a later run of dbt:shop started at ...');
    const refused = finishIngestRun(connection, 'r1', 50);
    await expect(refused).rejects.toBeInstanceOf(IngestError);
    await expect(refused).rejects.not.toBeInstanceOf(RemovalLimitError);
    await expect(refused).rejects.toThrow(/409 Ingest run r1 was not finished: a later run of dbt:shop/);
  });
});
