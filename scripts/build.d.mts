export function buildMain(): Promise<void>;
export function buildRenderer(): Promise<void>;
