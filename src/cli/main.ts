#!/usr/bin/env node
/**
 * The CLI's entry. When the build made them (`npm run build`), the program runs from one bundled file
 * (dist/bundle/program.js: the CLI, its modules and its dependencies, made by esbuild) with V8's code
 * cache for it (dist/bundle/program.cache), through public APIs only: `vm.Script` with `cachedData`
 * and `module.createRequire`. Otherwise — no bundle, or `IIJ_XBRL_NO_BUNDLE` set — it runs from the
 * compiled modules (also when the bundle is older than them: after a compilation without the bundling
 * step). Either way the same program; the bundle and its cache only save start-up time, as does
 * tuning V8's compiler for the command and the size of its input (`tuneForCommand`; a very large input
 * runs in a child process whose heap is sized at its start: `relaunchSized`).
 */
import { relaunchSized, runBundle, tuneForCommand } from './bundle';

const tuning = tuneForCommand();
if (!relaunchSized(tuning) && !runBundle(tuning)) require('./program');
