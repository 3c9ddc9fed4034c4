import type { Server } from 'node:http';

export declare const DEMO_PAGE: string;
export declare const SAMPLE_FEED: string;
export declare function demoServer(
  dir: string,
  options?: { rewriteArticle?: (html: string) => string },
): Server;
export declare function listen(server: Server, port: number): Promise<number>;
