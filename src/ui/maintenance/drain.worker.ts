/**
 * Every node in turn off the main thread: 64 drains of a large cluster take a few hundred
 * milliseconds, which would freeze the page after each edit. Receives the document, answers with the table.
 */
import { drainEveryNode } from '../../engine';
import { serve } from '../common/offThreadProtocol';

serve(drainEveryNode);
