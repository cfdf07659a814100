/** What the benchmark times in-process, bundled by bench/run.mjs exactly as the server is. */
export { buildModel } from '../server/src/service/model/build';
export { parseMarkdown, parseSegments } from '../server/src/service/model/parse';
export { summariseSegment, summariseSimpleSegment } from '../server/src/service/model/collect';
export { lint } from '../server/src/service/lint';
export { RULES } from '../server/src/service/rules/index';
