import { parentPort, workerData } from 'node:worker_threads';
import { validatorCache } from '../validate';
import { verdictOf, type BatchOptions, type FromWorker, type ToWorker } from './validate-batch';

/** A worker thread of `iij-xbrl validate a.xml b.json …`: validates the files it is handed, one DTS compilation per taxonomy. */
const options = workerData as BatchOptions;
const cache = validatorCache();
const port = parentPort!;
port.on('message', (m: ToWorker) => {
  if ('done' in m) {
    port.close();
    return;
  }
  let reply: FromWorker;
  try {
    reply = { index: m.index, verdict: verdictOf(m.file, cache.validate(m.file, options)), compiled: cache.compiled };
  } catch (e) {
    reply = { index: m.index, error: (e as Error)?.stack ?? String(e), compiled: cache.compiled };
  }
  port.postMessage(reply);
});
