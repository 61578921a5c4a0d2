// A Users dataset's schema fetched from AWS in the real VS Code (putUsers.datasetSchemaFromAws),
// from the project's emulator, which answers DescribeDataset and DescribeSchema as the service
// does (checked against the real AWS CLI in test/system/emulator/aws-cli.test.ts). In this folder
// so that it runs after send.test.js, whose first test checks that nothing loaded the AWS SDK
// before the first send.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Emulator } from '../../../src/emulator';
import type { AwsSchema } from '../../../src/extension/aws-schemas';
import { KEYS, startTestEmulator } from '../../support/emulator-harness';
import { registerSensitive } from '../../support/sensitive';
import { pollUntil, usersSchemaText } from '../../support/values';
import { closeAllEditors, codeLenses, fixtureUri, schemaCodes, waitForDiagnostics } from '../helpers';

const SHOP = 'arn:aws:personalize:eu-west-1:123456789012:dataset/shop/USERS';
const NOWHERE = 'arn:aws:personalize:eu-west-1:123456789012:dataset/nowhere/USERS';
const SCHEMA = usersSchemaText(
  { name: 'AGE', type: 'int' },
  { name: 'MEMBER_TIER', type: ['null', 'string'], categorical: true },
);

const config = () => vscode.workspace.getConfiguration('putUsers', null);
const write = async (relPath: string, text: string) => {
  const uri = fixtureUri(relPath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
};
const input = (datasetArn: string, properties: string) =>
  JSON.stringify({ datasetArn, users: [{ userId: 'u1', properties }] }, null, 2);
const lensOf = async (uri: vscode.Uri, title: RegExp) => {
  let seen: string[] = [];
  return pollUntil(
    async () => {
      const all = await codeLenses(uri);
      seen = all.map((l) => l.command?.title ?? '');
      return all.find((l) => title.test(l.command?.title ?? ''));
    },
    15_000,
    () => `a lens titled ${title}; lenses: ${seen.join(' | ')}`,
  );
};
/**
 * The emulator's DescribeDataset and DescribeSchema requests for the shop dataset (inputs that
 * earlier suites left open name other datasets, whose schemas are fetched too).
 */
const shopRequests = (emulator: Emulator) =>
  emulator.describeRequests.filter((r) => /dataset\/shop\/|schema\/shop-/.test(r.body));
const open = async (uri: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

describe('PutUsers: the dataset schema from AWS (DescribeDataset, DescribeSchema)', function () {
  this.timeout(60_000);
  let emulator: Emulator;

  before(async () => {
    emulator = await startTestEmulator({ datasets: [{ arn: SHOP, schema: SCHEMA }] });
    registerSensitive(KEYS.secretAccessKey);
    writeFileSync(process.env['AWS_CONFIG_FILE']!, '[profile emulator]\nregion = us-east-1\n');
    writeFileSync(
      process.env['AWS_SHARED_CREDENTIALS_FILE']!,
      `[emulator]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    );
    await config().update('profile', 'emulator', vscode.ConfigurationTarget.Global);
    await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Workspace);
    await config().update('datasetSchemaFromAws', true, vscode.ConfigurationTarget.Workspace);
  });
  afterEach(closeAllEditors);
  after(async () => {
    await config().update('profile', undefined, vscode.ConfigurationTarget.Global);
    for (const key of ['endpoint', 'datasetSchemaFromAws'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await emulator?.close();
  });

  it("checks properties against the schema of the file's dataset, fetched once, shown as a document, with hovers and completions", async () => {
    const uri = await write('aws-schema/people.putusers.json', input(SHOP, '{"age": "old", "tier": "Gold"}'));
    const editor = await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 2);
    assert.deepEqual(schemaCodes(diagnostics), ['schema/unknown-key', 'schema/wrong-type']);
    assert.match(diagnostics.find((d) => d.code === 'schema/unknown-key')!.message, /memberTier/);
    assert.deepEqual(
      shopRequests(emulator).map((r) => [r.path, r.status, r.scope?.region]),
      [
        ['DescribeDataset', 200, 'eu-west-1'],
        ['DescribeSchema', 200, 'eu-west-1'],
      ],
      "signed with the profile's keys, in the ARN's region",
    );

    const lens = await lensOf(uri, /schema: shop-users \(AWS\)/);
    const shown = await vscode.workspace.openTextDocument(lens.command!.arguments![0] as vscode.Uri);
    assert.deepEqual(JSON.parse(shown.getText()), JSON.parse(SCHEMA), 'the schema document holds the schema fetched');

    const text = editor.document.getText();
    const hover = (
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        editor.document.positionAt(text.indexOf('age') + 1),
      )
    )
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    assert.match(hover, /the field `AGE` of the Users dataset's schema, `int`/);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      editor.document.positionAt(text.indexOf('\\"age') + 2),
    );
    assert.deepEqual(
      list.items.filter((i) => i.kind === vscode.CompletionItemKind.Field).map((i) => i.label),
      ['age', 'memberTier'],
    );

    // Another file of the same dataset, in YAML: checked against the cached schema, no new request.
    const yaml = await write(
      'aws-schema/more.putusers.yaml',
      `datasetArn: ${SHOP}\nusers:\n- userId: u2\n  properties: '{"age": 4.5, "memberTier": "a||b"}'\n`,
    );
    await open(yaml);
    const yamlDiagnostics = await waitForDiagnostics(yaml, (ds) => schemaCodes(ds).length === 2);
    assert.deepEqual(schemaCodes(yamlDiagnostics), ['schema/empty-category', 'schema/wrong-type']);
    assert.equal(shopRequests(emulator).length, 2, 'fetched once per dataset');
  });

  it('Refresh Dataset Schema fetches it again, and the inputs are checked against the new one', async () => {
    const uri = await write('aws-schema/refresh.putusers.json', input(SHOP, '{"age": 31, "tier": "Gold"}'));
    await open(uri);
    await waitForDiagnostics(uri, (ds) => schemaCodes(ds).join() === 'schema/unknown-key');
    emulator.clear();
    await emulator.close();
    const renamed = SCHEMA.replace('MEMBER_TIER', 'TIER');
    emulator = await startTestEmulator({ datasets: [{ arn: SHOP, schema: renamed }] });
    await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Workspace);
    const result = await vscode.commands.executeCommand<AwsSchema>('putUsers.refreshDatasetSchema');
    assert.equal(result?.state, 'fetched');
    assert.deepEqual(
      shopRequests(emulator).map((r) => r.path),
      ['DescribeDataset', 'DescribeSchema'],
    );
    await waitForDiagnostics(uri, (ds) => schemaCodes(ds).length === 0);
  });

  it('a dataset AWS does not know: the lens says the schema could not be fetched and offers to try again; properties are checked without it', async () => {
    const uri = await write('aws-schema/nowhere.putusers.json', input(NOWHERE, '{"AGE": 31}'));
    await open(uri);
    const lens = await lensOf(uri, /could not be fetched from AWS/);
    assert.equal(lens.command!.command, 'putUsers.refreshDatasetSchema');
    const again = await vscode.commands.executeCommand<AwsSchema>('putUsers.refreshDatasetSchema');
    assert.equal(again?.state, 'failed');
    assert.match(
      again.state === 'failed' ? again.message : '',
      /found no dataset arn:aws:personalize:eu-west-1:123456789012:dataset\/nowhere\/USERS/,
    );
    const diagnostics = vscode.languages.getDiagnostics(uri);
    assert.deepEqual(schemaCodes(diagnostics), [], 'no schema checks without a schema');
    assert.ok(
      diagnostics.some((d) => d.code === 'service/properties-key-case'),
      "the service's own key-case warning, as without a schema",
    );
  });

  it('a local schema file comes first; with the setting off, nothing is fetched', async () => {
    await write('aws-schema/local/users.schema.json', usersSchemaText({ name: 'CITY', type: 'string' }));
    const uri = await write('aws-schema/local/people.putusers.json', input(SHOP, '{"city": "Oslo"}'));
    emulator.clear();
    await open(uri);
    await lensOf(uri, /schema: aws-schema\/local\/users\.schema\.json$/);
    assert.deepEqual(schemaCodes(vscode.languages.getDiagnostics(uri)), []);
    await closeAllEditors();

    await config().update('datasetSchemaFromAws', false, vscode.ConfigurationTarget.Workspace);
    try {
      const other = await write(
        'aws-schema/off.putusers.json',
        input('arn:aws:personalize:eu-west-1:123456789012:dataset/other/USERS', '{"x": 1}'),
      );
      await open(other);
      await lensOf(other, /no dataset schema/);
      assert.deepEqual(
        emulator.describeRequests.filter((r) => r.body.includes('dataset/other/')),
        [],
        'nothing fetched for the input opened while the setting is off',
      );
    } finally {
      await config().update('datasetSchemaFromAws', true, vscode.ConfigurationTarget.Workspace);
    }
  });
});
