import { describe, expect, it } from 'vitest';
import { EventStreamParser } from './sse';

describe('EventStreamParser', () => {
  it('answers complete events across chunk boundaries', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: stage\nid: e1\nda')).toEqual([]);
    expect(parser.push('ta: {"a":1}\n\n: comment\n\nevent: end\r\ndata: x\r\ndata: y\r\n\r\n')).toEqual([
      { event: 'stage', id: 'e1', data: '{"a":1}' },
      { event: 'end', id: 'e1', data: 'x\ny' },
    ]);
  });
});
