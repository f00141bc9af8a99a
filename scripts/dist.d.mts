export function localElectronDist(env?: NodeJS.ProcessEnv): { dir: string | null; reason?: string };
