import * as assert from 'node:assert/strict';
import { checkEndpoint, isLoopback } from '../../../src/send/endpoint';

describe('send: endpoint safety', () => {
  it('allows https anywhere and http only to this machine', () => {
    assert.equal(checkEndpoint('https://personalize-events.us-east-1.amazonaws.com').ok, true);
    for (const url of [
      'http://127.0.0.1:4566',
      'http://localhost:9000',
      'http://[::1]:8080',
      'http://127.1.2.3',
      'http://api.localhost:1',
    ]) {
      assert.equal(checkEndpoint(url).ok, true, url);
    }
    for (const url of [
      'http://10.0.0.1:4566',
      'http://example.com',
      'http://0.0.0.0:4566',
      'http://127.0.0.1.example.com',
      'http://localhost.example.com',
    ]) {
      const check = checkEndpoint(url);
      assert.equal(check.ok, false, url);
      assert.match(
        !check.ok ? check.message : '',
        /plain http:\/\/ to another machine: the users' data would travel unencrypted/,
      );
    }
    assert.equal(checkEndpoint('http://10.0.0.1:4566', true).ok, true, 'allowed explicitly');
  });

  it('refuses what is not an http(s) URL', () => {
    assert.match(
      (checkEndpoint('personalize-events.us-east-1.amazonaws.com') as { message: string }).message,
      /is not a URL/,
    );
    assert.match((checkEndpoint('ftp://127.0.0.1') as { message: string }).message, /must be an https:\/\/ URL/);
    assert.equal(checkEndpoint('file:///etc/passwd', true).ok, false, 'not even when http is allowed');
  });

  it('knows loopback addresses', () => {
    assert.ok(isLoopback('127.0.0.1'));
    assert.ok(isLoopback('[::1]'));
    assert.ok(isLoopback('::ffff:127.0.0.1'));
    assert.ok(isLoopback('[::ffff:7f00:1]'));
    assert.ok(!isLoopback('128.0.0.1'));
    assert.ok(!isLoopback('127.0.0.256'));
    assert.ok(!isLoopback('::2'));
  });
});
