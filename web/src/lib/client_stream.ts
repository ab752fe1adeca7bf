// A client-streaming call (the imports) over the Connect protocol with fetch: connect-web
// cannot stream a request body from a browser, and the server takes an import's rows as one
// buffered body of enveloped messages anyway. Binary protobuf envelopes; the last envelope
// of the answer (flag 2) is the JSON end-of-stream message that may carry the error.
import {fromBinary, toBinary, type DescMethodClientStreaming, type MessageInitShape, type MessageShape} from '@bufbuild/protobuf';
import {create} from '@bufbuild/protobuf';
import {Code, ConnectError} from '@connectrpc/connect';

const kEndStream = 2;

function envelope(flags: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = flags;
  new DataView(out.buffer).setUint32(1, payload.length);
  out.set(payload, 5);
  return out;
}

const kCodes: Record<string, Code> = Object.fromEntries(
    Object.entries(Code)
        .filter(([, v]) => typeof v === 'number')
        .map(
            ([
              name, v
            ]) => [name.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase()), v as Code]));

export async function clientStream<M extends DescMethodClientStreaming>(
    method: M, requests: Array<MessageInitShape<M['input']>>): Promise<MessageShape<M['output']>> {
  const parts = requests.map((r) => envelope(0, toBinary(method.input, create(method.input, r))));
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  const response = await fetch(`/${method.parent.typeName}/${method.name}`, {
    method: 'POST',
    headers: {'Content-Type': 'application/connect+proto', 'Connect-Protocol-Version': '1'},
    body,
  });
  if (!response.ok) {
    throw new ConnectError(`HTTP ${response.status}: ${await response.text()}`, Code.Unknown);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  let answer: MessageShape<M['output']>|undefined;
  for (let at = 0; at + 5 <= bytes.length;) {
    const flags = bytes[at];
    const length = new DataView(bytes.buffer, bytes.byteOffset + at + 1, 4).getUint32(0);
    const payload = bytes.subarray(at + 5, at + 5 + length);
    at += 5 + length;
    if (flags & kEndStream) {
      const end = JSON.parse(new TextDecoder().decode(payload) || '{}');
      if (end.error) {
        throw new ConnectError(end.error.message ?? '', kCodes[end.error.code] ?? Code.Unknown);
      }
    } else {
      answer = fromBinary(method.output, payload) as MessageShape<M['output']>;
    }
  }
  if (!answer) throw new ConnectError('the import answered no summary', Code.Internal);
  return answer;
}
