// The trained re-ranker that ships with the extension (model.json, written by
// `npm run train:factchecks`, bundled by esbuild; nothing is fetched at run time).

import modelJson from './model.json';
import { parseRerankModel, type RerankModel } from './reranker';

export const FACTCHECK_MODEL: RerankModel = parseRerankModel(modelJson);
