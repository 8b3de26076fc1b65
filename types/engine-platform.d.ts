/**
 * The only platform APIs the engine uses beyond ECMAScript: the WHATWG text encoders, present alike
 * in browsers, workers and Node. Declared here (not through the DOM library, which src/engine's
 * tsconfig leaves out) so that nothing else of the browser type-checks in the engine. Only
 * src/engine/tsconfig.json includes this file; the project's check has the DOM library's own.
 */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare const TextDecoder: { new (label?: string, options?: TextDecoderOptions): TextDecoder };
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: { new (): TextEncoder };
