/** What the benchmark times in-process, bundled by bench/run.mjs exactly as the server is. */
export { buildModel } from '../server/src/service/model/build';
export { parseMarkdown } from '../server/src/service/model/parse';
export { lint } from '../server/src/service/lint';
export { RULES } from '../server/src/service/rules/index';
