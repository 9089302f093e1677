import { describe, expect, it } from 'vitest';
import { lineOf } from './pointer';

const YAML = `apiVersion: dharma/v1
kind: Blueprint
metadata:
  name: web
spec:
  resources:
    - name: site
      type: storage.bucket
    - name: db
      type: database.nope
      size: small
`;

describe('lineOf', () => {
  it('finds the line of a key a pointer names', () => {
    expect(lineOf(YAML, '/spec/resources/1/type')).toBe(10);
    expect(lineOf(YAML, '/metadata/name')).toBe(4);
  });

  it('falls back to the deepest existing parent for a missing member', () => {
    expect(lineOf(YAML, '/spec/resources/0/properties/versioning')).toBe(7);
  });

  it('answers the first line for the whole document', () => {
    expect(lineOf(YAML, '')).toBe(1);
  });

  it('answers the line of a syntax error', () => {
    expect(lineOf('a: 1\nb: [unclosed\n', '/a')).toBeGreaterThanOrEqual(2);
  });
});
