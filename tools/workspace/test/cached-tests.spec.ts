import { createProjectGraphAsync, type ProjectGraph, type TargetConfiguration } from '@nx/devkit';

type Input = NonNullable<TargetConfiguration['inputs']>[number];

/**
 * A cached test must be invalidated by everything it runs. Tests that start
 * other projects' builds (dependsOn build) hash those builds' outputs, so a
 * change to dev-idp can never replay metadata's earlier passing result.
 */
describe('cached test targets', () => {
  let graph: ProjectGraph;
  beforeAll(async () => {
    process.env['NX_DAEMON'] = 'false';
    graph = await createProjectGraphAsync({ exitOnError: false });
  }, 60_000);

  const cachedTests = () =>
    Object.entries(graph.nodes).flatMap(([name, node]) =>
      Object.entries(node.data.targets ?? {})
        .filter(([target, config]) => ['test', 'e2e'].includes(target) && config.cache !== false)
        .map(([target, config]) => ({ name: `${name}:${target}`, config })),
    );
  const startsBuilds = (config: TargetConfiguration) => (config.dependsOn ?? []).some((d) => typeof d !== 'string' && d.target === 'build');
  const hashesBuildOutputs = (inputs: Input[]) =>
    inputs.some((i) => typeof i === 'object' && 'dependentTasksOutputFiles' in i && i.transitive === true);
  const hashesDependencies = (inputs: Input[]) => inputs.some((i) => i === '^default' || i === '^production');

  it("finds the tests that start other projects' builds", () => {
    expect(
      cachedTests()
        .filter((t) => startsBuilds(t.config))
        .map((t) => t.name)
        .sort(),
    ).toEqual(expect.arrayContaining(['frontend:test', 'metadata:test', 'search:test', 'service:test']));
  });

  it('hash the outputs of the builds they start, and the sources of the projects they import', () => {
    for (const { name, config } of cachedTests()) {
      const inputs = config.inputs ?? [];
      if (startsBuilds(config)) expect([name, hashesBuildOutputs(inputs)]).toEqual([name, true]);
      expect([name, hashesDependencies(inputs)]).toEqual([name, true]);
    }
  });
});
