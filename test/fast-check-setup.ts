/**
 * The property tests (fuzzers) run with a new random seed on every run, CI included: fast-check's
 * default. A failure prints its seed; `FC_SEED=<seed> npm run test:unit` replays it.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });
