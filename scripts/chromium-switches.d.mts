export declare const CHROMIUM_SWITCHES: readonly string[];
