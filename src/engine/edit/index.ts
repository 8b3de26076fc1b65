/** Pure document edits for the designer: one typed union, one reducer, and their helpers. */
export { applyEdit, type Parsed } from './apply';
export { copyNodes } from './clipboard';
export { hostOf } from './context';
export { emptyTopology } from './empty';
export { fixFor, type Fix } from './fixes';
export { gatewayAddress, nextNicAddress } from './alloc';
export type * from './types';
export { memoryProblem, type VmPatch } from './vms';
