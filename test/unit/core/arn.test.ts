// What a dataset ARN says beyond its pattern: its region, its dataset group, its Users dataset.
import * as assert from 'node:assert/strict';
import { datasetGroupArnOf, regionOfArn, usersDatasetArnFor } from '../../../src/core';

describe('core: dataset ARNs', () => {
  const GROUP = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/shop';

  it('names the dataset group of a dataset or of the group itself', () => {
    for (const arn of [
      'arn:aws:personalize:us-east-1:123456789012:dataset/shop/USERS',
      'arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS',
      GROUP,
    ])
      assert.equal(datasetGroupArnOf(arn), GROUP, arn);
    assert.equal(
      datasetGroupArnOf('arn:aws-cn:personalize:cn-north-1:123456789012:dataset/g-1/USERS'),
      'arn:aws-cn:personalize:cn-north-1:123456789012:dataset-group/g-1',
    );
  });

  it('names no group for other resources or what is no ARN', () => {
    for (const arn of [
      'arn:aws:personalize:us-east-1:123456789012:solution/s',
      'arn:aws:s3:::bucket',
      'dataset/shop/USERS',
      '',
    ])
      assert.equal(datasetGroupArnOf(arn), undefined, arn);
  });

  it('two datasets of one group share it; two groups do not', () => {
    const a = datasetGroupArnOf('arn:aws:personalize:us-east-1:123456789012:dataset/a/USERS');
    const b = datasetGroupArnOf('arn:aws:personalize:us-east-1:123456789012:dataset/b/USERS');
    assert.notEqual(a, b);
    assert.equal(usersDatasetArnFor(GROUP), 'arn:aws:personalize:us-east-1:123456789012:dataset/shop/USERS');
    assert.equal(regionOfArn(GROUP), 'us-east-1');
  });
});
