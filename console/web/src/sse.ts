// Server-Sent Events over fetch: EventSource cannot send an Authorization header, so the console
// reads the stream itself and parses it as the HTML standard describes (event, id, data fields).

export interface ServerEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Splits a text/event-stream into events; feed it chunks, it answers the complete events. */
export class EventStreamParser {
  private buffer = '';
  private event = '';
  private id: string | null = null;
  private data: string[] = [];

  push(chunk: string): ServerEvent[] {
    this.buffer += chunk;
    const events: ServerEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0) {
          events.push({ event: this.event || 'message', id: this.id, data: this.data.join('\n') });
        }
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) {
        value = value.slice(1);
      }
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id') this.id = value;
    }
    return events;
  }
}
