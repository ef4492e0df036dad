/** Build-time constants (vite `define`); absent in unit tests. */
declare const __DEFAULT_CHAIN_ID__: number | undefined;
declare const __DEFAULT_BTC_NETWORK__: string | undefined;
