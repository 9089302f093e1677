import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/**
 * The 1-based line a JSON Pointer (RFC 6901) names in a YAML or JSON document, or the line of the
 * deepest existing parent when the pointer names something missing; null when the text is unreadable.
 */
export function lineOf(text: string, pointer: string): number | null {
  let document;
  try {
    document = parseDocument(text, { keepSourceTokens: false });
  } catch {
    return null;
  }
  if (document.errors.length > 0) {
    const position = document.errors[0].linePos?.[0];
    return position ? position.line : null;
  }
  const tokens = pointer === '' ? [] : pointer.replace(/^\//, '').split('/').map(unescape);
  let node: unknown = document.contents;
  let line = lineAt(text, (node as Node | null)?.range?.[0]);
  for (const token of tokens) {
    let next: unknown = undefined;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === token);
      next = pair?.value;
      keyOffset = isScalar(pair?.key) ? pair?.key.range?.[0] : undefined;
    } else if (isSeq(node)) {
      next = node.items[Number(token)];
    }
    if (next === undefined) {
      return line;
    }
    line = lineAt(text, keyOffset ?? (next as Node | null)?.range?.[0]) ?? line;
    node = next;
  }
  return line;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function lineAt(text: string, offset: number | undefined): number | null {
  if (offset === undefined) {
    return null;
  }
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') line++;
  }
  return line;
}
