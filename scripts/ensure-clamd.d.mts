/** Types for ensure-clamd.mjs, so TypeScript tests can start a private clamd. */
export declare const EICAR: string;
export declare function findClamd(): string | null;
export declare function startClamd(options?: { timeoutMs?: number }): Promise<{
  host: string;
  port: number;
  stop(): Promise<void>;
}>;
