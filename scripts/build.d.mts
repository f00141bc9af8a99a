export const EXTERNAL: string[];
export function buildMain(options?: { quiet?: boolean }): Promise<void>;
export function buildRenderer(options?: { quiet?: boolean }): Promise<void>;
