// The command line as it ships: `npm pack` gives a tarball holding dist/cli.js alone (with
// package.json, README and LICENSE), and `npm install -g` of it gives a `putusers` that
// validates, prints skeletons and sends (the AWS SDK inside the bundle) from outside this
// repository, where nothing of its node_modules can be found.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEYS = { accessKeyId: 'AKIDTARBALLTEST00001', secretAccessKey: 'tarball-test-secret' };

describe('the putusers npm tarball, installed globally', function () {
  let tmp;
  let tarball;
  let putusers;
  /** Runs the installed putusers in an empty folder outside the repository. */
  const run = (args, env = {}) =>
    spawnSync(putusers, args, { cwd: tmp, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmp, ...env } });

  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'putusers-tarball-'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    tarball = path.join(tmp, packed[0].filename);
    const prefix = path.join(tmp, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      cwd: tmp,
      stdio: 'ignore',
    });
    putusers = path.join(prefix, 'bin', 'putusers');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the CLI bundle and nothing else of the build', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'everything is bundled: a global install fetches nothing');
  });

  it('prints the AWS CLI’s skeletons', () => {
    for (const kind of ['input', 'yaml-input']) {
      const out = run(['skeleton', kind]);
      assert.equal(out.status, 0, out.stderr);
      assert.equal(
        out.stdout,
        fs.readFileSync(path.join(repo, 'test', 'fixtures', 'skeletons', `${kind}.txt`), 'utf8'),
      );
    }
  });

  it('validates files with located findings and the documented exit codes', () => {
    fs.copyFileSync(path.join(repo, 'examples', 'mistakes.putusers.json'), path.join(tmp, 'mistakes.putusers.json'));
    fs.copyFileSync(path.join(repo, 'examples', 'users.putusers.yaml'), path.join(tmp, 'users.putusers.yaml'));
    const bad = run(['validate', 'mistakes.putusers.json']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^mistakes\.putusers\.json:9:13: error: Unknown member "userID" in users\[1\]/m);
    assert.equal(bad.stdout.trim().split('\n').length, 5);
    const good = run(['validate', 'users.putusers.yaml']);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.equal(run(['validate', '--no-such-flag']).status, 2);
  });

  it('sends a file to the emulator with the SDK inside the bundle', async () => {
    const { startEmulator } = require(path.join(repo, 'dist', 'emulator.js'));
    const arn = 'arn:aws:personalize:us-east-1:123456789012:dataset/streaming-demo/USERS';
    const emulator = await startEmulator({ credentials: [KEYS], datasets: [{ arn }] });
    try {
      fs.copyFileSync(path.join(repo, 'examples', '25-users.putusers.json'), path.join(tmp, '25-users.putusers.json'));
      // spawn, not spawnSync: the emulator answers from this process's event loop.
      const child = spawn(
        putusers,
        ['send', '25-users.putusers.json', '--region', 'us-east-1', '--endpoint-url', emulator.url],
        {
          cwd: tmp,
          env: {
            PATH: process.env.PATH,
            HOME: tmp,
            AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
            AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
            AWS_EC2_METADATA_DISABLED: 'true',
            NODE_NO_WARNINGS: '1',
          },
        },
      );
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, output);
      assert.equal(emulator.acceptedUsers().length, 25);
      assert.equal(emulator.accepted.length, 3);
    } finally {
      await emulator.close();
    }
  });
});
