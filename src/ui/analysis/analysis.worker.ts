/**
 * N-1 analysis off the main thread: at 64 nodes it takes a few hundred milliseconds, which would
 * freeze the page after each edit. Receives the design document, answers with the report.
 */
import { analyzeResilience } from '../../engine';
import { serve } from '../common/offThreadProtocol';

serve(analyzeResilience);
